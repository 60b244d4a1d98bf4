// Reads a network that is already a network: an edge list CSV, an adjacency matrix, UCINET DL
// or Pajek .net. Node ids are the file's labels (or numbers when it has none).
import { asActorId, SECTOR_OF_TYPE, type Actor, type InputFile, type Tie } from '../model';
import { InputError, type QualityCollector } from '../quality';
import { decodeText, findColumn, guessDelimiter, parseCsv, type CsvTable } from './csv';
import { isXlsx, readTable, readText } from './table';
import { readXlsx } from './xlsx';
import type { PlainFormat } from './types';
import { archiveHead, isZip, unpackArchive } from './archive';

export type { PlainFormat } from './types';

export interface PlainNetwork {
  /** The file's name, as quality notes give it. */
  file: string;
  actors: Actor[];
  ties: Tie[];
  format: PlainFormat;
  /** false when the file says its ties are undirected (Pajek *Edges, DL symmetric data). */
  directed: boolean;
}

function actorOf(id: string, label = id): Actor {
  return {
    id: asActorId(id),
    label,
    type: 'other',
    sector: SECTOR_OF_TYPE.other,
    onRoster: false,
    attrs: {},
  };
}

class Builder {
  readonly actors = new Map<string, Actor>();
  readonly ties: Tie[] = [];
  /** Ties left out for a weight that is not a number (each reported). */
  rejected = 0;
  constructor(
    readonly file: string,
    readonly quality: QualityCollector,
  ) {}
  node(id: string, label?: string): string {
    if (!this.actors.has(id)) this.actors.set(id, actorOf(id, label));
    return id;
  }
  tie(source: string, target: string, weight: number, relation: string, row: number): void {
    if (!Number.isFinite(weight)) {
      this.quality.warn(
        this.file,
        row,
        'weight',
        'invalid-weight',
        'The weight is not a number; this tie was left out.',
      );
      this.rejected++;
      return;
    }
    if (weight === 0) return;
    this.ties.push({
      source: asActorId(this.node(source)),
      target: asActorId(this.node(target)),
      relation,
      weight,
      file: this.file,
      row,
    });
  }

  /** Each tie given counts as a row read (a file without rows of its own: matrix, DL, Pajek). */
  countRows(): void {
    this.quality.rows.read += this.ties.length + this.rejected;
    this.quality.rows.accepted += this.ties.length;
    this.quality.rows.rejected += this.rejected;
  }
}

/** Numbers written with a decimal comma ("0,5") by European spreadsheets. */
export function parseNumber(text: string): number {
  const t = text.trim();
  if (t === '') return NaN;
  if (/^-?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  return Number(t);
}

/** Source and target column names of an edge list, as readPlainNetwork knows them. */
const SOURCE_COLUMNS = ['source', 'from', 'ego', 'sender', 'respondent', 'node1', 'id1'];
const TARGET_COLUMNS = ['target', 'to', 'alter', 'receiver', 'named', 'node2', 'id2'];

/** Whether a file handed in as a survey is a network already (plainNetworkFormat says which). */
export function isPlainNetwork(file: InputFile): boolean {
  return plainNetworkFormat(file) !== null;
}

/**
 * The network format of a file, or null for anything else: UCINET DL or Pajek by their first
 * line, an edge list or adjacency matrix by its header and first rows (tableNetworkFormat). Looks
 * at the head of a text file (or of the one inside a zip), or the first rows of a workbook.
 */
export function plainNetworkFormat(file: InputFile): PlainFormat | null {
  let data = file.data;
  if (typeof data !== 'string' && isZip(data)) {
    const head = archiveHead(file, HEAD_BYTES);
    if (head) data = head.data;
    else {
      // A workbook: its first rows only, however large the sheet.
      try {
        const rows = readXlsx(data, file.name, 6).filter((r) => r.some((c) => c.trim() !== ''));
        return rows.length > 1 ? tableNetworkFormat(rows[0]!, rows.slice(1)) : null;
      } catch {
        return null;
      }
    }
  }
  // Decoded as the whole file would be (a BOM, UTF-16, Windows-1252).
  const head = decodeText(
    typeof data === 'string' ? data.slice(0, HEAD_BYTES) : data.subarray(0, HEAD_BYTES),
  ).text;
  const lines = head
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('%'));
  const first = lines[0] ?? '';
  const text = textNetworkFormat(first);
  if (text) return text;
  const delimiter = guessDelimiter(head);
  if (!delimiter) return null;
  const cells = (line: string) => line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  return tableNetworkFormat(cells(first), lines.slice(1, 6).map(cells));
}

