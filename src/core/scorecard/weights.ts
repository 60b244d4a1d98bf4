// The relational-capital index's components, default weights and the reasons for them.
// The rationale is exported as text so the README, the app and the report show the same words.
import type { InputFile } from '../model';
import { InputError, type QualityCollector } from '../quality';
import { decodeText } from '../ingest/csv';

export const COMPONENT_KEYS = [
  'civilInDegree',
  'trustInDegree',
  'civilReach',
  'brokerage',
  'lowConstraint',
  'betweenness',
  'appraisal',
  'satisfaction',
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

/** Relative weights (any non-negative numbers; they are rescaled to sum to 1 over the components present). */
export type IndexWeights = Record<ComponentKey, number>;

export const DEFAULT_WEIGHTS: IndexWeights = {
  civilInDegree: 0.2,
  trustInDegree: 0.15,
  civilReach: 0.1,
  brokerage: 0.075,
  lowConstraint: 0.075,
  betweenness: 0.05,
  appraisal: 0.2,
  satisfaction: 0.15,
};

export const COMPONENT_LABELS: Record<ComponentKey, string> = {
  civilInDegree: 'Civil-society ties in',
  trustInDegree: 'Trusted by',
  civilReach: 'Civil-society reach (two steps)',
  brokerage: 'Brokerage between groups',
  lowConstraint: 'Open network (low constraint)',
  betweenness: 'Betweenness',
  appraisal: '360 appraisal (others)',
  satisfaction: 'Resident satisfaction',
};

/** What each component measures and why it carries its default weight (shown in README and app). */
export const WEIGHTS_RATIONALE: Record<ComponentKey, string> = {
  civilInDegree:
    '20%. The core of relational capital: how many distinct residents, volunteers and groups turn to this person. It is counted directly from the survey, so it is the most robust network figure.',
  trustInDegree:
    '15%. Trust is the tie that lets a service work with people rather than on them; kept apart from the civil-society count so a person named only for information does not score as trusted.',
  civilReach:
    '10%. Civil-society actors within two steps: the people a public servant can reach through one introduction. Rewards being connected to well-connected groups, not just many individuals.',
  brokerage:
    '7.5%. Gould–Fernandez brokerage roles: bridging between sectors is the bonding-to-bridging work the approach values, but the counts depend on the survey’s coverage, so the weight is modest.',
  lowConstraint:
    '7.5%. Burt’s constraint, reversed: an open network of non-redundant contacts brings information and options. Modest weight because constraint is unstable for people with few ties.',
  betweenness:
    '5%. Sits on shortest paths between others. Sensitive to missing respondents (one absent survey can change it a lot), so it carries the least weight.',
  appraisal:
    '20%. The 360 mean from everyone but the person themself, over the six competencies: how colleagues, partners and citizens experience the person’s behaviour. Self-ratings never enter the index.',
  satisfaction:
    '15%. The average % agreeing (satisfied, can influence, involved, trust) among residents of the person’s service. It is shared by everyone in the service, so it separates services more than people.',
};

export const WEIGHTS_OVERVIEW =
  'Each component is turned into a percentile within the area (0 = lowest public servant, 100 = highest, ties share the middle), multiplied by its weight and summed. Network measures carry 65% in total because they are what the survey adds; the 360 and satisfaction 35%. A component that cannot be computed for a person (no appraisal, a service without satisfaction answers) is left out and the remaining weights are rescaled, and the scorecard flags it: it never counts as zero. The index is relative to the other public servants in the same run, so compare people within one area, not across areas.';

/** Defaults overridden by the user's weights; negative or non-numeric weights count as 0. */
export function resolveWeights(overrides?: Partial<IndexWeights>): IndexWeights {
  const out = { ...DEFAULT_WEIGHTS };
  for (const key of COMPONENT_KEYS) {
    const w = overrides?.[key];
    if (w !== undefined) out[key] = Number.isFinite(w) && w > 0 ? w : 0;
  }
  return out;
}

/**
 * Weights from a config file: JSON, either `{ "weights": { "appraisal": 0.3, ... } }` or the weights
 * object itself. Unknown names and non-numbers are reported and ignored; malformed JSON stops the run.
 */
export function readWeightsConfig(file: InputFile, quality: QualityCollector): Partial<IndexWeights> {
  const { text } = decodeText(file.data);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(
      file.name,
      null,
      null,
      'bad-weights',
      `The weights file is not valid JSON (${(e as Error).message}).`,
    );
  }
  const obj =
    data && typeof data === 'object' && 'weights' in data ? (data as { weights: unknown }).weights : data;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new InputError(
      file.name,
      null,
      null,
      'bad-weights',
      'The weights file should hold an object such as {"appraisal": 0.2}.',
    );
  }
  const out: Partial<IndexWeights> = {};
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    if (!(COMPONENT_KEYS as readonly string[]).includes(key)) {
      quality.warn(
        file.name,
        null,
        key,
        'unknown-weight',
        `"${key}" is not an index component (${COMPONENT_KEYS.join(', ')}); it was ignored.`,
      );
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      quality.warn(
        file.name,
        null,
        key,
        'invalid-weight',
        `The weight of "${key}" must be a number of 0 or more; the default was kept.`,
      );
      continue;
    }
    out[key as ComponentKey] = value;
  }
  return out;
}
