// Public face of the scorecard module: the index, its weights, scorecards, waves and coverage.
export {
  computeScorecards,
  type Scorecard,
  type ScorecardInput,
  type ScorecardOptions,
  type ScorecardMetrics,
  type ComponentPart,
  type ComponentColumns,
} from './compute';
export {
  COMPONENT_KEYS,
  COMPONENT_LABELS,
  DEFAULT_WEIGHTS,
  WEIGHTS_RATIONALE,
  WEIGHTS_OVERVIEW,
  resolveWeights,
  readWeightsConfig,
  type ComponentKey,
  type IndexWeights,
} from './weights';
export { SCORECARD_COLUMNS, CHANGE_COLUMNS, INDICATOR_COLUMNS, type IndicatorColumn } from './columns';
export { compareWaves, compareServices, moverDifference, type ChangeRow, type ServiceChange } from './waves';
export { computeCoverage, type Coverage, type SectorCoverage, type CoverageOptions } from './coverage';
export { readInvitedCounts } from './invited';
export { distinguishable, rankLabel } from './compare';
export { normalise, rankDescending, type Normalisation } from './normalise';
export {
  buildCountFrame,
  countDraw,
  type RespondentLike,
  type CountFrame,
  type Counts,
} from './network-counts';
