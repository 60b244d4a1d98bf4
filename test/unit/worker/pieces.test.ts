// A result sent from the worker in pieces comes back equal to the result, whatever its shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemblePieces, splitIntoPieces } from '../../../src/worker/pieces';
import { runPipeline } from '../../../src/core/pipeline';
import { googleFormsExport } from '../../../bench/ingest.bench';

/** What postMessage does to each message: a structured clone. */
function sendInPieces<T>(value: T, size?: number): { received: T; messages: number } {
  const { skeleton, pieces } = splitIntoPieces(value, size);
  const arrived = pieces.map((p) => structuredClone(p));
  return { received: assemblePieces(structuredClone(skeleton), arrived), messages: pieces.length + 1 };
}

describe('results sent in pieces', () => {
  it('a pipeline result (actors, ties, per-layer metric records) arrives whole and unchanged', () => {
    const roster = new Uint8Array(readFileSync(new URL('../../../data/demo/roster.csv', import.meta.url)));
    const names = ['Dr Priya Patel', 'Helen Okafor', 'Amira Haddad', 'Millbrook Food Bank'];
    const result = runPipeline(
      {
        surveys: [{ name: 'survey.csv', data: googleFormsExport(1500, names) }],
        roster: { name: 'roster.csv', data: roster },
      },
      { bootstrapDraws: 0 },
    );
    const before = structuredClone(result);
    const { received, messages } = sendInPieces({ ok: true, current: result, baseline: null }, 200);
    expect(received).toEqual({ ok: true, current: result, baseline: null });
    // The worker's own result is not changed by cutting it up.
    expect(result).toEqual(before);
    // Ties, actors, respondents and every layer's node records went in pieces.
    expect(messages).toBeGreaterThan(result.ties.length / 200);
    const { skeleton } = splitIntoPieces(result, 200);
    expect(skeleton.ties).toEqual([]);
    expect(skeleton.metrics.nodes).toEqual({});
  });

  it('keeps order, edge sizes, odd keys and values that are not plain objects', () => {
    const record: Record<string, number> = {};
    for (let i = 0; i < 25; i++) record[`k${i}`] = i;
    Object.defineProperty(record, '__proto__', {
      value: 99,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const value = {
      exact: Array.from({ length: 10 }, (_, i) => i),
      over: Array.from({ length: 11 }, (_, i) => ({ i })),
      nested: [{ deep: Array.from({ length: 31 }, (_, i) => `s${i}`) }],
      record,
      bytes: new Uint8Array([1, 2, 3]),
      map: new Map([['a', 1]]),
      empty: [],
      none: null,
    };
    const { received, messages } = sendInPieces(value, 10);
    expect(received).toEqual(value);
    expect(Object.keys(received.record)).toEqual(Object.keys(record));
    expect(Object.getPrototypeOf(received.record)).toBe(Object.prototype);
    expect((received.record as Record<string, number>)['__proto__']).toBe(99);
    expect(messages).toBe(1 + 2 + 4 + 3);
    // Nothing large: sent as one message, the very same value.
    const small = { a: [1, 2], b: { c: 3 } };
    expect(splitIntoPieces(small, 10)).toEqual({ skeleton: small, pieces: [] });
    expect(splitIntoPieces(small, 10).skeleton).toBe(small);
  });
});
