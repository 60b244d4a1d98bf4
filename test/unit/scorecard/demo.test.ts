// The demo data set end to end through the scorecard stages (ingest → 360 → satisfaction →
// scorecards → change), checking shapes and invariants rather than numbers the generator may change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/core/ingest';
import { QualityCollector, silentProgress } from '../../../src/core/quality';
import { readAppraisals, summariseAppraisals } from '../../../src/core/appraisal';
import { readSatisfaction, summariseSatisfaction } from '../../../src/core/satisfaction';
import {
  CHANGE_COLUMNS,
  compareWaves,
  computeScorecards,
  SCORECARD_COLUMNS,
} from '../../../src/core/scorecard';

const file = (name: string) => ({
  name,
  data: readFileSync(new URL(`../../../data/demo/${name}`, import.meta.url)),
});

function wave(survey: string, satisfaction: string) {
  const quality = new QualityCollector();
  const ing = ingest({ surveys: [file(survey)], roster: file('roster.csv') }, quality, silentProgress);
  const appraisal = summariseAppraisals(readAppraisals(file('appraisals.csv'), ing.actors, quality), {
    threshold: 3,
  });
  const sat = summariseSatisfaction(readSatisfaction(file(satisfaction), ing.actors, quality), ing.actors);
  const cards = computeScorecards(
    {
      actors: ing.actors,
      ties: ing.ties,
      respondents: ing.respondents,
      metrics: { nodes: {} },
      appraisal,
      satisfaction: sat,
    },
    { bootstrapDraws: 300, seed: 1 },
    silentProgress,
  );
  return { ing, quality, appraisal, sat, cards };
}

describe('demo data', () => {
  const before = wave('survey-baseline.csv', 'satisfaction.csv');
  const after = wave('survey-followup.csv', 'satisfaction-followup.csv');

  it('reads the 360 and satisfaction files without errors and covers every public servant', () => {
    const servants = before.ing.actors.filter((a) => a.type === 'public-servant').map((a) => a.id as string);
    expect(servants.length).toBeGreaterThan(5);
    const mine = before.quality.issues.filter(
      (i) => /appraisals|satisfaction/.test(i.file) && i.severity === 'error',
    );
    expect(mine).toEqual([]);
    for (const id of servants) {
      expect(before.appraisal.people[id], id).toBeDefined();
      expect(before.sat.byPerson[id], id).toBeDefined();
    }
  });

  it('never shows a non-exempt rater group under the threshold', () => {
    for (const p of Object.values(before.appraisal.people)) {
      for (const g of p.groups) {
        if (g.group !== 'self' && g.group !== 'manager' && g.group !== 'others')
          expect(g.raters).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('gives every public servant an index with an interval around it, and a change row', () => {
    for (const c of before.cards) {
      expect(c.index).not.toBeNull();
      expect(c.indexLow!).toBeLessThanOrEqual(c.index!);
      expect(c.indexHigh!).toBeGreaterThanOrEqual(c.index!);
      expect(c.rankLow!).toBeLessThanOrEqual(c.rank!);
      for (const col of SCORECARD_COLUMNS) expect(c, col).toHaveProperty(col);
    }
    const change = compareWaves(before.cards, after.cards);
    expect(change).toHaveLength(after.cards.length);
    for (const row of change) for (const col of CHANGE_COLUMNS) expect(row, col).toHaveProperty(col);
  });
});
