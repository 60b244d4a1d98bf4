// The Import view: load your own files (drag-and-drop or file pickers) for the current wave and an
// optional baseline, check and edit the detected mapping, and decide unmatched names (review queue).
import { isCoreRelation, type ActorType, type InputFile } from '../../core/model';
import { guessActorType, isRelativeTerm } from '../../core/ingest/actor-type';
import { guessFileRole } from '../../core/ingest/file-role';
import { nameKey } from '../../core/ingest/names';
import type {
  Candidate,
  DecisionRecord,
  Mapping,
  QuestionMapping,
  ReviewItem,
  RosterMapping,
  SurveyFormat,
  SurveyMapping,
} from '../../core/ingest/types';
import { QualityCollector } from '../../core/quality';
import { streamGrid, titleRowCount } from '../../core/ingest/table';
import { archiveHead } from '../../core/ingest/archive';
import { PLAIN_FORMATS } from '../../core/ingest/types';
import { plainWording } from '../../core/ingest/wording';
import { setQuestionRelation } from '../../core/ingest/mapping-edit';
import { unreadColumns } from '../../core/ingest/detect';
import { findColumn } from '../../core/ingest/csv';
import { rememberBlob } from '../../worker/blob-files';
import { checkMapping } from '../../core/ingest/mapping-file';
import { announce, clear, fmt, h, tableWrap } from '../dom';
import { fileSize, listFiles, type WaveFiles } from '../project';
import { resultIsStale, type FileRole, type ReplacedFile, type Store, type WaveKey } from '../store';
import type { View, ViewFactory } from './view';
import { coverageBlock } from '../coverage';
import { createCombobox, rankMatches, type SearchItem } from '../map/search';

/** A roster person the review queue may choose. */
interface Person {
  id: string;
  name: string;
  role?: string;
  service?: string;
}
/** A person's role and service, as the chooser shows them and finds them by. */
const roleOf = (p: Person | undefined): string => [p?.role, p?.service].filter(Boolean).join(', ');

/** The roster as every name's chooser offers it: made once per drawing of the queue, not per name. */
interface RosterChoices {
  items: SearchItem[];
  byId: Map<string, Person>;
}
function rosterChoices(people: Person[]): RosterChoices {
  return {
    items: people.map((p) => ({ id: p.id, label: p.name, detail: roleOf(p), terms: roleOf(p) })),
    byId: new Map(people.map((p) => [p.id, p])),
  };
}

const ROLE_LABEL: Record<FileRole, string> = {
  roster: 'Roster',
  surveys: 'Survey',
  appraisals: '360 appraisals',
  satisfaction: 'Satisfaction',
  codebook: 'Codebook',
};

const ROLE_HELP: Record<FileRole, string> = {
  roster: 'One row per public servant, group or volunteer: id, name, type, role, service, sector.',
  surveys:
    'The survey tool’s export: one row per respondent, one column per question (several files allowed).',
  appraisals: 'Optional. 360 ratings, long (ratee, rater, group, competency, score) or wide.',
  satisfaction: 'Optional. Resident answers: service used and agree/disagree items.',
  codebook: 'Optional. The survey tool’s codebook (for example a REDCap data dictionary) for coded answers.',
};

/**
 * The survey tools' own names, for the mapping's "detected as". Each must be true of every export
 * the format covers: 'simple' includes tick-box columns (Jisc Online Surveys, Citizen Space), and
 * 'surveymonkey' any export with its two header rows (SmartSurvey's is named by formatLabel).
 */
const FORMAT_LABEL: Record<SurveyFormat, string> = {
  simple: 'one row per respondent, a column per question',
  'google-forms': 'a Google Forms export',
  'microsoft-forms': 'a Microsoft Forms export',
  qualtrics: 'a Qualtrics export',
  surveymonkey: 'a SurveyMonkey-style export (two header rows)',
  kobo: 'a KoboToolbox / ODK export',
  limesurvey: 'a LimeSurvey export',
  redcap: 'a REDCap export',
  unknown: 'an unrecognised layout: check the columns below',
  edgelist: 'a network: an edge list (source, target)',
  matrix: 'a network: an adjacency matrix',
  'ucinet-dl': 'a network: UCINET DL',
  pajek: 'a network: Pajek .net',
};

/**
 * A survey's "detected as": the format's label, or the tool's own name where its columns say it.
 * SmartSurvey's export (its "UserNo" column) is read in SurveyMonkey's layout, or as one header
 * row, and was called "a SurveyMonkey-style export".
 */
export function formatLabel(s: SurveyMapping, columns: string[]): string {
  if ((s.format === 'surveymonkey' || s.format === 'simple') && findColumn(columns, 'UserNo') >= 0)
    return `a SmartSurvey export${s.headerRows > 1 ? ' (two header rows)' : ''}`;
  return FORMAT_LABEL[s.format] ?? s.format;
}

/**
 * The least alike a review item's best candidate must be for the one-click Accept. Below it a
 * match rests on a shared word or a role ("the library" is 45% alike to the library assistant):
 * a primary button would invite accepting a guess, so the candidates stay in the select, where
 * choosing one is a deliberate act.
 */
const ONE_CLICK_ACCEPT = 0.6;

/** The relation select's "another tie type…" option (none of the built-in tie types). */
const CUSTOM_RELATION = '__custom';
/** The longest name, in characters, of a tie type the user adds. */
const TIE_NAME_MAX = 40;

/** Formats that are networks already: ties as the file gives them, nothing to map. */
const NETWORK_FORMATS = new Set<SurveyFormat>(PLAIN_FORMATS);

const ROLES: FileRole[] = ['roster', 'surveys', 'appraisals', 'satisfaction', 'codebook'];
// Zipped exports too: Google Forms, Qualtrics and SurveyMonkey download their CSV in a .zip.
// Networks from other tools too: Pajek .net and UCINET .dl.
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.zip,.net,.dl,.json,text/csv,application/zip,application/json';

/**
 * Guesses what a dropped file is: from its header row first (a codebook's, a roster's, a 360 or
 * satisfaction return's columns, or a survey's own), from its name only when the header says
 * nothing (guessFileRole). The user can change the role in the file list.
 */
export function guessRole(file: InputFile): FileRole {
  return guessFileRole(file.name, headerOf(file));
}

/** What happened to a file another replaced in a one-file slot, in words. */
function replacedText(entry: ReplacedFile): string {
  if (entry.role === 'surveys')
    return `An earlier ${entry.file.name} is not used: the new file of the same name, with other content, replaced it.`;
  const role = ROLE_LABEL[entry.role as FileRole].toLowerCase();
  return `${entry.file.name} is not used: a wave has one ${role} file, and ${entry.by} replaced it.`;
}

/** The names of the files a wave holds in a role, for the line beside its picker. */
function chosenFiles(wave: WaveFiles | null, role: FileRole): string[] {
  if (!wave) return [];
  if (role === 'surveys') return wave.surveys.map((f) => f.name);
  const file = wave[role];
  return file ? [file.name] : [];
}

