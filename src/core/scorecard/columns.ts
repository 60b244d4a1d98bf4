// Column order of scorecards.csv and change.csv: the contract's columns first, then the extras
// (intervals, brokerage, and the index breakdown), so tools that read by position keep working.
import { COMPONENT_KEYS } from './weights';

/** Numeric scorecard columns compared between waves (everything in the contract that is a number). */
export const INDICATOR_COLUMNS = [
  'index',
  'rank',
  'civilInDegree',
  'needInDegree',
  'trustInDegree',
  'infoInDegree',
  'civilReach',
  'betweenness',
  'constraint',
  'brokerage',
  'appraisalOthers',
  'appraisalSelf',
  'takingResponsibility',
  'honestOpen',
  'askingForFeedback',
  'actingOnFeedback',
  'avoidingUnnecessaryContact',
  'goodCommunication',
  'satisfied',
  'influence',
  'involved',
  'trust',
] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

export const SCORECARD_COLUMNS: string[] = [
  'id',
  'name',
  'role',
  'service',
  'index',
  'rank',
  'indexLow',
  'indexHigh',
  'rankLow',
  'rankHigh',
  'civilInDegree',
  'needInDegree',
  'trustInDegree',
  'infoInDegree',
  'civilReach',
  'betweenness',
  'constraint',
  'appraisalOthers',
  'appraisalSelf',
  'takingResponsibility',
  'honestOpen',
  'askingForFeedback',
  'actingOnFeedback',
  'avoidingUnnecessaryContact',
  'goodCommunication',
  'satisfied',
  'influence',
  'involved',
  'trust',
  // Extras after the contract's columns.
  'civilInDegreeLow',
  'civilInDegreeHigh',
  'brokerage',
  'satisfactionN',
  ...COMPONENT_KEYS.flatMap((k) => [`${k}Norm`, `${k}Weight`]),
  'missingComponents',
];

/** change.csv columns: id, who, then for each indicator Before, After, Change, its interval and the flag. */
export const CHANGE_COLUMNS: string[] = [
  'id',
  'name',
  'service',
  'status',
  ...INDICATOR_COLUMNS.flatMap((c) => [
    `${c}Before`,
    `${c}After`,
    `${c}Change`,
    `${c}ChangeLow`,
    `${c}ChangeHigh`,
    `${c}RealChange`,
  ]),
  'civilTiesGained',
  'civilTiesLost',
  'civilTiesGainedIds',
  'civilTiesLostIds',
];