/** UCINET DL and Pajek say what they are on their first line (after `%` comments). */
function textNetworkFormat(firstLine: string): 'ucinet-dl' | 'pajek' | null {
  if (/^dl\b/i.test(firstLine)) return 'ucinet-dl';
  if (/^\*(vertices|network|arcs|edges)\b/i.test(firstLine)) return 'pajek';
  return null;
}

/** How much of a text file plainNetworkFormat reads. */
const HEAD_BYTES = 64 * 1024;

/**
 * An edge list by a header of source and target columns (and few others); an adjacency matrix
 * by a blank (or "id") corner over node labels, each row a label then numbers.
 */
function tableNetworkFormat(header: string[], rows: string[][]): 'edgelist' | 'matrix' | null {
  if (rows.length === 0) return null;
  if (
    header.length <= 5 &&
    findColumn(header, ...SOURCE_COLUMNS) >= 0 &&
    findColumn(header, ...TARGET_COLUMNS) >= 0
  )
    return 'edgelist';
  // (A table read from a workbook names a blank header cell "Column 1".)
  if (header.length < 3 || !/^(|id|node|column 1)$/i.test(header[0]!.trim())) return null;
  const labels = new Set(header.slice(1).map((l) => l.trim()));
  const numeric = rows.every(
    (r) =>
      labels.has((r[0] ?? '').trim()) &&
      r.slice(1).every((v) => v.trim() === '' || /^-?\d+([.,]\d+)?$/.test(v.trim())),
  );
  return numeric ? 'matrix' : null;
}

export function readPlainNetwork(file: InputFile, quality: QualityCollector): PlainNetwork {
  const unpacked = unpackArchive(file, quality);
  // A workbook holds an edge list or a matrix as a table; everything else is read as text.
  if (isXlsx(unpacked)) return readTableNetwork(file.name, readTable(unpacked, quality), quality);
  const text = readText(unpacked, quality);
  const firstLine =
    text
      .split(/\r?\n/)
      .find((l) => l.trim() !== '' && !l.trim().startsWith('%'))
      ?.trim() ?? '';
  if (firstLine === '') throw new InputError(file.name, null, null, 'empty-file', 'The file is empty.');
  const format = textNetworkFormat(firstLine);
  if (!format) return readTableNetwork(file.name, parseCsv(text, file.name, quality), quality);
  const b = new Builder(file.name, quality);
  const directed = format === 'ucinet-dl' ? readDl(text, b) : readPajek(text, b);
  b.countRows();
  return { file: file.name, actors: [...b.actors.values()], ties: b.ties, format, directed };
}

