// Ingest speed against papaparse alone on the same file: a seeded 100,000-respondent Google Forms
// export (about 50 MB) with typed and ticked names, converted to actors and ties.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { ingest } from '../src/core/ingest';
import { asActorId, type Actor, type InputFile, type Tie } from '../src/core/model';
import type { Respondent } from '../src/core/ingest/types';
import { seededRandom } from '../src/core/metrics/random';
import { performance } from 'node:perf_hooks';
import { guessDelimiter } from '../src/core/ingest/csv';
import { makeProgress, QualityCollector, type Progress } from '../src/core/quality';
import type { BenchContext, BenchRow } from './lib/types';
import { collectGarbage } from './lib/timing';

const rosterPath = fileURLToPath(new URL('../test/fixtures/ingest/roster.csv', import.meta.url));

const TYPES = ['Resident', 'Resident', 'Resident', 'Volunteer', 'Community group', 'Service user'];
const MESSY = [
  'Mrs Okafor',
  'Dr P Patel',
  'PCSO Amira',
  'the food bank',
  'Ellie Price',
  'Patel',
  'my neighbour Sue',
];
const FILLER =
  'The service has been helpful overall, although waiting times could be shorter and information clearer. ' +
  'Staff at the surgery and the library know us by name; the council could answer letters sooner, and the ' +
  'youth club needs longer opening hours in the holidays.';

