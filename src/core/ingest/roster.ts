// Reads a roster from whatever the evaluator has (a spreadsheet with an id column, or a survey
// tool's contact list: FirstName, LastName, Email, NodeID...), detecting its id and name columns.
import { asActorId, SECTOR_OF_TYPE, type ActorType, type InputFile } from '../model';
import { InputError, rowsText, type QualityCollector } from '../quality';
import { findColumn, type CsvTable } from './csv';
import { guessActorType, parseActorType } from './actor-type';
import { isSummaryRow, readTable, uniqueHeaders } from './table';
import { privateColumnKind } from '../export/privacy';
import { isNameGenerator } from './relations';
import { nameKey, TITLES } from './names';
import { LOST_LETTER, lostLetterMessage } from './chars';
import { isEmail } from './dates';
import { detectLayout } from './detect';
import type { Mapping, RosterEntry, RosterMapping } from './types';

/**
 * Name candidates that are an organisation's name, not a person's (see detectRosterColumns):
 * Outlook's Company, Google Contacts' organisation (older and newer exports).
 */
const GROUP_NAME_COLUMNS = [
  'organisation',
  'organization',
  'company',
  'organization 1 - name',
  'organization name',
  'organisation name',
];

/** Header names each roster field goes by, most specific first. */
const ROSTER_COLUMNS: Record<keyof RosterMapping, string[]> = {
  id: [
    'id',
    'roster id',
    'rosterid',
    'node id',
    'nodeid',
    'actor id',
    'person id',
    'staff id',
    'staff no',
    'staff number',
    'employee id',
    'employee no',
    'employee number',
    'payroll number',
    'personnel number',
    'member id',
    'participant id',
    'contact id',
    'external data reference',
    'externalreference',
    'uid',
    'key',
    'ego',
    'vertex',
  ],
  name: [
    'name',
    'full name',
    'fullname',
    'display name',
    'person',
    'actor',
    'label',
    'contact name',
    'employee name',
    'staff name',
    'organisation',
    'organization',
    'node',
    'node name',
    'organisation / person',
    'person / organisation',
    'name / organisation',
    // Welsh headers (bilingual councils): enw (name), enw llawn (full name).
    'enw',
    'enw llawn',
  ],
  firstName: ['first name', 'firstname', 'given name', 'forename', 'first', 'enw cyntaf'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last', 'cyfenw'],
  // A spreadsheet's own words for the type: "Organisation Type", "Type of organisation".
  type: [
    'type',
    'actor type',
    'kind',
    'category',
    'node type',
    'organisation type',
    'organization type',
    'type of organisation',
    'type of organization',
    'org type',
    'type of actor',
    'stakeholder type',
    'type of stakeholder',
    'math',
  ],
  sector: ['sector'],
  // Not "Title": in a contact list it is Dr, Mrs, Sgt, not the job.
  // Google Contacts' "Organization 1 - Title" (older) and "Organization Title" are the job.
  role: [
    'role',
    'job title',
    'position',
    'job',
    'organization 1 - title',
    'organization title',
    'occupation',
    'rôl',
    'swydd',
    'teitl swydd',
  ],
  service: [
    'service',
    ...GROUP_NAME_COLUMNS,
    'agency',
    'department',
    'team',
    // Spreadsheets' combined and longer headers ("Team / Service", "Service area", "Directorate").
    'team / service',
    'service / team',
    'department / team',
    'team / department',
    'service area',
    'team name',
    'department name',
    'directorate',
    'division',
    'employer',
    'setting',
    'location',
    'place',
    'gwasanaeth',
    'sefydliad',
  ],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'mail',
    'recipientemail',
    'recipient email',
    'primary email',
    'work email',
    'work e-mail',
    'business email',
    'e-mail 1 - value', // Google Contacts
    'e-bost',
    'cyfeiriad e-bost',
  ],
  code: ['code', 'choice code', 'value', 'number', 'no', 'num', 'answer code'],
};

