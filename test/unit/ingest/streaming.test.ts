// Large exports are read as a stream: progress moves steadily (so the app's bar and cancel keep up)
// and a cancel in the middle of a file stops the run.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/core/ingest';
import { CancelledError, QualityCollector, type Progress } from '../../../src/core/quality';
import { ROSTER } from './helpers';

function bigExport(rows: number): string {
  const names = ['Helen Okafor', 'Dr Priya Patel', 'Millbrook Food Bank', 'Amira Haddad'];
  const lines = ['Timestamp,Email Address,Which best describes you?,Who do you trust?'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `2026/03/02 10:00:00 AM GMT,p${i}@example.org,Resident,"${names[i % 4]}, ${names[(i + 1) % 4]}"`,
    );
  }
  return lines.join('\n');
}

describe('streamed ingest', () => {
  it('reports progress every few thousand rows, never going backwards', () => {
    const fractions: number[] = [];
    const checks = { n: 0 };
    const progress: Progress = {
      report: (_phase, f) => fractions.push(f),
      check: () => void checks.n++,
    };
    const r = ingest(
      { surveys: [{ name: 'big.csv', data: bigExport(20_000) }], roster: ROSTER() },
      new QualityCollector(),
      progress,
    );
    expect(r.ties).toHaveLength(40_000);
    // 20,000 rows through reading, screening, linking and matching: dozens of reports, not a handful.
    expect(fractions.length).toBeGreaterThan(40);
    expect(checks.n).toBeGreaterThan(40);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('checks for cancel at least every 64 respondents while matching names (slow with large rosters)', () => {
    let matching = 0;
    const progress: Progress = {
      report: (phase) => void (phase === 'Matching names' && matching++),
      check: () => undefined,
    };
    ingest(
      { surveys: [{ name: 'big.csv', data: bigExport(20_000) }], roster: ROSTER() },
      new QualityCollector(),
      progress,
    );
    expect(matching).toBeGreaterThanOrEqual(20_000 / 64);
  });

  it('reports progress and answers cancel while a large network file is joined to the roster', () => {
    // 3,000 nodes, 6,000 arcs in Pajek, beside a survey: the bar keeps moving forward to the end.
    const lines = ['*Vertices 3000'];
    for (let i = 1; i <= 3000; i++) lines.push(`${i} "Person ${i}"`);
    lines.push('*Arcs');
    for (let i = 1; i <= 3000; i++) lines.push(`${i} ${(i % 3000) + 1}`, `${i} ${((i * 7) % 3000) + 1}`);
    const files = [
      { name: 'big.csv', data: bigExport(2_000) },
      { name: 'town.net', data: lines.join('\n') },
    ];
    const fractions: number[] = [];
    const phases = new Set<string>();
    const r = ingest({ surveys: files, roster: ROSTER() }, new QualityCollector(), {
      report: (phase, f) => {
        fractions.push(f);
        phases.add(phase);
      },
      check: () => undefined,
    });
    expect(r.ties.length).toBe(4_000 + 6_000);
    expect(phases).toContain('Matching network nodes');
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions[fractions.length - 1]).toBe(1);
    let nodeReports = 0;
    const cancelling: Progress = {
      report: (phase) => void (phase === 'Matching network nodes' && nodeReports++),
      check: () => {
        if (nodeReports > 2) throw new CancelledError();
      },
    };
    expect(() => ingest({ surveys: files, roster: ROSTER() }, new QualityCollector(), cancelling)).toThrow(
      CancelledError,
    );
  });

  it('stops with CancelledError when the host cancels in the middle of reading', () => {
    let reports = 0;
    const progress: Progress = {
      report: () => void reports++,
      check: () => {
        if (reports > 3) throw new CancelledError();
      },
    };
    expect(() =>
      ingest(
        { surveys: [{ name: 'big.csv', data: bigExport(20_000) }], roster: ROSTER() },
        new QualityCollector(),
        progress,
      ),
    ).toThrow(CancelledError);
  });
});