/** A file's size in words: an empty file says so rather than rounding up to "1 kB". */
export function sizeText(bytes: number): string {
  if (bytes === 0) return 'empty (0 bytes)';
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  // "120.2 MB", not "123058 kB" (trial V): one decimal below 100 of a unit, as file managers show.
  const [size, unit] =
    bytes < 1024 ** 2
      ? [bytes / 1024, 'kB']
      : bytes < 1024 ** 3
        ? [bytes / 1024 ** 2, 'MB']
        : [bytes / 1024 ** 3, 'GB'];
  return `${fmt(size < 100 && unit !== 'kB' ? Math.round(size * 10) / 10 : Math.round(size), 1)} ${unit}`;
}

/**
 * A mapping.json the command line wrote (or last year's run): its columns, tie types and review
 * decisions become the project's mapping, and the analysis runs again with them. Anything else
 * with a .json name is refused, saying why, never read as a survey.
 */
function useMappingFile(store: Store, file: InputFile): void {
  let mapping: Mapping;
  try {
    const text = typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data);
    mapping = checkMapping(JSON.parse(text) as unknown, file.name);
  } catch (err) {
    const why =
      err instanceof SyntaxError ? 'it is not valid JSON' : err instanceof Error ? err.message : String(err);
    store.notify({ kind: 'error', text: `${file.name} was not used as a mapping: ${why}` });
    return;
  }
  store.setMapping(mapping);
  const n = mapping.decisions.length;
  store.notify({
    kind: 'info',
    text: `${file.name} is now the mapping: its columns, tie types and ${n} review decision${n === 1 ? '' : 's'} are used, and the analysis runs again with them.`,
  });
}

async function readFiles(list: FileList | File[]): Promise<InputFile[]> {
  // Bytes, not text: the core detects the encoding (UTF-8, UTF-16, Windows-1252) and .xlsx.
  return Promise.all(
    Array.from(list).map(async (f) => {
      const data = new Uint8Array(await f.arrayBuffer());
      // The File itself is a Blob of these bytes: they go to the worker and storage as it.
      rememberBlob(data, f);
      return { name: f.name, data };
    }),
  );
}

const headerCache = new WeakMap<object, string[]>();
/** How much of a file the main thread reads to find its header: enough for any real header row. */
const HEADER_PREFIX = 256 * 1024;
const STOP = Symbol('header read');
/** Rows read for a file's header: title rows may come before it, and data rows tell them apart. */
const HEADER_ROWS = 10;

/**
 * The first lines of a text file, cut at a line end, so a 50 MB export's header is read without
 * decoding and parsing the whole file on the main thread. Workbooks (.xlsx) are kept whole.
 */
export function headerPrefix(file: InputFile): InputFile {
  const { data } = file;
  if (typeof data === 'string') {
    if (data.length <= HEADER_PREFIX) return file;
    const end = data.lastIndexOf('\n', HEADER_PREFIX);
    return end > 0 ? { name: file.name, data: data.slice(0, end + 1) } : file;
  }
  if (data[0] === 0x50 && data[1] === 0x4b) {
    // A zipped export: the head of the CSV inside, cut at a line end below. A workbook stays whole.
    const head = archiveHead(file, HEADER_PREFIX);
    if (!head) return file;
    return headerPrefix(head);
  }
  if (data.length <= HEADER_PREFIX) return file;
  const end = data.lastIndexOf(0x0a, HEADER_PREFIX);
  if (end <= 0) return file;
  // UTF-16 LE writes a line end as 0A 00: keep the 00 so the text stays whole.
  const utf16le = data[0] === 0xff && data[1] === 0xfe;
  return { name: file.name, data: data.subarray(0, end + (utf16le ? 2 : 1)) };
}

/** The header row of a file (first non-blank row), for the mapping's column choices. */
function headerOf(file: InputFile | null | undefined): string[] {
  if (!file) return [];
  const key = file as object;
  const cached = headerCache.get(key);
  if (cached) return cached;
  // The first rows, enough to see past title rows above the header (as the core does).
  const rows: string[][] = [];
  try {
    streamGrid(
      headerPrefix(file),
      new QualityCollector(),
      (row) => {
        rows.push(row);
        if (rows.length >= HEADER_ROWS) throw STOP; // the header is all the main thread needs
      },
      undefined,
      HEADER_ROWS,
    );
  } catch (err) {
    if (err !== STOP) rows.length = 0;
  }
  const first = rows[titleRowCount(rows)] ?? [];
  const header = first.map((c) => c.trim()).filter(Boolean);
  headerCache.set(key, header);
  return header;
}

