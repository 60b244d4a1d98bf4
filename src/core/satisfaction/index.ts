// Public face of the satisfaction module: read resident answers, summarise them per service.
export {
  readSatisfaction,
  parseAnswer,
  SATISFACTION_ITEMS,
  type SatisfactionItem,
  type SatisfactionResponse,
  type Answer,
} from './read';
export {
  summariseSatisfaction,
  itemStat,
  agreeRow,
  matrixPoints,
  AGREE_AT,
  type SatisfactionSummary,
  type ServiceSatisfaction,
  type ItemStat,
} from './summarise';
export { wilsonInterval, meanInterval, tQuantile975, Z95, type Interval, type MeanInterval } from './stats';
