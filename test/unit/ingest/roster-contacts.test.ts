// A roster that is a contact list (First Name, Last Name, Email Address, Organisation, Job Title;
// no id column), as a new user exported one: each person is named by their own name and their
// Organisation is their service, not their name; a group's own row is named by its organisation.
import { describe, expect, it } from 'vitest';
import { detectRosterColumns, readRoster, type IngestResult } from '../../../src/core/ingest';
import { QualityCollector } from '../../../src/core/quality';
import { codes, fixture, ROSTER, run, text, tieSet, workbookOf } from './helpers';

const HEADER = '"First Name","Last Name","Email Address","Organisation","Job Title"';

const CONTACTS = [
  HEADER,
  '"Helen","Okafor","helen.okafor@millbrook.gov.uk","Riverside Primary School","Headteacher"',
  '"James","Whitfield","james.whitfield@millbrook.gov.uk","Riverside Primary School","Deputy Headteacher"',
  '"Priya","Patel","priya.patel@millbrook.gov.uk","Riverside Surgery","GP"',
  '"","","millbrook.food.bank@groups.example.org","Millbrook Food Bank","Community group"',
  '"Yvonne","Ahmed","yvonne.ahmed@volunteers.example.org","Millbrook Food Bank","Volunteer"',
].join('\n');

function read(data: string, name = 'contacts.csv') {
  const quality = new QualityCollector();
  return { ...readRoster(text(name, data), quality), quality };
}