function quote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A Google Forms export: Timestamp, e-mail, type, three name questions, two free-text answers. */
export function googleFormsExport(respondents: number, names: string[], seed = 1): string {
  const rand = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const lines = [
    'Timestamp,Email Address,Which best describes you?,Who do you go to in times of need?,Who do you trust?,Where do you get your information?,What works well?,What could be better?,How satisfied are you with local services?',
  ];
  const answer = () => {
    const k = Math.floor(rand() * 4);
    const chosen: string[] = [];
    for (let i = 0; i < k; i++) chosen.push(rand() < 0.05 ? pick(MESSY) : pick(names));
    return quote(chosen.join(', '));
  };
  for (let i = 0; i < respondents; i++) {
    const day = 1 + (i % 28);
    const t = `2026/03/${String(day).padStart(2, '0')} ${1 + (i % 12)}:${String(i % 60).padStart(2, '0')}:00 PM GMT`;
    lines.push(
      [
        t,
        `person${i}@example.org`,
        pick(TYPES),
        answer(),
        answer(),
        answer(),
        quote(FILLER.slice(0, 100 + Math.floor(rand() * 150))),
        quote(FILLER.slice(0, 80 + Math.floor(rand() * 150))),
        String(1 + Math.floor(rand() * 5)),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * A floor for the target, not a converter: papaparse's parse of the file, then only the objects
 * ingest returns (an Actor and a Respondent per response, a Tie per name, names split at ", " and
 * looked up in a Map), with no roster matching, screening, linking or quality checks. No converter
 * that returns the network as these objects can be faster than papaparse plus this.
 */
function papaparseAndOutputObjects(text: string): number {
  const rows = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: false }).data;
  const header = rows[0] ?? [];
  const nameColumns = [3, 4, 5];
  const relations = ['need', 'trust', 'info'];
  const targets = new Map<string, Tie['target']>();
  const actors: Actor[] = [];
  const respondents: Respondent[] = [];
  const ties: Tie[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length < header.length) continue;
    const id = asActorId(`r-row${i + 1}`);
    actors.push({
      id,
      label: `Resident ${i}`,
      type: 'resident',
      sector: 'civil',
      onRoster: false,
      attrs: { file: 'google-forms.csv', row: String(i + 1) },
    });
    respondents.push({ key: id, file: 'google-forms.csv', row: i + 1, type: 'resident', onRoster: false });
    for (let q = 0; q < nameColumns.length; q++) {
      const answer = row[nameColumns[q]!]!;
      if (!answer) continue;
      for (const name of answer.split(', ')) {
        let target = targets.get(name);
        if (target === undefined) targets.set(name, (target = asActorId(`n${targets.size}`)));
        ties.push({
          source: id,
          target,
          relation: relations[q]!,
          weight: 1,
          file: 'google-forms.csv',
          row: i + 1,
        });
      }
    }
  }
  return ties.length + actors.length + respondents.length;
}

/**
 * `runs` pairs of the reference then ours, each timed from a collected heap (so neither pays for
 * the other's garbage): the times of each and their ratio pair by pair.
 */
function pairedRuns(
  runs: number,
  reference: () => unknown,
  ours: () => unknown,
): { ms: number[]; referenceMs: number[]; ratios: number[] } {
  const out = { ms: [] as number[], referenceMs: [] as number[], ratios: [] as number[] };
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    let t0 = performance.now();
    reference();
    const r = performance.now() - t0;
    collectGarbage();
    t0 = performance.now();
    ours();
    const o = performance.now() - t0;
    out.referenceMs.push(r);
    out.ms.push(o);
    out.ratios.push(o / r);
  }
  return out;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export default async function bench(context: BenchContext): Promise<BenchRow[]> {
  const rosterBytes = new Uint8Array(readFileSync(rosterPath));
  const names = new TextDecoder()
    .decode(rosterBytes)
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[1] ?? '')
    .filter(Boolean);
  const rows: BenchRow[] = [];
  // Two kinds of text: the roster's group names carry a curly apostrophe (St Mary’s), as real
  // exports typed on phones do, which makes the engine hold the whole file as two-byte text; and
  // the same file in plain ASCII, where decoding and parsing are cheaper for papaparse too.
  const cases = context.quick
    ? [{ respondents: 10_000, ascii: false }]
    : [
        { respondents: 10_000, ascii: false },
        { respondents: 100_000, ascii: false },
        { respondents: 100_000, ascii: true },
      ];
  for (const { respondents, ascii } of cases) {
    context.log(`generating ${respondents} responses${ascii ? ' (ASCII only)' : ''}`);
    const asciiOnly = (t: string) => (ascii ? t.replace(/\u2019/g, "'") : t);
    const text = asciiOnly(googleFormsExport(respondents, names));
    const bytes = new TextEncoder().encode(text);
    const roster: InputFile = {
      name: 'roster.csv',
      data: ascii ? new TextEncoder().encode(asciiOnly(new TextDecoder().decode(rosterBytes))) : rosterBytes,
    };
    const mb = (bytes.length / 1e6).toFixed(1);
    const runs = respondents >= 100_000 ? 9 : 7; // a shared machine: more pairs steady the median
    // The baseline parses the same text the way ingest does: decoded from the bytes, the delimiter
    // from the header line (guessDelimiter), '\n' line breaks, blank lines kept.
    const papa = () => {
      const text = new TextDecoder().decode(bytes);
      return Papa.parse<string[]>(text, {
        delimiter: guessDelimiter(text),
        newline: '\n',
        skipEmptyLines: false,
      }).data.length;
    };
    // Timed as `network` runs it: from the bytes, with a progress that reports to nobody.
    const ours = (progress: Progress = makeProgress()) =>
      ingest(
        { surveys: [{ name: 'google-forms.csv', data: bytes }], roster },
        new QualityCollector(),
        progress,
      );
    // Alternate the two, after one warm-up each, so load on a shared machine hits both alike; no
    // result of either is kept while the other runs, and each starts from a collected heap (else
    // papaparse, timed after ingest, paid for collecting ingest's 400 MB of garbage: up to 2×).
    context.log(`papaparse alone and ingest, alternating, ${mb} MB`);
    papa();
    ours();
    let ties = 0;
    let review = 0;
    const timed = pairedRuns(runs, papa, () => {
      const result = ours();
      ties = result.ties.length;
      review = result.review.length;
    });
    const ms = median(timed.ms);
    const referenceMs = median(timed.referenceMs);
    const ratio = median(timed.ratios);
    // The floor, paired with papaparse in the same way: how much of the target the output alone uses.
    context.log(`papaparse alone and papaparse + the network's objects, alternating, ${mb} MB`);
    const floor = pairedRuns(runs, papa, () => papaparseAndOutputObjects(new TextDecoder().decode(bytes)));
    const floorMs = floor.ms;
    const floorRatios = floor.ratios;
    const kind = ascii ? 'ASCII-only text' : 'text with curly apostrophes';
    context.log(
      `ingest / papaparse time, ${respondents.toLocaleString('en')} respondents, ${kind}: ${ratio.toFixed(2)}× (median of ${runs} paired runs; target ≤ 2×)`,
    );
    rows.push({
      case: `ingest Google Forms export, ${respondents.toLocaleString('en')} respondents (${mb} MB${ascii ? ', ASCII only' : ''})`,
      ms,
      reference: 'papaparse parse alone',
      referenceMs,
      note: `ingest/papaparse = ${ratio.toFixed(2)}× (median of paired runs; ratio of medians ${(ms / referenceMs).toFixed(2)}; target ≤ 2); ${ties.toLocaleString('en')} ties, ${review} names to review`,
    });
    rows.push({
      case: `floor: papaparse + the network's objects alone, no matching or checks, ${respondents.toLocaleString('en')} respondents${ascii ? ' (ASCII only)' : ''}`,
      ms: median(floorMs),
      reference: 'papaparse parse alone',
      referenceMs,
      note: `floor/papaparse = ${median(floorRatios).toFixed(2)}× (median of paired runs): what returning Actor, Respondent and Tie objects costs on top of papaparse`,
    });
    // The whole `network` command in a process of its own (start-up, reading, ingest, writing
    // edges.csv, nodes.csv, quality.json), against a process that reads the file and parses it
    // with papaparse: its peak memory is the target (< 1 GB), and its time the whole-command ratio.
    if (!ascii && (respondents >= 100_000 || context.quick)) {
      context.log(`network command and a papaparse process on ${mb} MB, for memory and whole-command time`);
      const whole = networkCommandVsPapaparse(bytes);
      rows.push({
        case: `network command, whole process, ${respondents.toLocaleString('en')} respondents (${mb} MB)`,
        ms: whole ? whole.network.seconds * 1000 : null,
        reference: 'node process: read + papaparse',
        referenceMs: whole ? whole.papaparse.seconds * 1000 : null,
        note: whole
          ? `peak RSS ${whole.network.mb.toFixed(0)} MB (target < 1 GB; papaparse process ${whole.papaparse.mb.toFixed(0)} MB); whole-command time ratio ${(whole.network.seconds / whole.papaparse.seconds).toFixed(1)}× (median of 3; includes start-up and writing the outputs)`
          : 'not measured (needs /usr/bin/time)',
      });
    }
  }
  return rows;
}

