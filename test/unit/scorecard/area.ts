// A synthetic area for scorecard tests: public servants named by residents with set probabilities,
// so the "truth" behind every count is known and samples of any size can be drawn.
import { asActorId, type Actor, type Tie } from '../../../src/core/model';
import { summariseAppraisals } from '../../../src/core/appraisal';
import { summariseSatisfaction } from '../../../src/core/satisfaction';
import type { RespondentLike, ScorecardInput } from '../../../src/core/scorecard';
import { makeRng } from '../../../src/core/scorecard/rng';

export interface Area {
  actors: Actor[];
  ties: Tie[];
  respondents: RespondentLike[];
}

const servant = (i: number): Actor => ({
  id: asActorId(`ps-${i}`),
  label: `Servant ${i}`,
  type: 'public-servant',
  sector: 'public',
  service: `Service ${i}`,
  onRoster: true,
  attrs: {},
});

/**
 * `n` residents; resident r names servant i for need with probability p[i], and for trust with
 * half that. Residents are `r-<wave>-<k>`; `file`/`row` give each tie its respondent.
 */
export function makeArea(n: number, p: number[], seed: string, wave = 'a'): Area {
  const rng = makeRng(seed, 'area');
  const actors: Actor[] = p.map((_, i) => servant(i + 1));
  const ties: Tie[] = [];
  const respondents: RespondentLike[] = [];
  const file = `survey-${wave}.csv`;
  for (let k = 0; k < n; k++) {
    const id = asActorId(`r-${wave}-${k}`);
    actors.push({ id, label: 'Resident', type: 'resident', sector: 'community', onRoster: false, attrs: {} });
    respondents.push({ key: id, file, row: k + 2 });
    p.forEach((pi, i) => {
      if (rng() < pi)
        ties.push({
          source: id,
          target: asActorId(`ps-${i + 1}`),
          relation: 'need',
          weight: 1,
          file,
          row: k + 2,
        });
      if (rng() < pi / 2)
        ties.push({
          source: id,
          target: asActorId(`ps-${i + 1}`),
          relation: 'trust',
          weight: 1,
          file,
          row: k + 2,
        });
    });
  }
  return { actors, ties, respondents };
}

/** Resample an area's respondents with replacement (pure sampling noise around the same people). */
export function resampleArea(area: Area, seed: string, wave: string): Area {
  const rng = makeRng(seed, 'resample');
  const actors = area.actors.filter((a) => a.type === 'public-servant');
  const ties: Tie[] = [];
  const respondents: RespondentLike[] = [];
  const file = `survey-${wave}.csv`;
  const n = area.respondents.length;
  for (let k = 0; k < n; k++) {
    const src = area.respondents[Math.floor(rng() * n)]!;
    const id = asActorId(`r-${wave}-${k}`);
    actors.push({ id, label: 'Resident', type: 'resident', sector: 'community', onRoster: false, attrs: {} });
    respondents.push({ key: id, file, row: k + 2 });
    for (const t of area.ties) {
      if (t.file === src.file && t.row === src.row) ties.push({ ...t, source: id, file, row: k + 2 });
    }
  }
  return { actors, ties, respondents };
}

/** Scorecard input with no metrics, 360 or satisfaction: the network counts alone drive the index. */
export function inputOf(area: Area): ScorecardInput {
  return {
    ...area,
    metrics: { nodes: {} },
    appraisal: summariseAppraisals([], { threshold: 3 }),
    satisfaction: summariseSatisfaction([], area.actors),
  };
}
