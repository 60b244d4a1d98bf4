// The demo data set, bundled with Vite's `?raw` so it loads without any request leaving the page.
// Follow-up wave as the current wave, the baseline wave as the baseline.
import type { WaveFiles } from './project';

const files = import.meta.glob<string>('../../data/demo/*.csv', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function file(name: string): { name: string; data: string } | null {
  const data = files[`../../data/demo/${name}`];
  return data === undefined ? null : { name, data };
}

export function hasDemo(): boolean {
  return file('roster.csv') !== null && file('survey-followup.csv') !== null;
}

export function demoWaves(): { current: WaveFiles; baseline: WaveFiles | null } {
  const roster = file('roster.csv');
  const appraisals = file('appraisals.csv');
  const followup = file('survey-followup.csv');
  const baselineSurvey = file('survey-baseline.csv');
  const current: WaveFiles = {
    roster,
    surveys: followup ? [followup] : [],
    // The demo's 360 round is a single file; it is used in both waves so the index is built
    // from the same components before and after.
    appraisals,
    satisfaction: file('satisfaction-followup.csv'),
    codebook: null,
  };
  const baseline: WaveFiles | null = baselineSurvey
    ? {
        roster,
        surveys: [baselineSurvey],
        appraisals,
        satisfaction: file('satisfaction.csv'),
        codebook: null,
      }
    : null;
  return { current, baseline };
}
