// Timing helpers for benches: median wall time over a few runs, with one warm-up for the JIT.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function timeMs<T>(fn: () => T, runs = 3, warmup = 1): { ms: number; result: T } {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, result };
}

export async function timeAsyncMs<T>(
  fn: () => Promise<T>,
  runs = 3,
  warmup = 1,
): Promise<{ ms: number; result: T }> {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, result };
}

let gc: (() => void) | null = null;

/**
 * A full garbage collection, so a timed run starts from a clean heap and does not pay for the
 * garbage of whatever ran before it (in an alternating A/B that would be the other side's).
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
