// The one-line quality summary on stderr reads as English whatever the counts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { summariseQuality } from '../../../src/cli/io';
import { QualityCollector } from '../../../src/core/quality';

afterEach(() => vi.restoreAllMocks());

function summaryOf(quality: QualityCollector): string {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (lines.push(String(s)), true));
  summariseQuality(quality.report(), '/out/quality.json');
  return lines.join('');
}

describe('quality summary', () => {
  it('counts in the singular for one and the plural otherwise', () => {
    const q = new QualityCollector();
    q.rows.read = 1;
    q.rows.accepted = 1;
    q.info('a.csv', null, null, 'date-order', 'x');
    q.unmatched.push({ text: 'Patel', count: 1, suggestions: [] });
    expect(summaryOf(q)).toBe(
      'quality: 1 row read, 1 accepted, 0 rejected, 0 errors, 0 warnings, 1 note, 1 unmatched name (1 mention) (details in /out/quality.json)\n',
    );
    q.warn('a.csv', 2, null, 'x', 'y');
    q.warn('a.csv', 3, null, 'x', 'y');
    expect(summaryOf(q)).toContain('2 warnings, 1 note');
    // Names accepted though not written as on the roster are counted, to be looked at.
    q.matched.push({ text: 'Mrs Okafor', count: 2, id: 'ps-01', name: 'Helen Okafor', confidence: 0.8 });
    expect(summaryOf(q)).toContain('1 unmatched name (1 mention), 1 name matched not exactly (details');
  });
});