/** An edge list (source, target[, weight][, relation] columns) or an adjacency matrix, as a table. */
function readTableNetwork(file: string, table: CsvTable, quality: QualityCollector): PlainNetwork {
  const b = new Builder(file, quality);
  let format: PlainFormat;
  const src = findColumn(table.header, ...SOURCE_COLUMNS);
  const tgt = findColumn(table.header, ...TARGET_COLUMNS);
  if (src >= 0 && tgt >= 0) {
    format = 'edgelist';
    const w = findColumn(table.header, 'weight', 'value', 'strength');
    const rel = findColumn(table.header, 'relation', 'type', 'tie type', 'layer', 'label');
    quality.rows.read += table.rows.length;
    table.rows.forEach((row, i) => {
      const line = table.rowNumbers[i]!;
      const s = (row[src] ?? '').trim();
      const t = (row[tgt] ?? '').trim();
      if (!s || !t) {
        quality.warn(
          file,
          line,
          !s ? table.header[src]! : table.header[tgt]!,
          'missing-node',
          'This tie has no source or target and was left out.',
        );
        quality.rows.rejected++;
        return;
      }
      const weight = w >= 0 && (row[w] ?? '').trim() !== '' ? parseNumber(row[w]!) : 1;
      const before = b.ties.length;
      b.tie(s, t, weight, rel >= 0 ? (row[rel] ?? '').trim() || 'tie' : 'tie', line);
      if (b.ties.length > before || weight === 0) quality.rows.accepted++;
      else quality.rows.rejected++;
    });
  } else {
    format = 'matrix';
    // Adjacency matrix: first header cell blank (or "id"), the rest are node labels.
    const labels = table.header.slice(1);
    for (const l of labels) b.node(l);
    table.rows.forEach((row, i) => {
      const line = table.rowNumbers[i]!;
      const s = (row[0] ?? '').trim();
      if (!s) return;
      b.node(s);
      for (let j = 1; j < row.length && j <= labels.length; j++) {
        const v = (row[j] ?? '').trim();
        if (v === '' || v === '0') continue;
        b.tie(s, labels[j - 1]!, parseNumber(v), 'tie', line);
      }
    });
    if (labels.length === 0 || b.actors.size === 0) {
      throw new InputError(
        file,
        1,
        null,
        'unknown-network-format',
        'This is neither an edge list (source,target columns), an adjacency matrix, UCINET DL nor Pajek.',
      );
    }
    b.countRows();
  }
  return { file, actors: [...b.actors.values()], ties: b.ties, format, directed: true };
}

/** UCINET DL: fullmatrix, edgelist1 and nodelist1, with labels given or embedded. */
function readDl(text: string, b: Builder): boolean {
  const lower = text.toLowerCase();
  const dataAt = lower.search(/\bdata\s*:/);
  if (dataAt < 0)
    throw new InputError(b.file, null, null, 'dl-no-data', 'The UCINET DL file has no "data:" section.');
  const head = text.slice(0, dataAt);
  const data = text.slice(dataAt).replace(/^data\s*:/i, '');
  const n = Number(/\bn\s*=\s*(\d+)/i.exec(head)?.[1] ?? NaN);
  const fmt = (/\bformat\s*=\s*([a-z0-9]+)/i.exec(head)?.[1] ?? 'fullmatrix').toLowerCase();
  const embedded = /labels\s+embedded/i.test(head);
  const labelsMatch = /\blabels\s*:\s*([\s\S]*)$/i.exec(head) ?? /\brow labels\s*:\s*([\s\S]*)$/i.exec(head);
  let labels: string[] = labelsMatch ? splitLabels(labelsMatch[1]!) : [];
  const lines = data
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const dataLine = text.slice(0, dataAt).split(/\r?\n/).length + 1;
  if (fmt.startsWith('fullmatrix') || fmt === 'fm') {
    let rows = lines.map((l) => l.split(/[\s,]+/));
    if (embedded) {
      labels = rows[0] ?? [];
      rows = rows.slice(1).map((r) => r.slice(1));
    }
    // n past the matrix's rows and columns is a damaged header (n=1000000000 over a 3 by 3 matrix
    // filled the memory with a billion names).
    const widest = rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (Number.isFinite(n) && labels.length === 0 && n > Math.max(rows.length, widest)) {
      throw new InputError(
        b.file,
        dataLine,
        null,
        'dl-size-mismatch',
        `The UCINET DL file says it has ${n} nodes (n=${n}), but its matrix has ${rows.length} rows of at most ${widest} values. Correct n, or export the network again.`,
      );
    }
    const size = Number.isFinite(n) ? n : rows.length;
    if (labels.length === 0) labels = Array.from({ length: size }, (_, i) => String(i + 1));
    for (const l of labels) b.node(l);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v === '0' || v === '' || i >= labels.length || j >= labels.length) return;
        b.tie(labels[i]!, labels[j]!, parseNumber(v), 'tie', dataLine + i + (embedded ? 1 : 0));
      });
    });
    return !isSymmetric(rows);
  }
  const label = (token: string) =>
    /^\d+$/.test(token) && labels.length > 0 && !embedded ? (labels[Number(token) - 1] ?? token) : token;
  for (const l of labels) b.node(l);
  lines.forEach((line, i) => {
    const t = line.split(/[\s,]+/);
    if (t.length < 2) return;
    if (fmt.startsWith('edgelist')) {
      b.tie(label(t[0]!), label(t[1]!), t[2] != null ? parseNumber(t[2]) : 1, 'tie', dataLine + i);
    } else {
      for (const alter of t.slice(1)) b.tie(label(t[0]!), label(alter), 1, 'tie', dataLine + i);
    }
  });
  return true;
}