describe('a contact-list roster', () => {
  it('names people by first and last name, and reads Organisation as their service', () => {
    expect(detectRosterColumns(HEADER.replace(/"/g, '').split(','))).toMatchObject({
      id: null,
      name: null,
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'Email Address',
      service: 'Organisation',
      role: 'Job Title',
    });
    const { entries, quality } = read(CONTACTS);
    expect(entries.map((e) => [e.id, e.name, e.service ?? null, e.role ?? null])).toEqual([
      ['p-helen-okafor', 'Helen Okafor', 'Riverside Primary School', 'Headteacher'],
      ['p-james-whitfield', 'James Whitfield', 'Riverside Primary School', 'Deputy Headteacher'],
      ['p-priya-patel', 'Priya Patel', 'Riverside Surgery', 'GP'],
      ['p-millbrook-food-bank', 'Millbrook Food Bank', null, 'Community group'],
      ['p-yvonne-ahmed', 'Yvonne Ahmed', 'Millbrook Food Bank', 'Volunteer'],
    ]);
    // Colleagues at one organisation are two people, not a repeated id.
    expect(codes(quality)).not.toContain('duplicate-id');
    expect(codes(quality)).not.toContain('roster-no-name');
  });

  it("reads a row with only an organisation as that group's entry", () => {
    const { entries } = read(CONTACTS);
    const bank = entries.find((e) => e.name === 'Millbrook Food Bank')!;
    expect([bank.type, bank.sector, bank.email]).toEqual([
      'group',
      'voluntary',
      'millbrook.food.bank@groups.example.org',
    ]);
    expect(entries.find((e) => e.name === 'Helen Okafor')!.type).toBe('public-servant');
  });

  it('still names entries by Organisation in a roster of groups (no person-name column)', () => {
    const { entries, columns } = read(
      'Organisation,Email\nMillbrook Food Bank,info@foodbank.org\nAge UK Millbrook,hello@ageuk.org\n',
    );
    expect(columns.name).toBe('Organisation');
    expect(entries.map((e) => [e.id, e.name])).toEqual([
      ['p-millbrook-food-bank', 'Millbrook Food Bank'],
      ['p-age-uk-millbrook', 'Age UK Millbrook'],
    ]);
  });

  it('prefers a full-name column over Organisation, as before', () => {
    const { columns } = read('Full name,Organisation\nHelen Okafor,Riverside Primary School\n');
    expect([columns.name, columns.service]).toEqual(['Full name', 'Organisation']);
  });
});

describe('namesakes in a contact list without ids', () => {
  it('keeps two people of one name with different e-mails, and says so with file and row', () => {
    const { entries, quality } = read(
      [
        HEADER,
        '"Sam","Lee","sam.lee@millbrook.gov.uk","Millbrook Library","Librarian"',
        '"Sam","Lee","s.lee@volunteers.example.org","Millbrook Food Bank","Volunteer"',
      ].join('\n'),
    );
    expect(entries.map((e) => [e.id, e.name, e.email])).toEqual([
      ['p-sam-lee', 'Sam Lee', 'sam.lee@millbrook.gov.uk'],
      ['p-sam-lee-2', 'Sam Lee', 's.lee@volunteers.example.org'],
    ]);
    const issue = quality.issues.find((i) => i.code === 'roster-same-name')!;
    expect([issue.severity, issue.file, issue.row, issue.column]).toEqual([
      'warning',
      'contacts.csv',
      3,
      'First Name',
    ]);
    expect(issue.message).toContain('row 2');
    expect(codes(quality)).not.toContain('duplicate-id');
  });

  it('skips a repeated row (same name, same e-mail), reported with file and both rows', () => {
    const { entries, quality } = read(
      [
        HEADER,
        '"Sam","Lee","sam.lee@millbrook.gov.uk","Millbrook Library","Librarian"',
        '"Helen","Okafor","helen.okafor@millbrook.gov.uk","Riverside Primary School","Headteacher"',
        '"Sam","Lee","Sam.Lee@millbrook.gov.uk","Millbrook Library","Librarian"',
      ].join('\n'),
    );
    expect(entries.map((e) => e.id)).toEqual(['p-sam-lee', 'p-helen-okafor']);
    const issue = quality.issues.find((i) => i.code === 'duplicate-id')!;
    expect([issue.file, issue.row]).toEqual(['contacts.csv', 4]);
    expect(issue.message).toMatch(/row 2.*skipped/);
  });

  it('sends an answer naming only the shared name to review, offering both', () => {
    const roster = text(
      'contacts.csv',
      [
        HEADER,
        '"Sam","Lee","sam.lee@millbrook.gov.uk","Millbrook Library","Librarian"',
        '"Sam","Lee","s.lee@volunteers.example.org","Millbrook Food Bank","Volunteer"',
      ].join('\n'),
    );
    const r = run([text('s.csv', 'Response ID,Who do you trust?\nR_1,Sam Lee\n')], { roster });
    expect(r.ties).toEqual([]);
    expect(r.review.map((i) => [i.text, i.candidates.map((c) => [c.id, c.confidence])])).toEqual([
      [
        'Sam Lee',
        [
          ['p-sam-lee', 1],
          ['p-sam-lee-2', 1],
        ],
      ],
    ]);
  });
});

/** The fixture roster written as a contact list: names split in two, no ids, no type column. */
function asContactList(): string {
  const { entries } = readRoster(ROSTER(), new QualityCollector());
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = entries.map((e) => {
    const group = e.type === 'group';
    const words = e.name.split(' ');
    const first = group ? '' : words.slice(0, -1).join(' ');
    const last = group ? '' : words[words.length - 1]!;
    return [first, last, e.email ?? '', group ? e.name : (e.service ?? ''), e.role ?? ''].map(q).join(',');
  });
  return [HEADER, ...rows].join('\n');
}

/** Each tie as "relation: respondent > named roster person", by name, since the ids differ. */
function tiesByName(r: IngestResult): string[] {
  const label = new Map(r.actors.map((a) => [a.id as string, a.label]));
  return r.ties.map((t) => `${t.relation}: ${label.get(t.source)} > ${label.get(t.target)}`).sort();
}

describe('a survey read against the contact-list roster', () => {
  it('matches the same people as against the roster with ids', () => {
    const survey = () => fixture('kobo.csv');
    const withIds = run([survey()]);
    const contacts = run([survey()], { roster: text('contacts.csv', asContactList()) });
    expect(contacts.roster).toHaveLength(withIds.roster.length);
    expect(tiesByName(contacts)).toEqual(tiesByName(withIds));
    expect(tiesByName(contacts)).toContain('need: Resident 1 > Dr Priya Patel');
    expect(contacts.review.map((i) => i.text)).toEqual(withIds.review.map((i) => i.text));
    expect(codes(contacts.quality)).not.toContain('duplicate-id');
  });
});

describe('rosters in the other shapes evaluators have (a new-user trial)', () => {
  it('reads Welsh headers, "Work Email", and a Title column as no role', () => {
    expect(detectRosterColumns(['ID', 'Enw', 'Math', 'Rôl', 'Gwasanaeth', 'E-bost'])).toMatchObject({
      id: 'ID',
      name: 'Enw',
      type: 'Math',
      role: 'Rôl',
      service: 'Gwasanaeth',
      email: 'E-bost',
    });
    expect(
      detectRosterColumns(['Staff Number', 'Title', 'Forename', 'Surname', 'Job Title', 'Work Email']),
    ).toMatchObject({ role: 'Job Title', email: 'Work Email', firstName: 'Forename', lastName: 'Surname' });
    expect(detectRosterColumns(['Title', 'Full Name', 'Service', 'Email']).role).toBeNull();
  });

  it('takes "N/A" in the e-mail column for no address: namesakes without one stay a repeat', () => {
    const { entries, quality } = read(
      'Name,Email,Service\nNadia Walsh,N/A,Age UK Millbrook\nNadia Walsh,N/A,Carers Network\n',
    );
    expect(entries.map((e) => [e.id, e.email ?? null])).toEqual([['p-nadia-walsh', null]]);
    expect(codes(quality)).toContain('duplicate-id');
  });

  it('says which rows of a type column are blank, and reads a tenants\u2019 association as a group', () => {
    const { entries, quality } = read(
      'id,name,type\nps-01,Helen Okafor,Public servant\nvg-09,Northgate Tenants’ Association,Tenants’ association\n' +
        'vg-06,Parents of Hillside PTA,PTA\nps-02,James Whitfield,\nps-03,Sarah Lindqvist,\n',
    );
    expect(entries.map((e) => e.type)).toEqual([
      'public-servant',
      'group',
      'group',
      'public-servant',
      'public-servant',
    ]);
    const blank = quality.issues.find((i) => i.code === 'roster-type-blank')!;
    expect(blank).toMatchObject({ row: 5, column: 'type' });
    expect(blank.message).toContain('rows 5, 6');
  });
});

describe('a roster workbook with hidden columns', () => {
  // An HR list saved from Excel with the home phone and a note hidden by hand: the hidden ones
  // are not read as the people's attributes (nor reach nodes.csv), and the note says which.
  const rows = [
    ['id', 'name', 'type', 'Ward', 'Home phone', 'Notes'],
    ['ps-01', 'Helen Okafor', 'public-servant', 'Riverside', '01632 960001', 'on leave in May'],
    ['ps-02', 'James Whitfield', 'public-servant', 'Northgate', '01632 960002', ''],
  ];
  const readBook = (hiddenColumns?: number[]) => {
    const quality = new QualityCollector();
    const data = workbookOf([{ name: 'Staff', rows, ...(hiddenColumns ? { hiddenColumns } : {}) }]);
    return { ...readRoster({ name: 'staff.xlsx', data }, quality), quality };
  };

  it('leaves hidden columns out of the attributes and says so', () => {
    const { entries, quality } = readBook([5, 6]);
    expect(entries.map((e) => e.attrs)).toEqual([{ Ward: 'Riverside' }, { Ward: 'Northgate' }]);
    const note = quality.issues.find((i) => i.code === 'hidden-columns');
    expect(note).toMatchObject({ file: 'staff.xlsx', row: 1, column: 'Home phone', severity: 'info' });
    expect(note?.message).toContain('"Home phone", "Notes" are hidden');
  });

  it('reads every column when none is hidden, and a hidden id column is still the id, said', () => {
    expect(readBook().entries[0]!.attrs).toEqual({
      Ward: 'Riverside',
      'Home phone': '01632 960001',
      Notes: 'on leave in May',
    });
    const { entries, quality } = readBook([1]);
    expect(entries.map((e) => e.id)).toEqual(['ps-01', 'ps-02']);
    // Read without a word before (trial M).
    const note = quality.issues.find((i) => i.code === 'hidden-columns');
    expect(note).toMatchObject({ column: 'id' });
    expect(note!.message).toContain('"id" is hidden in the workbook yet read as the roster\'s column');
  });
});

describe('a contact list with private columns', () => {
  it('names them in a note: they are read but never exported', () => {
    const quality = new QualityCollector();
    readRoster(
      text(
        'outlook.csv',
        'First Name,Last Name,Company,Job Title,Home Street,Birthday,Notes,E-mail Address\n' +
          'Helen,Okafor,Riverside Primary School,Headteacher,12 Elm Road,1/5/1971,,helen.okafor@millbrook.gov.uk\n',
      ),
      quality,
    );
    const note = quality.issues.find((i) => i.code === 'private-columns');
    expect(note).toMatchObject({ file: 'outlook.csv', row: 1, column: 'Home Street', severity: 'info' });
    expect(note!.message).toContain('"Home Street", "Birthday", "Notes"');
  });
});

describe('one e-mail on several roster rows (trial L)', () => {
  const roster = text(
    'partners.csv',
    'id,name,type,email\n' +
      'vg-01,Millbrook Food Bank,group,info@millbrookfoodbank.org.uk\n' +
      'vol-01,Yvonne Ahmed,volunteer,info@millbrookfoodbank.org.uk\n' +
      'ps-01,Helen Okafor,public-servant,helen@millbrook.gov.uk\n' +
      'ps-02,Helen Okafor,public-servant,HELEN@millbrook.gov.uk\n' +
      'ps-03,Sarah Evans,public-servant,sarah@nhs.net\n' +
      'ps-04,Sarah Jones,public-servant,sarah@nhs.net\n',
  );
  const survey = text(
    'survey.csv',
    'Timestamp,Email Address,Which best describes you?,Who do you trust?\n' +
      '2026/03/02 10:01:00 AM GMT,Info@MillbrookFoodBank.org.uk,Community group,Sarah Evans\n' +
      '2026/03/02 10:03:00 AM GMT,helen@millbrook.gov.uk,Resident,Sarah Evans\n' +
      '2026/03/02 10:04:00 AM GMT,sarah@nhs.net,Resident,Yvonne Ahmed\n',
  );

  it('links a respondent by their type or a duplicate record, never by the later row alone, and says so', () => {
    const r = run([survey], { roster });
    // The group's respondent used to become the volunteer (the later row took the e-mail).
    expect(r.respondents.map((x) => x.key)).toEqual(['vg-01', 'ps-01', 'r-row4']);
    const volunteer = run(
      [text('survey.csv', survey.data.toString().replace('Community group', 'Volunteer'))],
      {
        roster,
      },
    );
    expect(volunteer.respondents[0]!.key).toBe('vol-01');
    const shared = r.quality.issues.filter((i) => i.code === 'roster-shared-email');
    expect(shared.map((i) => [i.file, i.row, i.column])).toEqual([
      ['partners.csv', 3, 'email'],
      ['partners.csv', 5, 'email'],
      ['partners.csv', 7, 'email'],
    ]);
    expect(shared[0]!.message).toContain('Roster rows 2 (Millbrook Food Bank), 3 (Yvonne Ahmed)');
    // Sarah Evans or Sarah Jones? Neither the type nor a name says: someone new, and said.
    expect(r.quality.issues.find((i) => i.code === 'ambiguous-email')).toMatchObject({
      file: 'survey.csv',
      row: 4,
    });
  });
});

describe('contact lists as Outlook, Google Contacts and Mailchimp export them (trial L)', () => {
  it('Outlook: a row with only a Company is that group', () => {
    const { entries } = read(
      'First Name,Last Name,Company,Job Title,E-mail Address\n' +
        'Helen,Okafor,Riverside Primary School,Headteacher,helen@millbrook.gov.uk\n' +
        ',,Millbrook Food Bank,,info@foodbank.org.uk\n',
      'outlook.csv',
    );
    // It was skipped ("no name or id"), so every answer naming the food bank went to review.
    expect(entries.map((e) => [e.name, e.type, e.service ?? null, e.role ?? null])).toEqual([
      ['Helen Okafor', 'public-servant', 'Riverside Primary School', 'Headteacher'],
      ['Millbrook Food Bank', 'group', null, null],
    ]);
  });

  it("Google Contacts: its e-mail, organisation and title columns; a Name with no given or family name that reads as a group's", () => {
    const header =
      'Name,Given Name,Family Name,Location,Occupation,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name,Organization 1 - Title';
    expect(detectRosterColumns(header.split(','))).toMatchObject({
      email: 'E-mail 1 - Value',
      service: 'Organization 1 - Name',
      role: 'Organization 1 - Title',
    });
    const { entries } = read(
      `${header}\n` +
        'Karen Douglas,Karen,Douglas,Home,,* Work,karen@millbrook.gov.uk,Millbrook Borough Council,Neighbourhood Manager\n' +
        'Riverside Residents Association,,,,,* Work,rra@example.org,,\n' +
        'Sam Lee,,,,,* Work,sam@example.org,,\n',
      'google.csv',
    );
    expect(entries.map((e) => [e.name, e.type, e.email ?? null, e.service ?? null])).toEqual([
      ['Karen Douglas', 'public-servant', 'karen@millbrook.gov.uk', 'Millbrook Borough Council'],
      ['Riverside Residents Association', 'group', 'rra@example.org', null],
      ['Sam Lee', 'public-servant', 'sam@example.org', null],
    ]);
  });

  it('Mailchimp, with no type column: a job of "Volunteer" is a volunteer, "Volunteer coordinator" is not', () => {
    const { entries } = read(
      'Email Address,First Name,Last Name,Organisation,Role\n' +
        'nadia@ageuk.org.uk,Nadia,Walsh,Age UK Millbrook,Befriending volunteer\n' +
        'yvonne@foodbank.org.uk,Yvonne,Ahmed,Millbrook Food Bank,Volunteer coordinator\n',
      'audience.csv',
    );
    // Nadia was a public servant, and ranked first among them in analyse.
    expect(entries.map((e) => [e.name, e.type])).toEqual([
      ['Nadia Walsh', 'volunteer'],
      ['Yvonne Ahmed', 'public-servant'],
    ]);
  });

  it('reads an "Employee Name" column as the name', () => {
    expect(detectRosterColumns(['Staff No.', 'Employee Name', 'Job Title'])).toMatchObject({
      id: 'Staff No.',
      name: 'Employee Name',
    });
  });
});

describe('a staff directory of "Name (Job)" cells (trial L)', () => {
  it('reads the name and the job apart, and skips vacant posts with a note', () => {
    const { entries, quality } = read(
      'Name,Team,Email\n' +
        'Karen Douglas (Neighbourhood Manager),Neighbourhoods,karen.douglas@millbrook.gov.uk\n' +
        '"Revd Susan Hart (Vicar, St Mary\'s)",Faith partners,vicar@example.org\n' +
        'Eleanor Price,Libraries,eleanor.price@millbrook.gov.uk\n' +
        'Vacant (Youth Worker),Youth Service,\n',
      'directory.csv',
    );
    // "Karen Douglas (Neighbourhood Manager)" was the name: an exact "Karen Douglas" went to review.
    expect(entries.map((e) => [e.id, e.name, e.role ?? null])).toEqual([
      ['p-karen-douglas', 'Karen Douglas', 'Neighbourhood Manager'],
      ['p-revd-susan-hart', 'Revd Susan Hart', "Vicar, St Mary's"],
      ['p-eleanor-price', 'Eleanor Price', null],
    ]);
    expect(quality.issues.find((i) => i.code === 'roster-vacant')).toMatchObject({ row: 5, column: 'Name' });
  });

  it('keeps a bracket that is part of one name in a list of plain names', () => {
    const { entries } = read(
      'Name,Type\nAge UK (Millbrook),group\nHelen Okafor,public-servant\nAmira Haddad,public-servant\n',
    );
    expect(entries[0]!.name).toBe('Age UK (Millbrook)');
  });
});

describe('an HR workbook with a row of merged group headings over the header (trial L)', () => {
  it('reads the header from the row below, and names the rows in its notes', () => {
    const quality = new QualityCollector();
    const rows = [
      ['Millbrook Borough Council'],
      ['Establishment report'],
      ['Employee', '', '', 'Post', '', 'Contact details'],
      ['Staff No.', 'Name', 'Date of Birth', 'Job Title', 'Team', 'Work Email'],
      ['10231', 'Helen Okafor', '1971-05-01', 'Headteacher', 'Schools', 'helen@millbrook.gov.uk'],
    ];
    const { entries } = readRoster({ name: 'hr.xlsx', data: workbookOf([{ name: 'Staff', rows }]) }, quality);
    // It stopped: "row 1 ... found: Employee, Column 2, ...".
    expect(entries.map((e) => [e.id, e.name, e.role])).toEqual([['10231', 'Helen Okafor', 'Headteacher']]);
    expect(quality.issues.find((i) => i.code === 'group-header-row')).toMatchObject({ row: 4 });
    expect(quality.issues.find((i) => i.code === 'private-columns')).toMatchObject({
      row: 4,
      column: 'Date of Birth',
    });
  });
});

describe("a contact list's title column (trial L)", () => {
  it('puts Dr, Cllr or Sgt before the name, so "Dr Patel" is asked about when two Patels are doctors', () => {
    const roster = text(
      'google.csv',
      'Name,Name Prefix,Given Name,Family Name,Organization 1 - Name\n' +
        'Priya Patel,Dr,Priya,Patel,Riverside Surgery\n' +
        'Anil Patel,Dr.,Anil,Patel,Northgate Medical Centre\n' +
        'Helen Okafor,Mrs,Helen,Okafor,Riverside Primary School\n',
    );
    const quality = new QualityCollector();
    const { entries } = readRoster(roster, quality);
    expect(entries.map((e) => [e.id, e.name])).toEqual([
      ['p-priya-patel', 'Dr Priya Patel'],
      ['p-anil-patel', 'Dr. Anil Patel'],
      ['p-helen-okafor', 'Mrs Helen Okafor'],
    ]);
    // "Dr Patel" was accepted as Priya: Anil's title was in a column of its own.
    const r = run(
      [
        text(
          's.csv',
          'Timestamp,Which best describes you?,Who do you trust?\n2026/03/02 10:01:00 AM GMT,Resident,Dr Patel\n',
        ),
      ],
      { roster },
    );
    expect(r.ties).toEqual([]);
    expect(r.review[0]!.candidates.map((c) => c.id).sort()).toEqual(['p-anil-patel', 'p-priya-patel']);
  });

  it('leaves a "Title" column of jobs alone', () => {
    const { entries } = read('Name,Title\nHelen Okafor,Headteacher\nAnil Patel,GP\n');
    expect(entries.map((e) => e.name)).toEqual(['Helen Okafor', 'Anil Patel']);
  });
});

describe('names whose letters Excel turned into "?" (trial L)', () => {
  it('are warned about once per file, in the roster and in the answers', () => {
    const roster = text(
      'roster.csv',
      'id,name,type\np1,?ukasz Nowak,public-servant\np2,Zo? Price,public-servant\np3,Helen Okafor,public-servant\n',
    );
    const r = run(
      [
        text(
          'survey.csv',
          'Timestamp,Which best describes you?,Who do you trust?\n' +
            '2026/03/02 10:01:00 AM GMT,Resident,Bj?rn Olsen\n' +
            '2026/03/02 10:02:00 AM GMT,Resident,Helen Okafor?\n',
        ),
      ],
      { roster },
    );
    const lost = r.quality.issues.filter((i) => i.code === 'lost-letters');
    // A "?" after a name ("Helen Okafor?") is a question, not a lost letter.
    expect(lost.map((i) => [i.file, i.row, i.column])).toEqual([
      ['roster.csv', 2, 'name'],
      ['survey.csv', 2, 'Who do you trust?'],
    ]);
    expect(lost[0]!.message).toContain('"?ukasz Nowak" has a "?" where a letter should be');
    expect(lost[0]!.message).toContain('CSV UTF-8');
  });
});

describe("a contact list's Nickname and Maiden Name columns (trial L)", () => {
  it('match the names people go by to the person', () => {
    const roster = text(
      'outlook.csv',
      'First Name,Last Name,Nickname,Maiden Name,Company,Job Title\n' +
        'Mohammed,Rahman,Mo,,Millbrook Borough Council,Neighbourhood Officer\n' +
        'Sarah,Jones,,Evans,Millbrook Health Visiting Team,Health Visitor\n',
    );
    const r = run(
      [
        text(
          'survey.csv',
          'Timestamp,Which best describes you?,Who do you trust?\n' +
            '2026/03/02 10:01:00 AM GMT,Resident,Mo Rahman\n' +
            '2026/03/02 10:02:00 AM GMT,Resident,Sarah Evans\n',
        ),
      ],
      { roster },
    );
    // Both went to review with no suggestion ("Sarah Evans") or a weak one.
    expect(tieSet(r)).toEqual(['r-row2>p-mohammed-rahman:trust', 'r-row3>p-sarah-jones:trust']);
    expect(r.roster.map((e) => e.aliases)).toEqual([['Mo Rahman'], ['Sarah Evans']]);
  });
});
