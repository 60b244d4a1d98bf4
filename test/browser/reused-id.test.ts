// A roster id the follow-up gives to someone new (trial Z): the scorecard shows no change between
// the two people, and the services' change leaves the id out.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { afterRun, baseUrl, closeDemo, csvFile, openWithProject, type Watched } from './harness';

const demo = (f: string) => readFileSync(`data/demo/${f}`, 'utf8');
const roster = demo('roster.csv');
const [id, name] = roster.split('\n')[1]!.split(',');
const reused = roster.replace(`${id},${name},`, `${id},Zainab Quigley,`);

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  ({ browser, app } = await openWithProject(baseUrl(inject('baseUrl')), reused, demo('survey-followup.csv')));
  const page = app.page;
  await afterRun(page, () => page.setInputFiles('#file-baseline-roster', csvFile('roster-2026.csv', roster)));
  await afterRun(page, () =>
    page.setInputFiles('#file-baseline-surveys', csvFile('survey-2026.csv', demo('survey-baseline.csv'))),
  );
});

afterAll(() => closeDemo({ browser, app }));

it("shows no change between two people under one roster id, naming the baseline's person", async () => {
  const page = app.page;
  await page.goto(`${baseUrl(inject('baseUrl'))}#/person/${id}`);
  const change = page.getByTestId('scorecard-change');
  await expect(change.innerText()).resolves.toContain(`was ${name}, not this person, so no change is shown`);
  // Before: a table of her "change" from his baseline figures.
  await expect(change.locator('table').count()).resolves.toBe(0);
  expect(app.errors).toEqual([]);
});

it("downloads a mapping.json with both waves' files (trial Z: the baseline's was left out)", async () => {
  const page = app.page;
  await page.goto(`${baseUrl(inject('baseUrl'))}#/report`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Mapping (JSON)' }).click(),
  ]);
  const path = await download.path();
  const mapping = JSON.parse(readFileSync(path!, 'utf8')) as { surveys: { file: string }[] };
  expect(mapping.surveys.map((s) => s.file).sort()).toEqual(['survey-2026.csv', 'survey.csv']);
});

it('says which wave each name to review was written in (trial Z: only the file told)', async () => {
  const page = app.page;
  await page.goto(`${baseUrl(inject('baseUrl'))}#/import`);
  const texts = await page.locator('.review-list > li > p:first-child').allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.every((t) => / in the (current|baseline) wave \(first at /.test(t))).toBe(true);
  // "Helen Okafor" is off the follow-up's roster: written in the current wave.
  expect(texts.some((t) => t.startsWith(`“${name}” — written`) && t.includes('in the current wave'))).toBe(
    true,
  );
});
