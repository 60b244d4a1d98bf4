// Public face of the 360 appraisal module: read a ratings file, summarise it under the anonymity rule.
export * from './competencies';
export { readAppraisals, type AppraisalRating } from './read';
export {
  summariseAppraisals,
  planGroups,
  type AppraisalSummary,
  type AppraisalOptions,
  type PersonAppraisal,
  type CompetencyAppraisal,
  type GroupCell,
  type ShownGroup,
} from './summarise';
