// The small convention every bench/*.bench.ts follows: export a default async function that takes
// a BenchContext and returns printable rows; bench/run.ts runs them all and prints one table.

/** One printed line: our time, optionally a reference tool's time on the same input, and their ratio. */
export interface BenchRow {
  /** What was measured, e.g. "all metrics, 10k nodes / 50k arcs". */
  case: string;
  /** Our median wall time in milliseconds (null when not measured). */
  ms: number | null;
  /** Reference tool, e.g. "python-igraph 0.10". */
  reference?: string;
  /** The reference's time in milliseconds on the same input, same run. */
  referenceMs?: number | null;
  /** Free text: sizes, errors measured, why a reference is missing. */
  note?: string;
}

export interface BenchContext {
  /** Where benches may write scratch files (bench/out, git-ignored). */
  outDir: string;
  /** `--quick`: smaller inputs, for a smoke run. */
  quick: boolean;
  /** Print a progress line (goes to stderr so the table stays clean). */
  log(message: string): void;
}

export type Bench = (context: BenchContext) => Promise<BenchRow[]>;