/** Moves focus to a heading (kept out of the tab order), so keyboard users keep their place. */
function focusHeading(heading: HTMLElement | null): void {
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** Above this many columns a column menu is filled when first used, not when drawn. */
const EAGER_COLUMNS = 100;

function columnSelect(
  id: string,
  label: string,
  columns: string[],
  value: string | null,
  onChange: (v: string | null) => void,
): HTMLElement {
  const select = h('select', { id });
  const all = value && !columns.includes(value) ? [value, ...columns] : columns;
  // Options show the header's words without its rich-text markup; the value stays the header.
  const option = (c: string) => h('option', { value: c, text: plainWording(c) || c });
  const fill = () => {
    clear(select);
    select.appendChild(h('option', { value: '', text: '(none)' }));
    for (const c of all) select.appendChild(option(c));
    select.value = value ?? '';
  };
  if (all.length <= EAGER_COLUMNS) fill();
  else {
    // An export with 2,000 columns drew 20,000 options across these menus in one task: each shows
    // its choice and fills in the rest when focused or pressed (before its list opens).
    select.append(h('option', { value: '', text: '(none)' }), ...(value ? [option(value)] : []));
    select.value = value ?? '';
    const once = () => {
      select.removeEventListener('focus', once);
      select.removeEventListener('mousedown', once);
      fill();
    };
    select.addEventListener('focus', once);
    select.addEventListener('mousedown', once);
  }
  select.addEventListener('change', () => onChange(select.value || null));
  return h('label', { for: id }, label, select);
}

export const mountImport: ViewFactory = (container, store): View => {
  container.append(
    h('h2', { text: 'Import' }),
    h('p', {
      class: 'muted',
      text: 'Your files stay on this computer: they are read by this page and analysed in a background worker, never uploaded. The project is saved in this browser as you work.',
    }),
  );
  const actions = h('div', { class: 'toolbar' });
  const demo = h('button', { type: 'button', text: 'Load the demo data' });
  // Both replace the project, and the shell mounts a new Import view (this button with the old
  // one): focus moves on to where the next step starts instead of falling to <body>.
  demo.addEventListener('click', () => {
    store.loadDemo();
    focusHeading(document.querySelector<HTMLElement>('main h2'));
  });
  const fresh = h('button', { type: 'button', text: 'Start a new empty project' });
  fresh.addEventListener('click', () => {
    if (
      confirm(
        'Start a new project? The current one is replaced (export it first from Report if you want to keep it).',
      )
    ) {
      store.newProject();
      // The next step is choosing files: the current wave's "Choose files…".
      document.getElementById('files-current')?.focus();
    }
  });
  const runButton = h('button', { type: 'button', class: 'primary', text: 'Run the analysis' });
  runButton.addEventListener('click', () => store.run());
  const nameInput = h('input', { type: 'text', id: 'project-name' });
  nameInput.addEventListener('change', () => store.renameProject(nameInput.value));
  actions.append(h('label', { for: 'project-name' }, 'Project name', nameInput), runButton, demo, fresh);
  container.appendChild(actions);

  const waves = h('div', { class: 'grid-2' });
  const mappingPanel = h('section', { class: 'panel', 'aria-labelledby': 'mapping-heading' });
  const reviewPanel = h('section', {
    class: 'panel',
    'aria-labelledby': 'review-heading',
    'data-testid': 'review-queue',
  });
  const framePanel = h('section', { class: 'panel', 'aria-labelledby': 'frame-heading' });
  container.append(waves, reviewPanel, framePanel, mappingPanel);

  function renderFrame(): void {
    clear(framePanel);
    framePanel.appendChild(h('h3', { id: 'frame-heading', text: 'How many were asked (optional)' }));
    framePanel.appendChild(
      h('p', {
        class: 'small muted',
        text: 'The number of people invited to answer, per sector. With it the scorecards show response rates and warn where too few answered to compare people fairly.',
      }),
    );
    const { result, project } = store.getState();
    const sectors = result?.coverage?.sectors.map((c) => c.sector) ?? ['community', 'voluntary', 'public'];
    const row = h('div', { class: 'toolbar' });
    for (const sector of sectors) {
      const id = `invited-${sector}`;
      const input = h('input', {
        type: 'number',
        id,
        min: 0,
        step: 1,
        inputmode: 'numeric',
        style: 'width: 7rem',
      });
      const v = project.invited?.[sector];
      input.value = v === undefined ? '' : String(v);
      input.addEventListener('change', () => {
        const next = { ...(store.getState().project.invited ?? {}) };
        const n = Number(input.value);
        if (input.value === '' || !Number.isFinite(n) || n <= 0) delete next[sector];
        else next[sector] = Math.round(n);
        store.setInvited(next);
      });
      row.appendChild(h('label', { for: id }, `${sector.charAt(0).toUpperCase()}${sector.slice(1)}`, input));
    }
    framePanel.appendChild(row);
    // Who answered is a result: not shown from a run of files that have changed since.
    if (result && !isOld()) framePanel.appendChild(coverageBlock(result, true));
  }

  function wavePanel(key: WaveKey, wave: WaveFiles | null): HTMLElement {
    const title = key === 'current' ? 'Current wave' : 'Baseline wave (optional)';
    const section = h('section', { class: 'panel', 'aria-label': title, 'data-wave': key });
    section.appendChild(h('h3', { text: title }));
    if (key === 'baseline') {
      section.appendChild(
        h('p', {
          class: 'small muted',
          text: 'An earlier survey round, to measure change. People are matched across waves by roster id; the current roster is used when the baseline has none.',
        }),
      );
    }
    const replaced = replacedNotice(key);
    if (replaced) section.appendChild(replaced);
    const zone = h('div', { class: 'dropzone', 'data-testid': `dropzone-${key}` });
    const any = h('input', {
      type: 'file',
      id: `files-${key}`,
      multiple: true,
      accept: ACCEPT,
      class: 'visually-hidden',
    });
    const pick = h('label', { for: `files-${key}`, class: 'button' }, 'Choose files…');
    /**
     * Each file to the slot its columns say, the files of one role together (two of one name are
     * both kept, numbered); a mapping.json (the command line's) is used as the mapping.
     */
    const addDropped = (files: InputFile[]): void => {
      const byRole = new Map<FileRole, InputFile[]>();
      for (const f of files) {
        if (/\.json$/i.test(f.name)) useMappingFile(store, f);
        else {
          const role = guessRole(f);
          byRole.set(role, [...(byRole.get(role) ?? []), f]);
        }
      }
      for (const [role, list] of byRole) store.addFiles(key, role, list);
    };
    any.addEventListener('change', async () => {
      if (!any.files) return;
      addDropped(await readFiles(any.files));
      any.value = '';
    });
    zone.append(
      h('p', {
        text: 'Drop CSV or Excel files here (each is taken for a roster, survey, codebook, 360 or satisfaction file by its columns), or ',
      }),
      // The input before its label: its keyboard focus is drawn on the label (input + label in CSS).
      any,
      pick,
    );
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', async (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      if (!e.dataTransfer?.files.length) return;
      addDropped(await readFiles(e.dataTransfer.files));
    });
    section.appendChild(zone);

    // One explicit picker per role, for people who prefer to say what each file is. The file input
    // itself is hidden: a browser's own says "No file chosen" once the panel is drawn again, so a
    // button opens it and the files the role holds are named beside it.
    const pickers = h('div', { class: 'grid-3' });
    for (const role of ROLES) {
      if (key === 'baseline' && role === 'codebook') continue;
      const id = `file-${key}-${role}`;
      const input = h('input', {
        type: 'file',
        id,
        accept: ACCEPT,
        multiple: role === 'surveys',
        'data-role': role,
        hidden: true,
        tabindex: -1,
      });
      input.addEventListener('change', async () => {
        if (!input.files?.length) return;
        store.addFiles(key, role, await readFiles(input.files));
        input.value = '';
      });
      const chosen = chosenFiles(wave, role);
      const button = h('button', {
        type: 'button',
        id: `${id}-button`,
        text: role === 'surveys' ? 'Choose files…' : chosen.length ? 'Replace the file…' : 'Choose a file…',
        'aria-labelledby': `${id}-title ${id}-button`,
        'aria-describedby': `${id}-chosen ${id}-help`,
      });
      button.addEventListener('click', () => input.click());
      pickers.appendChild(
        h(
          'div',
          { 'data-picker': role },
          h('strong', { id: `${id}-title`, text: ROLE_LABEL[role] }),
          h('br'),
          input,
          button,
          ' ',
          // Beside the button, not under it: the five pickers stay on screen at 1366×900.
          h('span', {
            class: chosen.length ? 'small chosen' : 'small muted chosen',
            id: `${id}-chosen`,
            'data-testid': `chosen-${key}-${role}`,
            style: 'overflow-wrap: anywhere',
            text: chosen.length ? `Chosen: ${chosen.join(', ')}` : 'No file chosen yet',
          }),
          h('p', { class: 'small muted', id: `${id}-help`, text: ROLE_HELP[role] }),
        ),
      );
    }
    section.appendChild(pickers);

    const files = wave ? listFiles(wave) : [];
    const list = h('ul', { class: 'file-list', 'aria-label': `${title} files` });
    if (files.length === 0) list.appendChild(h('li', { class: 'muted', text: 'No files yet.' }));
    for (const { role, file, index } of files) {
      // Named by role and, among several surveys, place: two files of one name (a roster chosen
      // again as a survey) must not read out as the same control.
      const which = `${file.name} (${ROLE_LABEL[role].toLowerCase()}${
        role === 'surveys' && (wave?.surveys.length ?? 0) > 1 ? ` ${index + 1}` : ''
      })`;
      const remove = h('button', {
        type: 'button',
        id: `remove-${key}-${role}-${index}`,
        class: 'link',
        text: 'Remove',
        'aria-label': `Remove ${which}`,
      });
      remove.addEventListener('click', () => store.removeFile(key, role, index));
      list.appendChild(
        h(
          'li',
          { 'data-file': file.name, 'data-role': role },
          roleSelect(key, role, index, which),
          h('span', { text: file.name }),
          h('span', { class: 'small muted', text: sizeText(fileSize(file)) }),
          remove,
        ),
      );
    }
    section.appendChild(list);
    if (key === 'baseline' && wave) {
      const drop = h('button', { type: 'button', id: 'clear-baseline', text: 'Remove the baseline wave' });
      drop.addEventListener('click', () => store.clearBaseline());
      section.appendChild(drop);
    }
    return section;
  }

  /**
   * The files of this wave another file replaced in a one-file slot (two codebooks chosen
   * together, a second roster): named, with the choice of using each as a survey instead.
   */
  function replacedNotice(key: WaveKey): HTMLElement | null {
    const entries = store
      .getState()
      .replaced.map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.wave === key);
    if (entries.length === 0) return null;
    const list = h('ul', { class: 'replaced-list' });
    for (const { entry, index } of entries) {
      const use = h('button', {
        type: 'button',
        'data-control': 'use-as-survey',
        text:
          entry.role === 'surveys'
            ? `Keep both (the earlier as a copy)`
            : `Use ${entry.file.name} as a survey`,
        'aria-label':
          entry.role === 'surveys'
            ? `Keep both: the earlier ${entry.file.name} as a numbered copy`
            : `Use ${entry.file.name} as a survey`,
      });
      use.addEventListener('click', () => store.useReplacedAsSurvey(index));
      const leave = h('button', {
        type: 'button',
        class: 'link',
        'data-control': 'leave-out',
        text: 'Leave it out',
        'aria-label': `Leave it out: ${entry.file.name}`,
      });
      leave.addEventListener('click', () => store.dismissReplaced(index));
      list.appendChild(h('li', { 'data-file': entry.file.name }, replacedText(entry), ' ', use, ' ', leave));
    }
    return h('div', { class: 'banner warn small', 'data-testid': `replaced-${key}` }, list);
  }

  /** The role menu of one file; `which` names the file with its role and place, as its Remove does. */
  function roleSelect(key: WaveKey, role: FileRole, index: number, which: string): HTMLElement {
    const id = `role-${key}-${role}-${index}`;
    const select = h('select', { id, class: 'role', 'aria-label': `What ${which} is` });
    for (const r of ROLES) {
      // The baseline has no codebook picker, but a codebook dropped on it is its codebook (the
      // run reads it): its menu says so rather than showing a role it is not.
      if (key === 'baseline' && r === 'codebook' && role !== 'codebook') continue;
      select.appendChild(h('option', { value: r, text: ROLE_LABEL[r] }));
    }
    select.value = role;
    select.addEventListener('change', () => store.moveFile(key, role, index, select.value as FileRole));
    return select;
  }

  function renderWaves(): void {
    const { project } = store.getState();
    // The panels are rebuilt, focused control included (a file picker, a Remove, a role menu):
    // put focus back on the same control, the same file's, or else the wave's "Choose files…".
    const active = document.activeElement;
    const inWaves = active instanceof HTMLElement && waves.contains(active) ? active : null;
    const waveKey = inWaves?.closest<HTMLElement>('[data-wave]')?.dataset.wave;
    const fileItem = inWaves?.closest<HTMLElement>('li[data-file]');
    const fileName = fileItem?.dataset.file;
    // The role too: a roster and a survey of one name are different files (Remove on one must not
    // leave focus on the other's Remove).
    const fileRole = fileItem?.dataset.role;
    const tag = inWaves?.tagName.toLowerCase();
    clear(waves);
    waves.append(wavePanel('current', project.current), wavePanel('baseline', project.baseline));
    if (document.activeElement !== nameInput) nameInput.value = project.name;
    if (inWaves && waveKey) {
      const panel = waves.querySelector<HTMLElement>(`[data-wave="${waveKey}"]`);
      const sameFile =
        fileName && tag
          ? panel?.querySelector<HTMLElement>(
              `li[data-file="${CSS.escape(fileName)}"]${fileRole ? `[data-role="${fileRole}"]` : ''} ${tag}`,
            )
          : null;
      const target =
        sameFile ??
        (inWaves.id ? document.getElementById(inWaves.id) : null) ??
        document.getElementById(`files-${waveKey}`);
      target?.focus();
    }
  }

  // --- mapping ------------------------------------------------------------------------------

  function allSurveyFiles(): InputFile[] {
    const { project } = store.getState();
    return [...project.current.surveys, ...(project.baseline?.surveys ?? [])];
  }

  function editMapping(change: (m: Mapping) => Mapping): void {
    const mapping = store.editableMapping();
    if (mapping) store.setMapping(change(structuredClone(mapping)));
  }

  function rosterEditor(roster: RosterMapping): HTMLElement {
    const columns = headerOf(store.getState().project.current.roster);
    const fields: [keyof RosterMapping, string][] = [
      ['id', 'Id'],
      ['name', 'Name'],
      ['firstName', 'First name'],
      ['lastName', 'Last name'],
      ['type', 'Type'],
      ['sector', 'Sector'],
      ['role', 'Role'],
      ['service', 'Service'],
      ['email', 'E-mail'],
      ['code', 'Survey code'],
    ];
    const grid = h('div', { class: 'toolbar' });
    for (const [field, label] of fields) {
      grid.appendChild(
        columnSelect(`roster-map-${field}`, label, columns, roster[field], (v) =>
          editMapping((m) => {
            if (m.roster) m.roster[field] = v;
            return m;
          }),
        ),
      );
    }
    grid.setAttribute('role', 'group');
    grid.setAttribute('aria-labelledby', 'roster-columns-heading');
    return h('div', {}, h('h4', { id: 'roster-columns-heading', text: 'Roster columns' }), grid);
  }

  /**
   * Tie-type names being typed, by their select's id. Kept across re-renders (a run that ends
   * while the user types re-draws the mapping), so the field, its text and its focus survive.
   */
  const tieDrafts = new Map<string, string>();

  /**
   * A question's tie type: the built-in ones, or "another tie type…", which opens a field beside
   * the select for its name (Enter uses it, Escape puts the select back as it was).
   */
  function relationSelect(
    id: string,
    q: QuestionMapping,
    onChange: (relation: string | null) => void,
  ): HTMLElement {
    const select = h('select', { id });
    const options: [string, string][] = [
      ['need', 'need — who they go to in times of need'],
      ['trust', 'trust — who they trust'],
      ['info', 'info — where they get information'],
      // A grid's cells name the tie types themselves; "no relation" there means a plain tick is "named".
      [
        '',
        q.kind === 'grid' && !q.valued ? 'the tie types ticked in each cell' : 'not a name question (ignore)',
      ],
    ];
    if (q.relation && !isCoreRelation(q.relation)) options.unshift([q.relation, q.relation]);
    for (const [value, label] of options) select.appendChild(h('option', { value, text: label }));
    select.appendChild(h('option', { value: CUSTOM_RELATION, text: 'another tie type…' }));
    const previous = q.relation ?? '';
    select.value = previous;
    const box = h('div', { class: 'relation-choice' }, select);
    let field: HTMLElement | null = null;

    const close = (): void => {
      tieDrafts.delete(id);
      field?.remove();
      field = null;
    };
    const cancel = (): void => {
      close();
      select.value = previous;
      select.focus();
    };
    const open = (draft: string, focus: boolean): void => {
      if (field) {
        if (focus) field.querySelector('input')?.focus();
        return;
      }
      tieDrafts.set(id, draft);
      const inputId = `${id}-name`;
      const messageId = `${id}-name-message`;
      const input = h('input', {
        type: 'text',
        id: inputId,
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': messageId,
      });
      input.value = draft;
      // Said when a name cannot be used; a status, so screen readers read it as it appears.
      const message = h('span', { id: messageId, class: 'small', role: 'status' });
      const use = h('button', { type: 'button', class: 'primary', text: 'Use' });
      const cancelButton = h('button', { type: 'button', text: 'Cancel' });
      const apply = (): void => {
        const name = input.value.trim().toLowerCase();
        const problem = !name
          ? 'Type a name for the tie type, or choose Cancel.'
          : name.length > TIE_NAME_MAX
            ? `A tie type’s name can be at most ${TIE_NAME_MAX} characters; this one has ${name.length}.`
            : '';
        if (problem) {
          message.textContent = problem;
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          return;
        }
        close();
        // Focus on the select first: the mapping re-drawn, focus returns to the select of this id.
        select.focus();
        onChange(name);
      };
      input.addEventListener('input', () => {
        tieDrafts.set(id, input.value);
        if (message.textContent) {
          message.textContent = '';
          input.removeAttribute('aria-invalid');
        }
      });
      use.addEventListener('click', apply);
      cancelButton.addEventListener('click', cancel);
      field = h(
        'div',
        { class: 'toolbar', role: 'group', 'aria-label': 'Another tie type' },
        h('label', { for: inputId }, 'Name of the tie type, for example advice', input),
        use,
        cancelButton,
        message,
      );
      field.addEventListener('keydown', (e) => {
        if (e.isComposing) return;
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          cancel();
        } else if (e.key === 'Enter' && e.target === input) {
          e.preventDefault();
          apply();
        }
      });
      box.appendChild(field);
      if (focus) input.focus();
    };

    select.addEventListener('change', () => {
      if (select.value === CUSTOM_RELATION) {
        open('', true);
        return;
      }
      close();
      // Back from "another tie type…" to the tie type it had: nothing changed, nothing to re-run.
      if (select.value === previous) return;
      onChange(select.value || null);
    });
    // A name being typed when the mapping was re-drawn: the field again, as it was.
    const draft = tieDrafts.get(id);
    if (draft !== undefined) {
      select.value = CUSTOM_RELATION;
      open(draft, false);
    }
    return box;
  }

  function surveyEditor(s: SurveyMapping, si: number, files: InputFile[]): HTMLElement {
    const file = files.find((f) => f.name === s.file);
    // Column names are the first header row's text (Qualtrics: the export tags), as ingest names them.
    const columns = headerOf(file);
    const box = h('div', { class: 'survey-mapping', 'data-file': s.file });
    box.appendChild(
      h('h4', {
        text: `${s.file} — detected as ${formatLabel(s, columns)}`,
      }),
    );
    if (NETWORK_FORMATS.has(s.format)) {
      box.appendChild(
        h('p', {
          class: 'small muted',
          text: 'Its ties are read as the file gives them. Node labels that are roster ids or roster names become those people; labels close to several names wait for review below; the rest are added as residents.',
        }),
      );
      return box;
    }
    // A group named by its file: with two surveys, each "Response id" menu says whose it is.
    const ids = h('div', {
      class: 'toolbar',
      role: 'group',
      'aria-label': `Respondent columns of ${s.file}`,
    });
    const idFields: [keyof SurveyMapping, string][] = [
      ['responseId', 'Response id'],
      ['respondentType', 'Respondent type'],
      ['service', 'Service used'],
      ['rosterId', 'Roster id'],
      // Not just "E-mail": the roster's menu above is that (two menus of one name on one page).
      ['email', 'Respondent e-mail'],
      ['name', 'Respondent name'],
      ['firstName', 'Respondent first name'],
      ['lastName', 'Respondent last name'],
      ['organisation', 'Organisation responding'],
    ];
    for (const [field, label] of idFields) {
      ids.appendChild(
        columnSelect(`survey-${si}-${field}`, label, columns, (s[field] as string | null) ?? null, (v) =>
          editMapping((m) => {
            const target = m.surveys.find((x) => x.file === s.file);
            if (target) (target as unknown as Record<string, unknown>)[field] = v;
            return m;
          }),
        ),
      );
    }
    box.appendChild(ids);
    const table = h('table', { class: 'data' });
    table.appendChild(h('caption', { text: 'Questions and the tie type each one measures' }));
    table.appendChild(
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: 'Question' }),
          h('th', { scope: 'col', text: 'Layout' }),
          h('th', { scope: 'col', text: 'Tie type' }),
        ),
      ),
    );
    const tbody = h('tbody');
    s.questions.forEach((q, qi) => {
      const id = `relation-${si}-${qi}`;
      const relation = relationSelect(id, q, (value) =>
        editMapping((m) => {
          const survey = m.surveys.find((x) => x.file === s.file);
          if (survey) setQuestionRelation(survey, qi, value);
          return m;
        }),
      );
      const layout =
        q.kind === 'text'
          ? q.coded
            ? 'choice codes in one cell, separated by spaces'
            : 'names in one cell, separated by “;”, “,”, “|” or new lines'
          : q.kind === 'choices'
            ? `${q.columns.length} tick-box columns`
            : q.valued
              ? `grid of ${q.columns.length} people, each rated (how often, how close): tie weights`
              : `grid of ${q.columns.length} people`;
      tbody.appendChild(
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('label', { for: id, text: q.label || q.columns.join(', ') })),
          h('td', { text: layout }),
          h('td', {}, relation),
        ),
      );
    });
    table.appendChild(tbody);
    // Named after its file: one such table per survey, and each scroll region needs its own name.
    box.appendChild(tableWrap(table, `Questions in ${s.file} and the tie type each one measures`));
    const unread = unreadColumns(s, columns);
    if (unread.length > 0) box.appendChild(unreadColumnsEditor(s, si, unread));
    return box;
  }

  /**
   * The columns read as nothing (other questions, the tool's own columns, a name question
   * detection missed), each of which can be given a tie type and so read as a name question.
   */
  function unreadColumnsEditor(s: SurveyMapping, si: number, unread: string[]): HTMLElement {
    const details = h('details', { class: 'unread-columns', 'data-testid': `unread-columns-${si}` });
    details.appendChild(
      h('summary', {
        text: `Columns not read (${unread.length}): give one a tie type if it asks who people go to, trust or get information from`,
      }),
    );
    // Drawn when first opened: an export may have hundreds of such columns.
    let drawn = false;
    details.addEventListener('toggle', () => {
      if (drawn || !details.open) return;
      drawn = true;
      const list = h('ul', { class: 'unread-list' });
      unread.forEach((column, ci) => {
        const id = `unread-${si}-${ci}`;
        const question: QuestionMapping = { columns: [column], kind: 'text', relation: null, label: column };
        const select = relationSelect(id, question, (relation) => {
          if (relation == null) return;
          focusAfterMapping = `relation-${si}-${s.questions.length}`;
          editMapping((m) => {
            m.surveys.find((x) => x.file === s.file)?.questions.push({ ...question, relation });
            return m;
          });
          announce(
            `“${column}” is now read as a name question of the tie type ${relation}; the analysis runs again.`,
          );
        });
        list.appendChild(h('li', {}, h('label', { for: id, text: column }), ' ', select));
      });
      details.appendChild(list);
    });
    return details;
  }

  function renderMapping(): void {
    clear(mappingPanel);
    mappingPanel.appendChild(h('h3', { id: 'mapping-heading', text: 'How your files were read' }));
    const mapping = store.editableMapping();
    if (!mapping) {
      mappingPanel.appendChild(h('p', { class: 'muted', text: 'The mapping appears after the first run.' }));
      return;
    }
    if (isOld()) {
      // Still editable (a column choice may be the fix for the error), but said to be old.
      mappingPanel.appendChild(
        h('p', {
          class: 'banner warn small',
          'data-testid': 'mapping-old',
          text: 'From an earlier run: the files have changed since and have not been read yet. Files added since appear here after a run that succeeds.',
        }),
      );
    }
    mappingPanel.appendChild(
      h('p', {
        class: 'small muted',
        text: 'Detected automatically. Change a column or a tie type and the analysis runs again with your choice; your choices are saved with the project. A mapping.json from the command line, dropped with the files, is used as the mapping.',
      }),
    );
    if (store.canUndoReset()) {
      // Detected again just now: the edits forgotten can be had back.
      const undo = h('button', {
        type: 'button',
        id: 'mapping-undo-reset',
        text: 'Undo: bring back my column and tie-type changes',
      });
      undo.addEventListener('click', () => {
        // The button goes with the re-render: focus moves to the one that takes its place.
        focusAfterMapping = 'mapping-detect-again';
        store.undoReset();
        announce('Your column and tie-type changes are back; the analysis runs again with them.');
      });
      mappingPanel.appendChild(
        h(
          'p',
          { class: 'small', 'data-testid': 'mapping-reset' },
          'Columns and tie types were detected again; your review decisions were kept. ',
          undo,
        ),
      );
    } else if (store.getState().project.mapping?.surveys.length || store.getState().project.mapping?.roster) {
      const reset = h('button', {
        type: 'button',
        id: 'mapping-detect-again',
        text: 'Detect columns and tie types again (review decisions are kept)',
      });
      reset.addEventListener('click', () => {
        focusAfterMapping = 'mapping-undo-reset';
        store.resetMapping();
        announce('Columns and tie types were detected again; your review decisions were kept. Undo is next.');
      });
      mappingPanel.appendChild(reset);
    }
    if (mapping.roster) mappingPanel.appendChild(rosterEditor(mapping.roster));
    const files = allSurveyFiles();
    // A removed file's layout (still in an earlier run's mapping) is not the project's any more.
    mapping.surveys.forEach((s, i) => {
      if (files.some((f) => f.name === s.file)) mappingPanel.appendChild(surveyEditor(s, i, files));
    });
    // A name being typed for a question no longer shown is forgotten.
    for (const id of tieDrafts.keys())
      if (!mappingPanel.querySelector(`#${CSS.escape(id)}`)) tieDrafts.delete(id);
  }

  // --- review queue -------------------------------------------------------------------------

  /** True when the result on show is from inputs since changed and no run is on its way. */
  function isOld(): boolean {
    const state = store.getState();
    return resultIsStale(state) && state.run.status !== 'running';
  }

  /**
   * Where focus goes once an action has re-rendered the queue: the item now in the acted-on
   * item's place (the next one), else the last, else the heading. Set around the store call,
   * which re-renders synchronously, so a decision that fails leaves nothing behind.
   */
  type ReviewList = 'open' | 'auto' | 'decided';
  const LIST_ROWS: Record<ReviewList, string> = {
    open: '.review-list > li',
    auto: '.auto-list > li',
    decided: '.decided-list > li',
  };
  let focusAfter: { list: ReviewList; index: number } | null = null;
  /** The id of the mapping control to focus once the panel is drawn again (detect again, undo). */
  let focusAfterMapping: string | null = null;
  /** Runs a decision, then says what was decided (the lists are redrawn, so nothing else does). */
  function act(target: { list: ReviewList; index: number }, action: () => void, said: string): void {
    focusAfter = target;
    try {
      action();
    } finally {
      focusAfter = null;
    }
    announce(said);
  }

  function placeFocus(target: { list: ReviewList; index: number }): void {
    const rows = reviewPanel.querySelectorAll<HTMLElement>(LIST_ROWS[target.list]);
    const row = rows[Math.min(target.index, rows.length - 1)];
    const control = row?.querySelector<HTMLElement>('button:not(:disabled), select, input');
    if (control) control.focus();
    else focusHeading(reviewPanel.querySelector<HTMLElement>('#review-heading'));
  }

  /** The focused queue control as (item text, control), to find it again after a re-render. */
  function focusedControl(): { text: string; control: string } | null {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || !reviewPanel.contains(el)) return null;
    const text = el.closest<HTMLElement>('li[data-text]')?.dataset.text;
    const control = el.dataset.control;
    return text !== undefined && control ? { text, control } : null;
  }

  function decisionText(d: DecisionRecord, people: { id: string; name: string }[]): string {
    if (d.action === 'ignore') return 'Ignored: these nominations are left out.';
    if (d.action === 'new')
      return `Added as a new ${d.type ?? 'actor'}${d.label && d.label !== d.text ? ` (“${d.label}”)` : ''}${isRelativeTerm(d.text) ? ', one for each respondent who wrote it (each has their own)' : ''}.`;
    const who = d.id ? (people.find((p) => p.id === d.id)?.name ?? d.id) : 'the suggestion';
    return `Matched to ${who}.`;
  }

  function decidedRow(d: DecisionRecord, i: number, people: { id: string; name: string }[]): HTMLElement {
    const undo = h('button', {
      type: 'button',
      class: 'link',
      text: 'Undo',
      'data-control': 'undo',
      'aria-label': `Undo the decision for “${d.text}”`,
    });
    undo.addEventListener('click', () =>
      act(
        { list: 'decided', index: i },
        () => store.undoDecision(d.text),
        `The decision for “${d.text}” was undone.`,
      ),
    );
    return h(
      'li',
      { 'data-text': d.text, class: 'decided' },
      h('span', { class: 'tag real', text: 'Decided' }),
      ' ',
      h('strong', { text: `“${d.text}”` }),
      ` — ${decisionText(d, people)} `,
      undo,
    );
  }

  /**
   * One name's controls: accept the suggestion, choose someone, add a new actor or ignore. For a
   * name matched automatically (`item.matched`, in the `auto` list) the first action keeps the match.
   */
  /** The baseline wave's names to review (set as the panel is drawn). */
  let waveItems = new Set<ReviewItem>();
  /**
   * What is typed or chosen in each name's person chooser, by list and name: kept when a run
   * that ends (a decision on another name) draws the queue again.
   */
  const chooseDrafts = new Map<string, { text: string; chosen: SearchItem | null }>();

  function reviewRow(
    item: ReviewItem,
    i: number,
    roster: RosterChoices,
    list: 'open' | 'auto' = 'open',
  ): HTMLElement {
    const li = h('li', { class: 'panel', 'data-text': item.text });
    const matched = list === 'auto' ? item.matched : undefined;
    const where = `${item.file}, row ${item.row}, column “${item.column}”`;
    // With two waves, which one the name was written in (its count is that wave's).
    const wave = !store.getState().baseline
      ? ''
      : waveItems.has(item)
        ? ' in the baseline wave'
        : ' in the current wave';
    li.appendChild(
      h(
        'p',
        {},
        h('strong', { text: `“${item.text}”` }),
        ` — written ${item.count} time${item.count === 1 ? '' : 's'}${wave} (first at ${where})`,
      ),
    );
    const selectId = `${list === 'auto' ? 'auto' : 'review'}-choose-${i}`;
    // A text box that finds people by name, role or service: a roster of hundreds is too long a
    // menu. The matcher's candidates come first; picking one only chooses, "Use" decides.
    const percent = (c: { confidence: number } | undefined): number => Math.round((c?.confidence ?? 0) * 100);
    const person = (id: string) => roster.byId.get(id);
    const candidates: SearchItem[] = item.candidates
      .filter((c) => c.id !== matched?.id)
      .map((c) => ({
        id: c.id,
        label: c.name,
        detail: [`${percent(c)}% alike`, roleOf(person(c.id))].filter(Boolean).join(' · '),
        terms: roleOf(person(c.id)),
      }));
    // Everyone else on the roster, found only when the list is asked for (a queue of 100 names
    // against a roster of thousands would otherwise copy the roster once per name on every draw).
    const shownFirst = new Set([matched?.id, ...item.candidates.map((c) => c.id)]);
    const others = () => roster.items.filter((p) => !shownFirst.has(p.id));
    let chosen: SearchItem | null = null;
    const draftKey = `${list}|${item.text}`;
    const combo = createCombobox({
      id: selectId,
      cls: 'choose-person',
      placeholder: 'Type a name, role or service',
      listLabel: `People for “${item.text}”`,
      listEmpty: true,
      match: (q) =>
        q
          ? [...rankMatches(candidates, q, candidates.length), ...rankMatches(others(), q, 50)]
          : [...candidates, ...others()],
      onPick: (m) => {
        chosen = m;
        choose.disabled = false;
        chooseDrafts.set(draftKey, { text: m.label, chosen: m });
      },
      onEdit: () => {
        chosen = null;
        choose.disabled = true;
        chooseDrafts.set(draftKey, { text: combo.input.value, chosen: null });
      },
    });
    const chooser = combo.input;
    // One-click Accept only for a clear best: when the next candidate is as alike (two "Dr Patel"s
    // at 85%), accepting the first would pick one of them for the user, so they choose from the list.
    const ranked = [...item.candidates].sort((a, b) => b.confidence - a.confidence);
    const best = ranked[0];
    const tied = ranked.filter((c) => percent(c) === percent(best));
    const done = { list, index: i };
    // Each control's name says which name it decides (as Undo's does): a screen reader moving
    // from control to control hears "Ignore “the vicar”", not one "Ignore" after another.
    const about = `“${item.text}”`;
    const bar = h('div', { class: 'toolbar' });
    /** The one-click accept of `who` (the match kept, or the clear best suggestion). */
    const acceptButton = (text: string, who: Candidate, said: string) => {
      const button = h('button', {
        type: 'button',
        class: 'primary',
        'data-control': 'accept',
        text,
        'aria-label': `${text} for ${about}`,
      });
      button.addEventListener('click', () =>
        act(done, () => store.decide(item, { action: 'accept', id: who.id }), said),
      );
      bar.appendChild(button);
    };
    if (matched) {
      li.appendChild(
        h('p', {
          class: 'small',
          text: `Matched automatically to ${matched.name} (${percent(matched)}% alike), the only close match on the roster. Keep it to save it with the project, or say who is meant if that is wrong.`,
        }),
      );
      acceptButton(`Keep ${matched.name}`, matched, `“${item.text}” kept as ${matched.name}.`);
    } else if (best && tied.length === 1 && percent(best) >= ONE_CLICK_ACCEPT * 100) {
      acceptButton(
        `Accept ${best.name} (${percent(best)}%)`,
        best,
        `“${item.text}” matched to ${best.name}.`,
      );
    } else if (best && tied.length > 1) {
      li.appendChild(
        h('p', {
          class: 'small',
          text: `${tied.map((c) => c.name).join(' and ')} are equally alike (${percent(best)}%): choose who is meant.`,
        }),
      );
    } else if (best) {
      li.appendChild(
        h('p', {
          class: 'small',
          text: `The closest, ${best.name}, is only ${percent(best)}% alike: choose them below only if that is who is meant.`,
        }),
      );
    }
    const choose = h('button', {
      type: 'button',
      'data-control': 'choose',
      text: 'Use the person chosen',
      'aria-label': `Use the person chosen for ${about}`,
      disabled: true,
    });
    chooser.setAttribute('data-control', 'choose-person');
    const draft = chooseDrafts.get(draftKey);
    if (draft) {
      chooser.value = draft.text;
      chosen = draft.chosen && roster.byId.has(draft.chosen.id) ? draft.chosen : null;
      choose.disabled = !chosen;
    }
    choose.addEventListener('click', () => {
      if (!chosen) return;
      const { id, label: name } = chosen;
      act(
        done,
        () => store.decide(item, { action: 'choose', id, name }),
        `“${item.text}” matched to ${name}.`,
      );
    });
    const typeId = `${list === 'auto' ? 'auto' : 'review'}-type-${i}`;
    const type = h('select', {
      id: typeId,
      'data-control': 'type',
      'aria-label': `New actor type for ${about}`,
    });
    const types: [ActorType, string][] = [
      ['group', 'Group'],
      ['volunteer', 'Volunteer'],
      ['resident', 'Resident'],
      ['service', 'Service'],
      ['service-user', 'Service user'],
      ['other', 'Other'],
    ];
    for (const [v, l] of types) type.appendChild(h('option', { value: v, text: l }));
    // Starts at a guess from the words written ("Sue from the food bank" is the food bank).
    type.value = guessActorType(item.text);
    const add = h('button', {
      type: 'button',
      'data-control': 'new',
      text: 'Add as a new actor',
      'aria-label': `Add as a new actor: ${about}`,
    });
    add.addEventListener('click', () =>
      act(
        done,
        () => store.decide(item, { action: 'new', type: type.value as ActorType, label: item.text }),
        `“${item.text}” added as a new ${type.selectedOptions[0]?.textContent?.toLowerCase() ?? 'actor'}.`,
      ),
    );
    const ignore = h('button', {
      type: 'button',
      'data-control': 'ignore',
      text: 'Ignore',
      'aria-label': `Ignore ${about}`,
    });
    ignore.addEventListener('click', () =>
      act(done, () => store.decide(item, { action: 'ignore' }), `“${item.text}” ignored.`),
    );
    const chooseText = bar.firstChild ? 'Or choose' : 'Choose';
    chooser.setAttribute('aria-label', `${chooseText} who ${about} is`);
    bar.append(
      h('label', { for: selectId }, chooseText, combo.element),
      choose,
      h('label', { for: typeId }, 'New actor type', type),
      add,
      ignore,
    );
    li.appendChild(bar);
    return li;
  }

  function renderReview(): void {
    clear(reviewPanel);
    // Focusable from script only: focus lands here when the item acted on leaves nothing after it.
    reviewPanel.appendChild(h('h3', { id: 'review-heading', tabindex: -1, text: 'Names to review' }));
    const { result, baseline } = store.getState();
    if (!result) {
      reviewPanel.appendChild(
        h('p', {
          class: 'muted',
          text: 'After a run, names that could not be matched for sure appear here.',
        }),
      );
      return;
    }
    const decisions = store.editableMapping()?.decisions ?? [];
    const people = result.actors
      .filter((a) => a.onRoster)
      .map((a) => ({ id: a.id as string, name: a.label, role: a.role, service: a.service }))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (isOld()) {
      // The names came from files that may be gone or changed: nothing to decide until a run
      // reads the files now in the project. Decisions already made are the project's, so stay.
      reviewPanel.appendChild(
        h('p', {
          class: 'banner warn small',
          'data-testid': 'review-old',
          text: 'The names to review come from an earlier run, and the files have changed since. Once a run of the files now in the project succeeds, its names appear here.',
        }),
      );
      appendDecided(decisions, people);
      return;
    }
    const decidedKeys = new Set(decisions.map((d) => nameKey(d.text)));
    waveItems = new Set([...(baseline?.review ?? []), ...(baseline?.autoMatched ?? [])]);
    const open = undecided([...result.review, ...(baseline?.review ?? [])], decidedKeys);
    reviewPanel.appendChild(
      h('p', {
        class: 'small muted',
        'aria-live': 'polite',
        text: open.length
          ? `${open.length} name${open.length === 1 ? '' : 's'} to decide. Accept the suggestion, choose someone else, add a new actor (a group or resident not on the roster), or ignore the name. Each decision re-runs the analysis and is saved with the project.`
          : 'Every name is matched to the roster or decided.',
      }),
    );
    const list = h('ol', { class: 'review-list' });
    // The most frequent first: they change the network most.
    open.sort((a, b) => b.count - a.count);
    const roster = rosterChoices(people);
    open.slice(0, 100).forEach((item, i) => list.appendChild(reviewRow(item, i, roster)));
    reviewPanel.appendChild(list);
    if (open.length > 100)
      reviewPanel.appendChild(
        h('p', { class: 'muted', text: `…and ${open.length - 100} more; decide these first.` }),
      );
    appendAutoMatched(
      undecided([...(result.autoMatched ?? []), ...(baseline?.autoMatched ?? [])], decidedKeys),
      roster,
    );
    appendDecided(decisions, people);
  }

  /** The items no decision covers yet, each name once: the current wave's first, then the baseline's. */
  function undecided(items: ReviewItem[], decidedKeys: Set<string>): ReviewItem[] {
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = nameKey(item.text);
      if (item.decision || seen.has(key) || decidedKeys.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Whether the user opened the automatic matches: kept open as decisions re-render the panel. */
  let autoOpen = false;
  /**
   * Names taken as a roster person though not written as on the roster ("Mrs Okafor"): accepted
   * without asking, so listed for a check, each with the queue's controls to overrule it.
   */
  function appendAutoMatched(shown: ReviewItem[], roster: RosterChoices): void {
    if (shown.length === 0) return;
    const details = h('details', { class: 'auto-matched', 'data-testid': 'auto-matched' });
    details.open = autoOpen;
    details.addEventListener('toggle', () => {
      autoOpen = details.open;
    });
    const list = h('ol', { class: 'auto-list' });
    shown.slice(0, 100).forEach((item, i) => list.appendChild(reviewRow(item, i, roster, 'auto')));
    details.append(
      h('summary', {
        text: `Matched automatically, not as written (${shown.length}): check these`,
      }),
      h('p', {
        class: 'small muted',
        text: 'Each name was close to one person on the roster only, so it was taken as them without asking. A wrong one changes someone’s ties: overrule it here.',
      }),
      list,
    );
    if (shown.length > 100)
      details.appendChild(h('p', { class: 'muted', text: `…and ${shown.length - 100} more.` }));
    reviewPanel.appendChild(details);
  }

  function appendDecided(decisions: DecisionRecord[], people: { id: string; name: string }[]): void {
    if (decisions.length) {
      const done = h('ul', { class: 'decided-list small' });
      decisions.forEach((d, i) => done.appendChild(decidedRow(d, i, people)));
      reviewPanel.append(h('h4', { text: `Decisions made (${decisions.length})` }), done);
    }
  }

  let lastProject: unknown = null;
  let lastResult: unknown = null;
  let lastMapping: unknown = null;
  let lastOld = false;
  let lastWaves: unknown[] = [];
  let lastReplaced = store.getState().replaced;
  return {
    update() {
      const { project, result, replaced } = store.getState();
      const old = isOld();
      // The mapping lists only the files in the project, so it follows the file lists too.
      const waveFiles = [project.current, project.baseline];
      runButton.disabled = !project.current.roster || project.current.surveys.length === 0;
      if (
        project.current !== (lastProject as { current?: unknown } | null)?.current ||
        project.baseline !== (lastProject as { baseline?: unknown } | null)?.baseline ||
        project.name !== (lastProject as { name?: string } | null)?.name ||
        replaced !== lastReplaced
      ) {
        renderWaves();
      }
      // A file just replaced is said aloud too: the notice appears in a panel drawn afresh.
      const added = replaced.filter((r) => !lastReplaced.includes(r));
      if (added.length) announce(added.map(replacedText).join(' '));
      lastReplaced = replaced;
      lastProject = project;
      const filesChanged = waveFiles.some((w, i) => w !== lastWaves[i]);
      if (result !== lastResult || project.mapping !== lastMapping || old !== lastOld || filesChanged) {
        // Keep keyboard focus where it was when a decision re-renders the lists: on the control
        // acted on's successor (focusAfter), on the same control of the same name, or by id.
        const focused = document.activeElement;
        const focusedId = focused instanceof HTMLElement && !waves.contains(focused) ? focused.id : '';
        const control = focusedControl();
        const inReview = focused instanceof HTMLElement && reviewPanel.contains(focused);
        renderReview();
        renderFrame();
        renderMapping();
        const again = control
          ? reviewPanel.querySelector<HTMLElement>(
              `li[data-text="${CSS.escape(control.text)}"] [data-control="${control.control}"]:not(:disabled)`,
            )
          : null;
        const mappingControl = focusAfterMapping ? document.getElementById(focusAfterMapping) : null;
        focusAfterMapping = null;
        if (mappingControl) mappingControl.focus();
        else if (focusAfter) placeFocus(focusAfter);
        else if (again) again.focus();
        else if (focusedId && document.getElementById(focusedId)) document.getElementById(focusedId)?.focus();
        else if (inReview) focusHeading(reviewPanel.querySelector<HTMLElement>('#review-heading'));
        lastResult = result;
        lastMapping = project.mapping;
        lastOld = old;
        lastWaves = waveFiles;
      }
    },
    destroy() {},
  };
};
