// The run bar on a survey large enough for the worker pool (about 8,000 actors): it moves forward
// only, names each step, and shows 100% only once the result is in.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { googleFormsExport } from '../../bench/ingest.bench';
import { afterRun, baseUrl, closeDemo, openWithProject, type Watched } from './harness';

const roster = readFileSync('test/fixtures/ingest/roster.csv', 'utf8');
const names = roster
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[1] ?? '')
  .filter(Boolean);

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  const small = 'Response ID,Respondent type,Who do you trust?\na1,Resident,Karen Douglas\n';
  ({ browser, app } = await openWithProject(baseUrl(inject('baseUrl')), roster, small));
});

afterAll(() => closeDemo({ browser, app }));

interface Step {
  status: string;
  phase: string;
  fraction: number;
}

it('moves forward only, names each step, and reaches 100% with the result', async () => {
  const page = app.page;
  const file = join(mkdtempSync(join(tmpdir(), 'civic-ties-')), 'survey.csv');
  writeFileSync(file, googleFormsExport(8_000, names));
  // Every state the store passes through, not samples of it.
  await page.evaluate(() => {
    const w = window as unknown as {
      civicTies: { getState(): { run: Step }; subscribe(l: () => void): () => void };
      steps: Step[];
    };
    w.steps = [];
    w.civicTies.subscribe(() => {
      const { status, phase, fraction } = w.civicTies.getState().run;
      w.steps.push({ status, phase, fraction });
    });
  });
  await afterRun(page, () => page.setInputFiles('#file-current-surveys', file));
  const steps = await page.evaluate(() => (window as unknown as { steps: Step[] }).steps);
  const running = steps.filter((s) => s.status === 'running');
  const backwards = running.filter((s, i) => i > 0 && s.fraction < running[i - 1]!.fraction);
  expect(backwards).toEqual([]);
  expect(running.filter((s) => s.fraction >= 1)).toEqual([]);
  const phases = new Set(running.map((s) => s.phase));
  for (const phase of ['Reading surveys', 'Matching names', 'Building network', 'Receiving results'])
    expect(phases).toContain(phase);
  expect(steps.at(-1)).toMatchObject({ status: 'done', fraction: 1 });
  expect(app.errors).toEqual([]);
});

it('cancels from a Cancel button that stays in place while the steps change', async () => {
  const page = app.page;
  const before = await page.evaluate(
    () =>
      (
        window as unknown as { civicTies: { getState(): { result?: { scorecards: unknown[] } } } }
      ).civicTies.getState().result?.scorecards.length,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'civic-ties-')), 'survey.csv');
  writeFileSync(file, googleFormsExport(8_001, names));
  await page.setInputFiles('#file-current-surveys', file);
  const cancel = page.locator('.cancel-run');
  // Waits for a running step other than `not`, and returns its name.
  const stepOtherThan = async (not: string): Promise<string> =>
    (
      await page.waitForFunction(
        (n) => {
          const { run } = (
            window as unknown as { civicTies: { getState(): { run: Step } } }
          ).civicTies.getState();
          return run.status === 'running' && run.phase !== n ? run.phase : '';
        },
        not,
        { polling: 'raf' },
      )
    ).jsonValue();
  const first = await stepOtherThan('');
  const early = await cancel.boundingBox();
  await stepOtherThan(first);
  expect(await cancel.boundingBox()).toEqual(early);
  await cancel.click();
  const s = await page.evaluate(() =>
    (
      window as unknown as {
        civicTies: { getState(): { run: Step; result?: { scorecards: unknown[] } } };
      }
    ).civicTies.getState(),
  );
  expect(s.run.status).toBe('cancelled');
  expect(await page.locator('.run-phase').textContent()).toMatch(/cancelled/i);
  // The previous result is still there, and a new run works after a cancel.
  expect(s.result?.scorecards.length).toBe(before);
  await afterRun(page, () => page.getByRole('button', { name: 'Run again' }).click());
  expect(
    await page.evaluate(
      () =>
        (window as unknown as { civicTies: { getState(): { run: Step } } }).civicTies.getState().run.status,
    ),
  ).toBe('done');
  expect(app.errors).toEqual([]);
});
