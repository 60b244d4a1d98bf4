// The map's graph of two waves: every node keeps a label of its own, though each wave numbers its
// respondents from 1 (trial AE: two different nodes of the change map were both "Volunteer 1").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/core/pipeline';
import { buildDisplayGraph } from '../../../src/ui/map/display-graph';

const read = (name: string) => ({ name, data: readFileSync(`data/demo/${name}`, 'utf8') });
const wave = (survey: string) =>
  runPipeline({ surveys: [read(survey)], roster: read('roster.csv') }, { bootstrapDraws: 0, seed: 1 });

describe('the map of two waves', () => {
  it('gives a baseline-only actor whose label the current wave uses its wave, so no two nodes share a label', () => {
    const current = wave('survey-followup.csv');
    const baseline = wave('survey-baseline.csv');
    const graph = buildDisplayGraph(current, baseline);
    const labels = graph.mapNodes((_id, a) => a.label);
    expect(new Set(labels).size).toBe(labels.length);
    const renamed = graph.filterNodes((_id, a) => a.label.endsWith(' (baseline)'));
    expect(renamed.length).toBeGreaterThan(0);
    for (const id of renamed) expect(graph.getNodeAttributes(id).inCurrent).toBe(false);
    // The current wave's own labels are as the rest of the app shows them.
    for (const actor of current.actors)
      if (!actor.onRoster) expect(graph.getNodeAttribute(actor.id, 'label')).not.toMatch(/\(baseline\)$/);
  });
});