/** "Karen Douglas (Neighbourhood Manager)": a name, then its job in brackets at the end. */
const BRACKETED_ROLE = /^([^()]+?)\s*\(([^()]+)\)$/;

/** A row for a post with no one in it: "Vacant", "Vacancy", "Post vacant", "TBC". */
const VACANT = /^(vacant|vacancy|post vacant|vacant post|tbc|tba|to be (confirmed|appointed))$/i;

/** Headers of other names: a first name people use (group 1), or an earlier family name (group 2). */
const ALIAS_COLUMN =
  /^(?:(nickname|known as|also known as|preferred name|preferred first name)|(maiden name|previous surname|previous last name|former surname|birth surname))$/i;

/** Headers of a column of titles before names ("Title" holds Dr or Mrs in a contact list, not the job). */
const TITLE_COLUMN = /^(title|name prefix|prefix|salutation|honorific)$/i;

/**
 * Headers only Outlook's contact export has (it writes all of them, filled or not): three or more
 * say a roster is one, so that a roster's own "Priority" column is never taken for Outlook's.
 */
const OUTLOOK_ONLY =
  /^(middle name|suffix|e-mail [23] address|e-mail( [23])? (type|display name)|priority|private|sensitivity|billing information|mileage|internet free busy|directory server|business street|home street|other street|assistant's phone|car phone|tty\/tdd phone|organizational id number|government id number)$/i;

/**
 * Outlook's bookkeeping in such an export (its flags "Normal" and "False", the address type
 * "SMTP", initials): nothing about the people, so not their attributes. Categories too while it
 * holds only Outlook's default, "My Contacts".
 */
const OUTLOOK_OWN =
  /^(priority|private|sensitivity|initials|billing information|mileage|internet free busy|directory server|e-mail( [23])? type)$/i;

/** A title as TITLES holds it: "Dr." and "DR" are "dr". */
const titleKey = (t: string): string => t.trim().toLowerCase().replace(/\.$/, '');

/** A job that is volunteering itself, not managing volunteers ("Volunteer Coordinator" is not). */
const VOLUNTEER_ROLE = /^\s*([a-z'-]+\s+)?volunteer\s*$/i;

/** Detect the roster's columns from its header. */
export function detectRosterColumns(header: string[]): RosterMapping {
  const used = new Set<number>();
  const pick = (key: keyof RosterMapping, skip: readonly string[] = []): string | null => {
    for (const name of ROSTER_COLUMNS[key]) {
      if (skip.includes(name)) continue;
      const i = findColumn(header, name);
      if (i >= 0 && !used.has(i)) {
        used.add(i);
        return header[i]!;
      }
    }
    return null;
  };
  // Order matters: full-name and id columns before the looser role/service words.
  const id = pick('id');
  const email = pick('email');
  const firstName = pick('firstName');
  const lastName = pick('lastName');
  // A contact list's Organisation is where each person works, so it is their service; it names
  // the entries only in a roster of groups, which has no first or last name column.
  const name = pick('name', (firstName ?? lastName) ? GROUP_NAME_COLUMNS : []);
  const type = pick('type');
  const sector = pick('sector');
  const role = pick('role');
  const service = pick('service');
  const code = pick('code');
  return { id, name, firstName, lastName, type, sector, role, service, email, code };
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface RosterResult {
  entries: RosterEntry[];
  columns: RosterMapping;
}

/**
 * Read the roster. Rows without a name or id are rejected with an issue; duplicated ids keep the
 * first entry. Without an id column, ids are made from the name (reported), so they stay stable;
 * namesakes with different e-mails are both kept, the later with a repeat suffix ("p-sam-lee-2").
 */
export function readRoster(file: InputFile, quality: QualityCollector, mapping?: Mapping): RosterResult {
  const table = readTable(file, quality);
  return readRosterTable(belowGroupHeader(table, quality), quality, mapping?.roster ?? undefined);
}

/** Whether a header names the people: a name, first and last names, or an id. */
function namesPeople(header: string[]): boolean {
  const c = detectRosterColumns(header);
  return c.name !== null || c.id !== null || (c.firstName !== null && c.lastName !== null);
}

/**
 * An HR sheet's row of merged group headings ("Employee", "Post", "Contact details") above the
 * real header: the header is the row below it, said in a note. Any other table is as read.
 */
function belowGroupHeader(table: CsvTable, quality: QualityCollector): CsvTable {
  const next = table.rows[0];
  if (!next || namesPeople(table.header) || !namesPeople(next.map((c) => c.trim()))) return table;
  const line = table.rowNumbers[0]!;
  quality.info(
    table.file,
    line,
    null,
    'group-header-row',
    `Row ${table.headerRow ?? line - 1} groups the columns (${table.header
      .filter((h) => !/^Column \d+$/.test(h))
      .slice(0, 4)
      .join(', ')}); the header was read from row ${line} below it.`,
  );
  return {
    ...table,
    header: uniqueHeaders(
      next.map((c) => c.trim()),
      table.file,
      line,
      quality,
    ),
    rows: table.rows.slice(1),
    rowNumbers: table.rowNumbers.slice(1),
    headerRow: line,
  };
}

export function readRosterTable(
  table: CsvTable,
  quality: QualityCollector,
  given?: RosterMapping,
): RosterResult {
  const columns = given ? reconcile(given, table, quality) : detectRosterColumns(table.header);
  const col = (name: string | null) => (name == null ? -1 : table.header.indexOf(name));
  const idx = {
    id: col(columns.id),
    name: col(columns.name),
    first: col(columns.firstName),
    last: col(columns.lastName),
    type: col(columns.type),
    sector: col(columns.sector),
    role: col(columns.role),
    service: col(columns.service),
    email: col(columns.email),
    code: col(columns.code),
  };
  const looksLikeSurvey = table.header.some((h) => isNameGenerator(h));
  // A survey tool's export of responses (Microsoft Forms' Name column, Qualtrics'
  // RecipientFirstName) has names, of its respondents: as a roster it would make them the public
  // servants, with a green result. A form's or REDCap's export is one only when it asks who people
  // go to (a sign-up form's export, or a REDCap project of staff, is a fine roster); the other
  // tools' layouts hold responses only.
  const layout = detectLayout([table.header, ...table.rows.slice(0, 3)]).format;
  const form = layout === 'google-forms' || layout === 'microsoft-forms' || layout === 'redcap';
  if (layout !== 'simple' && layout !== 'unknown' && (!form || looksLikeSurvey)) {
    const question = table.header.find((h) => isNameGenerator(h));
    throw new InputError(
      table.file,
      table.headerRow ?? 1,
      null,
      'not-a-roster',
      `This is a survey tool's export of responses, not a roster${question ? `: its questions ask who people go to or trust ("${question.slice(0, 60)}")` : ''}. Give it as the survey, and the list of public servants and groups as the roster.`,
    );
  }
  // Ids alone make a roster, unless its questions ask who people go to: a survey export given as
  // the roster (its "Roster ID" column taken for the ids) would make a network of no one.
  if (idx.name < 0 && idx.first < 0 && idx.last < 0 && (idx.id < 0 || looksLikeSurvey)) {
    throw new InputError(
      table.file,
      table.headerRow ?? 1,
      'name',
      'missing-column',
      `The roster needs a name column (or first and last name columns${idx.id < 0 ? ', or an id column' : ''}); found: ${table.header.join(', ')}.${looksLikeSurvey ? ' This looks like a survey export (its questions ask who people go to or trust), not a roster: give it as the survey, and the list of public servants and groups as the roster.' : ''}`,
    );
  }
  if (idx.id < 0) {
    quality.info(
      table.file,
      1,
      null,
      'roster-no-id',
      'The roster has no id column; ids were made from the names.',
    );
  }
  // In a contact list of people and groups, a group's row has no person's name, only its
  // Organisation (the service column here, see detectRosterColumns): that is the group's name.
  const orgColumn = columns.service != null && findColumn([columns.service], ...GROUP_NAME_COLUMNS) === 0;
  const known = new Set(Object.values(idx).filter((i) => i >= 0));
  const cell = (row: string[], i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
  // Other names people go by (Outlook's Nickname, Google's Maiden Name): matched as theirs.
  const aliasColumns = table.header.flatMap((h, i) => {
    const kind = ALIAS_COLUMN.exec(h.trim());
    return kind && !known.has(i) ? [{ index: i, surname: kind[2] !== undefined }] : [];
  });
  // A contact list's own title column (Outlook's "Title", Google's "Name Prefix": Dr, Cllr, Sgt),
  // told by its values: the title goes before the name, so "Dr Patel" can tell the doctors apart.
  const titleColumn = table.header.findIndex((h, i) => {
    if (known.has(i) || !TITLE_COLUMN.test(h.trim())) return false;
    const values = table.rows.map((row) => cell(row, i)).filter(Boolean);
    return values.length > 0 && values.filter((v) => TITLES.has(titleKey(v))).length >= 0.8 * values.length;
  });
  // Columns hidden in the workbook are not the roster's attributes: someone hid them (a phone
  // number, a note) from view, so they stay out of nodes.csv and the map. Said, not dropped unsaid.
  const hidden = (table.hiddenColumns ?? []).filter((h) => !known.has(table.header.indexOf(h)));
  if (hidden.length > 0) {
    quality.info(
      table.file,
      table.headerRow ?? 1,
      hidden[0]!,
      'hidden-columns',
      `${hidden.length === 1 ? 'The column' : 'The columns'} ${hidden.map((h) => `"${h}"`).join(', ')} ${hidden.length === 1 ? 'is' : 'are'} hidden in the workbook, so ${hidden.length === 1 ? 'it was' : 'they were'} not read as attributes of the people (nor written to nodes.csv). Unhide ${hidden.length === 1 ? 'it' : 'them'} in the roster to include ${hidden.length === 1 ? 'it' : 'them'}.`,
    );
    for (const h of hidden) known.add(table.header.indexOf(h));
  }
  // A hidden column the roster itself reads (its service, say) is still read: said, as a user who
  // hid it may have meant it to be left out.
  const hiddenUsed = (table.hiddenColumns ?? []).filter(
    (h) => known.has(table.header.indexOf(h)) && !hidden.includes(h),
  );
  if (hiddenUsed.length > 0) {
    quality.info(
      table.file,
      table.headerRow ?? 1,
      hiddenUsed[0]!,
      'hidden-columns',
      `${hiddenUsed.map((h) => `"${h}"`).join(', ')} ${hiddenUsed.length === 1 ? 'is' : 'are'} hidden in the workbook yet read as the roster's ${hiddenUsed.length === 1 ? 'column' : 'columns'} (id, name, type, role, service, sector, e-mail or code), as the mapping says. Choose another column in the mapping if ${hiddenUsed.length === 1 ? 'it was' : 'they were'} hidden to be left out.`,
    );
  }
  // Outlook's own columns, left out of the attributes (they reached nodes.csv as noise), and said.
  if (table.header.filter((h) => OUTLOOK_ONLY.test(h.trim())).length >= 3) {
    const filled = (i: number) => table.rows.some((row) => cell(row, i) !== '');
    const own = table.header.filter((h, i) => {
      if (known.has(i) || !filled(i)) return false;
      if (/^categories$/i.test(h.trim()))
        return table.rows.every((row) => ['', 'my contacts'].includes(cell(row, i).toLowerCase()));
      return OUTLOOK_OWN.test(h.trim());
    });
    if (own.length > 0) {
      quality.info(
        table.file,
        table.headerRow ?? 1,
        own[0]!,
        'outlook-columns',
        `${own.length === 1 ? 'The column' : 'The columns'} ${own.map((h) => `"${h}"`).join(', ')} ${own.length === 1 ? 'is' : 'are'} Outlook's own (its flags, address type, initials or default category), not details of the people, so ${own.length === 1 ? 'it was' : 'they were'} not read as their attributes (nor written to nodes.csv).`,
      );
      for (const h of own) known.add(table.header.indexOf(h));
    }
  }
  // Private details of the people (a contact list's Home Street, Birthday, Notes): read, and said
  // never to leave in an export, so that their absence from nodes.csv is no surprise.
  const sensitive = table.header.filter((h, i) => !known.has(i) && privateColumnKind(h) === 'sensitive');
  if (sensitive.length > 0) {
    quality.info(
      table.file,
      table.headerRow ?? 1,
      sensitive[0]!,
      'private-columns',
      `${sensitive.length === 1 ? 'The column' : 'The columns'} ${sensitive
        .slice(0, 8)
        .map((h) => `"${h}"`)
        .join(
          ', ',
        )}${sensitive.length > 8 ? ', ...' : ''} of the roster hold${sensitive.length === 1 ? 's' : ''} private details of the people (home, birth, identity numbers, notes and the like), so ${sensitive.length === 1 ? 'it is' : 'they are'} never written to an export (nodes.csv, GEXF, GraphML), names asked for or not. Contact columns (phone, e-mail, work address) are left out unless names are asked for.`,
    );
  }
  const entries: RosterEntry[] = [];
  /** Each kept id's row and e-mail, to tell a repeated row from a namesake. */
  const seen = new Map<string, { line: number; email: string }>();
  /** The rows of each e-mail (lower case), to say when several share one. */
  const rowsByEmail = new Map<string, { line: number; name: string }[]>();
  let lostLetters = false;
  const untyped: number[] = [];
  // Most names ending in a bracket: a directory's "Name (Job)" column, read as name and job.
  const bracketed = table.rows.filter((row) => BRACKETED_ROLE.test(cell(row, idx.name))).length;
  const directoryStyle = idx.name >= 0 && bracketed >= 2 && bracketed * 2 >= table.rows.length;
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const line = table.rowNumbers[r]!;
    let name = cell(row, idx.name);
    // A staff directory's "Karen Douglas (Neighbourhood Manager)": the name, and the job in brackets.
    let bracketRole = '';
    const directory = directoryStyle && BRACKETED_ROLE.exec(name);
    if (directory) {
      name = directory[1]!.trim();
      bracketRole = directory[2]!.trim();
    }
    if (VACANT.test(name)) {
      quality.info(
        table.file,
        line,
        columns.name,
        'roster-vacant',
        `This row is a vacant post ("${cell(row, idx.name).slice(0, 60)}"), not a person; it was skipped.`,
      );
      continue;
    }
    const personName = [cell(row, idx.first), cell(row, idx.last)].filter(Boolean).join(' ');
    if (!name) name = personName;
    // A row naming only an organisation is that group's: Outlook's Company alone, or, in a
    // contact list with given and family names and no type, a row with a Name and neither that
    // reads as a group's (Google's "Riverside Residents Association").
    const organisation = orgColumn ? cell(row, idx.service) : '';
    const noPerson = (idx.first >= 0 || idx.last >= 0) && personName === '';
    const groupRow =
      (organisation !== '' && (!name || (noPerson && nameKey(name) === nameKey(organisation)))) ||
      (noPerson && name !== '' && idx.type < 0 && guessActorType(name) === 'group');
    if (groupRow && !name) name = organisation;
    // Ids made from names are made without the title column's title, as before it was read.
    const untitled = name;
    const title = titleColumn >= 0 && !groupRow ? cell(row, titleColumn) : '';
    if (title && name && TITLES.has(titleKey(title)) && titleKey(name.split(' ')[0]!) !== titleKey(title)) {
      name = `${title} ${name}`;
    }
    let id = cell(row, idx.id);
    if (isSummaryRow(row)) {
      quality.info(
        table.file,
        line,
        null,
        'summary-row',
        `This row ("${row
          .find((c) => c.trim())!
          .trim()
          .slice(0, 60)}") is a total under the list, not a person; it was skipped.`,
      );
      continue;
    }
    if (!name && !id) {
      quality.warn(
        table.file,
        line,
        columns.name,
        'roster-no-name',
        'This roster row has no name or id and was skipped.',
      );
      continue;
    }
    const madeId = !id;
    if (!id) id = `p-${slug(untitled) || line}`;
    if (!name) {
      quality.warn(
        table.file,
        line,
        columns.name ?? columns.firstName,
        'roster-id-only',
        `This roster row has the id "${id}" but no name: it was kept under its id, and a typed answer cannot name it.`,
      );
      name = id;
    }
    // "N/A", "none", "-" in an e-mail column are no address: they neither tell namesakes apart nor link.
    const emailText = cell(row, idx.email);
    const email = isEmail(emailText) ? emailText : '';
    const earlier = seen.get(id);
    if (earlier && madeId && email && earlier.email && email.toLowerCase() !== earlier.email.toLowerCase()) {
      // Namesakes in a contact list: their e-mails say they are two people, so both are kept
      // (a repeat suffix keeps the id stable); a typed name alone cannot tell them apart.
      let n = 2;
      while (seen.has(`${id}-${n}`)) n++;
      quality.warn(
        table.file,
        line,
        columns.name ?? columns.firstName,
        'roster-same-name',
        `"${name}" is also the name of roster row ${earlier.line} (${earlier.email}); with another e-mail (${email}) this is read as another person, kept as "${id}-${n}". Answers that give only the name will be asked about in review.`,
      );
      id = `${id}-${n}`;
    } else if (earlier) {
      quality.warn(
        table.file,
        line,
        madeId ? (columns.name ?? columns.firstName) : columns.id,
        'duplicate-id',
        madeId
          ? `"${name}" is also the name of roster row ${earlier.line}, and neither row has an id (nor do different e-mails tell them apart): this row was read as a repeat and skipped. If they are two people, give them ids or their e-mails.`
          : `The id "${id}" is used by roster row ${earlier.line}; this row was skipped.`,
      );
      continue;
    }
    seen.set(id, { line, email });
    const typeText = cell(row, idx.type);
    const sectorText = cell(row, idx.sector).toLowerCase();
    // With no type given, the sector may tell ("Voluntary" is a group, "Public" a public servant),
    // and a row named only by its organisation is a group.
    let type: ActorType =
      parseActorType(typeText) ??
      (typeText ? null : parseActorType(sectorText)) ??
      (groupRow ? 'group' : null) ??
      // A contact list with no type: a job of "Volunteer" ("Befriending volunteer") says it.
      (idx.type < 0 && VOLUNTEER_ROLE.test(cell(row, idx.role)) ? 'volunteer' : 'public-servant');
    // A type column left blank here (Excel's merged cells keep the value in the first row only).
    if (idx.type >= 0 && !typeText && !parseActorType(sectorText) && !groupRow) untyped.push(line);
    if (typeText && !parseActorType(typeText)) {
      quality.warn(
        table.file,
        line,
        columns.type,
        'unknown-type',
        `The type "${typeText}" is not one of public servant, service (an organisation such as a school, surgery or council), group, volunteer, resident or service user; read as public servant.`,
      );
      type = 'public-servant';
    }
    const sector = sectorText || SECTOR_OF_TYPE[type];
    const attrs: Record<string, string> = {};
    table.header.forEach((h, i) => {
      if (!known.has(i) && row[i] != null && row[i]!.trim() !== '') attrs[h] = row[i]!.trim();
    });
    const entry: RosterEntry = { id: asActorId(id), name, type, sector, attrs };
    const role = cell(row, idx.role) || bracketRole;
    const service = cell(row, idx.service);
    const code = cell(row, idx.code);
    if (role) entry.role = role;
    if (service && !groupRow) entry.service = service;
    if (email) entry.email = email;
    if (code) entry.code = code;
    const aliases = aliasColumns.flatMap(({ index, surname }) => {
      const alias = cell(row, index);
      if (!alias || groupRow) return [];
      // A nickname of one word goes with the family name, a maiden name with the given name.
      const first = cell(row, idx.first) || untitled.split(' ')[0]!;
      const last = cell(row, idx.last) || untitled.split(' ').at(-1)!;
      return [surname ? `${first} ${alias}` : /\s/.test(alias) ? alias : `${alias} ${last}`];
    });
    if (aliases.length > 0) entry.aliases = aliases;
    entries.push(entry);
    if (!lostLetters && LOST_LETTER.test(name)) {
      lostLetters = true;
      quality.warn(
        table.file,
        line,
        columns.name ?? columns.lastName,
        'lost-letters',
        lostLetterMessage(name),
      );
    }
    if (email) {
      const key = email.toLowerCase();
      const rows = rowsByEmail.get(key);
      if (rows) rows.push({ line, name });
      else rowsByEmail.set(key, [{ line, name }]);
    }
  }
  if (entries.length === 0) {
    throw new InputError(table.file, null, null, 'empty-roster', 'The roster has no usable rows.');
  }
  // One e-mail on several rows: one person twice (a maiden name, two posts, a duplicate record),
  // or a shared inbox (a group and its volunteer). Said, since ties to them are then split.
  for (const [email, rows] of rowsByEmail) {
    if (rows.length < 2) continue;
    quality.warn(
      table.file,
      rows[1]!.line,
      columns.email,
      'roster-shared-email',
      `Roster rows ${rows.map((r) => `${r.line} (${r.name})`).join(', ')} have the same e-mail, ${email}. If they are one person, keep one row: names given for either are counted apart. A respondent writing from this e-mail is linked to one of them only when their respondent type or name says which.`,
    );
  }
  if (untyped.length > 0) {
    quality.warn(
      table.file,
      untyped[0]!,
      columns.type,
      'roster-type-blank',
      `${untyped.length} roster row${untyped.length === 1 ? ' has' : 's have'} no type (${rowsText(untyped)}) and ${untyped.length === 1 ? 'was' : 'were'} read as public servants. Fill the type in (cells merged in Excel keep their value in the first row only).`,
    );
  }
  if (idx.type < 0) {
    quality.info(
      table.file,
      null,
      null,
      'roster-type-default',
      `The roster has no type column: its ${entries.length} entries were read as public servants, or as groups where their sector is voluntary or a row names only an organisation. Add a type column (public-servant, group, volunteer, resident, service-user) or choose it in the mapping to say otherwise.`,
    );
  }
  return { entries, columns };
}

/** A saved mapping may name columns this file lacks: fall back to detection for those, and say so. */
function reconcile(given: RosterMapping, table: CsvTable, quality: QualityCollector): RosterMapping {
  const detected = detectRosterColumns(table.header);
  const out = { ...given };
  for (const key of Object.keys(given) as (keyof RosterMapping)[]) {
    const name = given[key];
    if (name != null && !table.header.includes(name)) {
      quality.warn(
        table.file,
        1,
        name,
        'mapping-column-missing',
        `The saved mapping names the roster column "${name}", which this file does not have; detected "${detected[key] ?? 'none'}" instead.`,
      );
      out[key] = detected[key];
    }
  }
  return out;
}