/**
 * The real `network` command on the file and a node process that reads it and parses it with
 * papaparse, each in its own process, measured by GNU time (the kernel's max RSS and elapsed
 * seconds): medians of three runs each, alternating.
 */
function networkCommandVsPapaparse(
  bytes: Uint8Array,
): { network: { mb: number; seconds: number }; papaparse: { mb: number; seconds: number } } | null {
  if (!existsSync('/usr/bin/time')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'civic-ingest-bench-'));
  try {
    const survey = join(dir, 'google-forms.csv');
    writeFileSync(survey, bytes);
    const root = fileURLToPath(new URL('..', import.meta.url));
    const timed = (args: string[]): { mb: number; seconds: number } | null => {
      const run = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, ...args], {
        encoding: 'utf8',
        cwd: root,
      });
      const line = run.stderr.trim().split('\n').at(-1) ?? '';
      const [kb, secs] = line.split(' ').map(Number);
      return run.status === 0 && kb ? { mb: kb / 1024, seconds: secs ?? 0 } : null;
    };
    // As `npm run cli` runs it: the launcher, from its bundle (built by the warm-up run if stale).
    const networkArgs = [
      join(root, 'scripts/cli.mjs'),
      'network',
      '--survey',
      survey,
      '--roster',
      rosterPath,
      '--out',
      join(dir, 'out'),
    ];
    const papaparseArgs = [
      '--input-type=module',
      '-e',
      `import Papa from 'papaparse'; import { readFileSync } from 'node:fs';
       const text = new TextDecoder().decode(readFileSync(${JSON.stringify(survey)}));
       Papa.parse(text, { delimiter: ',', newline: '\\n', skipEmptyLines: false });`,
    ];
    const network: { mb: number; seconds: number }[] = [];
    const papaparse: { mb: number; seconds: number }[] = [];
    timed(networkArgs);
    for (let i = 0; i < 3; i++) {
      const n = timed(networkArgs);
      const p = timed(papaparseArgs);
      if (!n || !p) return null;
      network.push(n);
      papaparse.push(p);
    }
    const mid = (xs: { mb: number; seconds: number }[]) => ({
      mb: Math.max(...xs.map((x) => x.mb)),
      seconds: median(xs.map((x) => x.seconds)),
    });
    return { network: mid(network), papaparse: mid(papaparse) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
