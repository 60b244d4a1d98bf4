// Problems found in the input, as values: every rejected row or unmatched name lands here with
// its file, row and column, so nothing is ever dropped silently.

export type Severity = 'error' | 'warning' | 'info';

export interface QualityIssue {
  severity: Severity;
  /** The user's file name as given (never a full path with the user's home folder). */
  file: string;
  /** 1-based row in the file as a spreadsheet shows it (header row = 1); null for file-level issues. */
  row: number | null;
  /** Column header (or letter/number when there is no header); null when not about one column. */
  column: string | null;
  /** Stable machine-readable code, e.g. `unmatched-name`, `duplicate-response`. */
  code: string;
  /** One plain-English sentence a person can act on. */
  message: string;
}

export interface UnmatchedName {
  text: string;
  count: number;
  suggestions: { id: string; name: string; confidence: number }[];
  /** Where the name was seen: its first five places (`count` says how many there are in all). */
  where?: { file: string; row: number; column: string }[];
}

/** A name accepted as a roster person though not written as on the roster ("Mrs Okafor"). */
export interface MatchedName {
  text: string;
  count: number;
  /** The roster person it was taken as, and how alike (0..1). */
  id: string;
  name: string;
  confidence: number;
}

export interface QualityReport {
  rows: { read: number; accepted: number; rejected: number };
  issues: QualityIssue[];
  unmatched: UnmatchedName[];
  /** Every name matched automatically though not as written, to check (and overrule by a decision). */
  matched?: MatchedName[];
}

/** Collects issues during one run; hosts serialise `report()` as quality.json. */
export class QualityCollector {
  readonly issues: QualityIssue[] = [];
  readonly unmatched: UnmatchedName[] = [];
  readonly matched: MatchedName[] = [];
  rows = { read: 0, accepted: 0, rejected: 0 };
  /**
   * Of rows.rejected, the blank rows between answers (each run of them has its note): for the
   * command line's summary, so "rejected" is not read as answers thrown away. Not in report().
   */
  blankRows = 0;

  add(issue: QualityIssue): void {
    this.issues.push(issue);
  }

  error(file: string, row: number | null, column: string | null, code: string, message: string): void {
    this.add({ severity: 'error', file, row, column, code, message });
  }

  warn(file: string, row: number | null, column: string | null, code: string, message: string): void {
    this.add({ severity: 'warning', file, row, column, code, message });
  }

  info(file: string, row: number | null, column: string | null, code: string, message: string): void {
    this.add({ severity: 'info', file, row, column, code, message });
  }

  hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }

  report(): QualityReport {
    return {
      rows: { ...this.rows },
      issues: [...this.issues],
      unmatched: [...this.unmatched],
      matched: [...this.matched],
    };
  }
}

/** The first eight of a list for a message, "..." after them when there are more. */
export function firstFew(items: readonly (string | number)[]): string {
  return `${items.slice(0, 8).join(', ')}${items.length > 8 ? ', ...' : ''}`;
}

/** Rows for a message: "row 4", "rows 4, 9, 12, ...". */
export function rowsText(rows: readonly number[]): string {
  return `row${rows.length === 1 ? '' : 's'} ${firstFew(rows)}`;
}

/** An input problem that stops the run (CLI exit 1). Thrown inside core, caught by every host. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly column: string | null,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }

  describe(): string {
    const where = [
      this.file,
      this.row != null ? `row ${this.row}` : null,
      this.column ? `column "${this.column}"` : null,
    ]
      .filter(Boolean)
      .join(', ');
    return `${where}: ${this.message}`;
  }
}

/** Cooperative cancellation + progress, shared by every long operation in core. */
export interface Progress {
  /** phase: short label ("Reading survey", "Betweenness"); fraction in [0, 1]. */
  report(phase: string, fraction: number): void;
  /** Throws CancelledError when the host asked to stop. Call it in long loops. */
  check(): void;
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

export const silentProgress: Progress = { report() {}, check() {} };

/** Progress backed by an AbortSignal and a callback; used by the worker and CLI hosts. */
export function makeProgress(
  onProgress?: (phase: string, fraction: number) => void,
  signal?: AbortSignal,
): Progress {
  return {
    report(phase, fraction) {
      onProgress?.(phase, Math.max(0, Math.min(1, fraction)));
    },
    check() {
      if (signal?.aborted) throw new CancelledError();
    },
  };
}

/** A stage's own 0→1 progress mapped onto [start, end] of the whole run, so the bar never jumps back. */
export function subProgress(progress: Progress, start: number, end: number): Progress {
  return {
    report: (phase, fraction) =>
      progress.report(phase, start + (end - start) * Math.max(0, Math.min(1, fraction))),
    check: () => progress.check(),
  };
}
