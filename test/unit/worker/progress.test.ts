// The run's progress as the worker posts it: throttled, but never hiding a new phase's name.
import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../../src/worker/pipeline-job';

describe('throttleProgress', () => {
  it('drops close repeats of one phase, never a new phase or the end', () => {
    let clock = 0;
    const posted: [string, number][] = [];
    const report = throttleProgress(
      (phase, fraction) => posted.push([phase, fraction]),
      () => clock,
    );
    report('Matching names', 0.5);
    clock += 5;
    report('Matching names', 0.505); // 5 ms and half a percent later: dropped
    clock += 5;
    report('Building network', 0.51); // a new phase, 5 ms later: posted
    clock += 50;
    report('Building network', 0.511); // 50 ms later: posted
    clock += 1;
    report('Building network', 0.6); // a big step: posted
    clock += 1;
    report('Building network', 1); // the end: posted
    expect(posted).toEqual([
      ['Matching names', 0.5],
      ['Building network', 0.51],
      ['Building network', 0.511],
      ['Building network', 0.6],
      ['Building network', 1],
    ]);
  });
});