function splitLabels(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/"([^"]*)"|([^\s,"]+)/g)) out.push((m[1] ?? m[2] ?? '').trim());
  return out.filter(Boolean);
}

function isSymmetric(rows: string[][]): boolean {
  for (let i = 0; i < rows.length; i++)
    for (let j = 0; j < i; j++) if ((rows[i]?.[j] ?? '0') !== (rows[j]?.[i] ?? '0')) return false;
  return true;
}

/** Pajek .net: *Vertices with optional quoted labels, then *Arcs / *Edges (or their list forms) or *Matrix. */
function readPajek(text: string, b: Builder): boolean {
  const label = new Map<string, string>();
  let section = '';
  let relation = 'tie';
  // *Edges have no direction: a file of edges only is an undirected network (the caller is told);
  // beside *Arcs, each edge is read as two arcs.
  const hasArcs = /^\s*\*arcs/im.test(text);
  let undirected = false;
  let matrixRow = 0;
  const name = (t: string) => label.get(t) ?? t;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const row = i + 1;
    if (!line || line.startsWith('%')) return;
    if (line.startsWith('*')) {
      section = line.slice(1).split(/\s+/)[0]!.toLowerCase();
      matrixRow = 0;
      relation = /"([^"]+)"/.exec(line)?.[1] ?? 'tie';
      undirected = section === 'edges' || section === 'edgeslist';
      return;
    }
    // Arc lines are numbers only: split them plainly; quoted labels need the full tokeniser.
    const tokens = line.includes('"')
      ? [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '')
      : line.split(/\s+/);
    if (section === 'vertices') {
      const [num, lab] = tokens;
      if (num) {
        label.set(num, lab || num);
        b.node(lab || num);
      }
    } else if (section === 'arcs' || section === 'edges') {
      if (tokens.length < 2) return;
      const weight = tokens[2] != null ? parseNumber(tokens[2]) : 1;
      b.tie(name(tokens[0]!), name(tokens[1]!), weight, relation, row);
      if (undirected && hasArcs) b.tie(name(tokens[1]!), name(tokens[0]!), weight, relation, row);
    } else if (section === 'arcslist' || section === 'edgeslist') {
      for (const alter of tokens.slice(1)) {
        b.tie(name(tokens[0]!), name(alter), 1, relation, row);
        if (undirected && hasArcs) b.tie(name(alter), name(tokens[0]!), 1, relation, row);
      }
    } else if (section === 'matrix') {
      // Row k of the matrix is vertex k's ties to vertices 1..n.
      matrixRow++;
      tokens.forEach((v, j) => {
        if (v !== '0' && v !== '')
          b.tie(name(String(matrixRow)), name(String(j + 1)), parseNumber(v), relation, row);
      });
    }
  });
  if (hasArcs && /^\s*\*edges/im.test(text)) {
    b.quality.info(
      b.file,
      null,
      null,
      'undirected-ties',
      'The *Edges section gives ties without direction: beside the *Arcs, each was read as a tie both ways.',
    );
  }
  return hasArcs || !/^\s*\*edges/im.test(text);
}
