// Slash dates (02/03/2026) in the day/month order of their file: which of two answers from one
// person is the later depends on it, and the engine alone reads every one as month first.
import { describe, expect, it } from 'vitest';
import { slashDateMs, slashOrderOf } from '../../../src/core/ingest/dates';
import { codes, run, text } from './helpers';

describe('slashOrderOf', () => {
  it('is settled by a first number over 12 (day first) or a second one (month first)', () => {
    expect(slashOrderOf(['02/03/2026 10:00', '13/03/2026 09:00'])).toEqual({
      order: 'day-first',
      decided: 'by-date',
    });
    expect(slashOrderOf(['3/2/26 10:01:12', '3/13/26 9:00:00'])).toEqual({
      order: 'month-first',
      decided: 'by-date',
    });
  });

  it('otherwise takes the order in which the rows run forward in time, and day first when both do', () => {
    // 1, 2, 3 March then 1 April read day first; month first, 4 January would follow 3 March.
    expect(slashOrderOf(['01/03/2026', '02/03/2026', '03/03/2026', '01/04/2026'])).toEqual({
      order: 'day-first',
      decided: 'by-row-order',
    });
    expect(slashOrderOf(['03/01/2026', '03/02/2026', '03/03/2026', '04/01/2026'])).toEqual({
      order: 'month-first',
      decided: 'by-row-order',
    });
    expect(slashOrderOf(['05/05/2026'])).toEqual({ order: 'day-first', decided: 'by-default' });
  });

  it('is null without slash dates, or with both kinds', () => {
    expect(slashOrderOf(['2026/03/02 10:04:31 AM GMT', '2026-03-02T10:00:00Z'])).toBeNull();
    expect(slashOrderOf(['13/03/2026', '03/13/2026'])).toBeNull();
  });
});

describe('slashDateMs', () => {
  it('reads the date and the time, AM and PM included, in the order given', () => {
    expect(slashDateMs('02/03/2026 1:05:09 PM', 'day-first')).toBe(Date.UTC(2026, 2, 2, 13, 5, 9));
    expect(slashDateMs('02/03/26 12:00 am', 'month-first')).toBe(Date.UTC(2026, 1, 3, 0, 0, 0));
    expect(slashDateMs('13/03/2026', 'month-first')).toBeNaN();
    expect(slashDateMs('2026-03-02', 'day-first')).toBeNaN();
  });
});

describe('keeping the later of two answers from one person', () => {
  const survey = (dates: string[]) =>
    text(
      'uk.csv',
      [
        'Timestamp,Email Address,Who do you go to in times of need?',
        `${dates[0]},sam@example.org,Helen Okafor`,
        `${dates[1]},jo@example.org,Helen Okafor`,
        `${dates[2]},sam@example.org,Dr Priya Patel`,
      ].join('\n'),
    );

  it('reads a UK export day first: 13 March is later than 12 March', () => {
    const r = run([survey(['13/03/2026 09:00:00', '12/03/2026 10:00:00', '12/03/2026 11:00:00'])]);
    // Row 2 (13 March) is Sam's later answer; row 4 (12 March) is the one replaced.
    const note = r.quality.issues.find((i) => i.code === 'resubmitted-response')!;
    expect(note.row).toBe(4);
    expect(r.ties.filter((t) => t.target === 'ps-01')).toHaveLength(2);
    expect(codes(r.quality)).not.toContain('date-order');
  });

  it('says how the order was decided when no date settles it', () => {
    const r = run([survey(['01/03/2026 09:00:00', '02/03/2026 10:00:00', '01/04/2026 11:00:00'])]);
    expect(r.quality.issues.find((i) => i.code === 'resubmitted-response')!.row).toBe(2);
    expect(r.quality.issues.find((i) => i.code === 'date-order')?.message).toMatch(
      /day first.*rows run forward/,
    );
  });
});
