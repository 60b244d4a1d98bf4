// A new user's first import in real Chromium: survey-tool fixtures chosen together in one file
// picker, each file given its role, the mapping described in words (not internal codes), and a
// large unreadable file reported by name without long tasks on the main thread.
import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  afterRun,
  baseUrl,
  launchBrowser,
  longTasksSeen,
  openWatched,
  waitForAnalysis,
  watchLongTasks,
  type Watched,
} from './harness';
import { googleFormsExport } from '../../bench/ingest.bench';

const INGEST = resolve(__dirname, '../fixtures/ingest');
const ROSTER = resolve(__dirname, '../../data/demo/roster.csv');
const url = (): string => baseUrl(inject('baseUrl'));

interface RunState {
  run: { status: string; generation: number; error: { file: string | null; message: string } | null };
  project: { current: { codebook: { name: string } | null; surveys: { name: string }[] } };
}
const state = (page: Page): Promise<RunState> =>
  page.evaluate(() => (window as unknown as { civicTies: { getState(): RunState } }).civicTies.getState());

let browser: Browser;
let app: Watched;

/** A new empty project, then the files chosen in the wave's "Choose files…" picker; waits for the run. */
async function importFresh(page: Page, files: string[], beforeFiles?: () => Promise<void>): Promise<void> {
  await page.goto(`${url()}#/import`);
  await waitForAnalysis(page);
  await page.getByRole('button', { name: 'Start a new empty project' }).click();
  await page.waitForFunction(() => document.querySelector('[data-wave="current"] .file-list .muted'));
  await beforeFiles?.();
  // Paths, as a user picks them: a buffer handed to setInputFiles is rebuilt inside the page,
  // itself a long main-thread task that the app did not cause.
  await afterRun(page, () => page.setInputFiles('#files-current', files));
}

const fixture = (name: string): string => resolve(INGEST, name);

const roster = ROSTER;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openWatched(browser, url());
  app.page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await app?.context.close();
  await browser?.close();
});

describe('a new user importing survey-tool exports', () => {
  it('takes a LimeSurvey code list chosen with the survey for the codebook, not a second survey', async () => {
    await importFresh(app.page, [roster, fixture('limesurvey.csv'), fixture('limesurvey-codes.csv')]);
    const s = await state(app.page);
    expect(s.run.status).toBe('done');
    expect(s.project.current.codebook?.name).toBe('limesurvey-codes.csv');
    expect(s.project.current.surveys.map((f) => f.name)).toEqual(['limesurvey.csv']);
    const mapping = await app.page.locator('.survey-mapping h4').allInnerTexts();
    expect(mapping).toEqual(['limesurvey.csv — detected as a LimeSurvey export']);
    expect(app.errors).toEqual([]);
  });

  it('names the survey tool in words and describes grid and name questions as they are read', async () => {
    await importFresh(app.page, [roster, fixture('google-forms.csv')]);
    const box = app.page.locator('.survey-mapping[data-file="google-forms.csv"]');
    await expect(box.locator('h4').innerText()).resolves.toBe(
      'google-forms.csv — detected as a Google Forms export',
    );
    const text = await box.innerText();
    // Google Forms joins ticked answers with ", ": the layout must not claim a ";" split only.
    expect(text).not.toContain('split on “;”');
    const grid = box.locator('tr', { hasText: 'How do you know each person?' });
    await expect(grid.locator('td').first().innerText()).resolves.toBe('grid of 3 people');
    // The grid's cells carry the tie types ("Advice", "Trust"): it is not an ignored question.
    await expect(grid.locator('select option:checked').innerText()).resolves.toBe(
      'the tie types ticked in each cell',
    );
    expect(app.errors).toEqual([]);
  });

  it('reads a Pajek network chosen as a survey: nodes joined to the roster, one name left to review', async () => {
    await importFresh(app.page, [fixture('roster.csv'), fixture('community.net')]);
    const s = await state(app.page);
    expect(s.run.status).toBe('done');
    expect(s.project.current.surveys.map((f) => f.name)).toEqual(['community.net']);
    const box = app.page.locator('.survey-mapping[data-file="community.net"]');
    await expect(box.locator('h4').innerText()).resolves.toBe(
      'community.net — detected as a network: Pajek .net',
    );
    const ties = await app.page.evaluate(() =>
      (
        window as unknown as { civicTies: { getState(): { result: { ties: { target: string }[] } } } }
      ).civicTies
        .getState()
        .result.ties.map((t) => t.target),
    );
    expect(ties).toEqual(expect.arrayContaining(['ps-01', 'ps-04', 'vg-01']));
    await expect(app.page.getByTestId('review-queue').innerText()).resolves.toContain('Amira');
    expect(app.errors).toEqual([]);
  });

  it('describes a grid that rates each person as weighted ties, and its tie type as a name question', async () => {
    await importFresh(app.page, [roster, fixture('google-forms-frequency.csv')]);
    const box = app.page.locator('.survey-mapping[data-file="google-forms-frequency.csv"]');
    const grid = box.locator('tr', { hasText: 'How often are you in contact' });
    await expect(grid.locator('td').first().innerText()).resolves.toBe(
      'grid of 3 people, each rated (how often, how close): tie weights',
    );
    await expect(grid.locator('select option:checked').innerText()).resolves.toBe('contact');
    expect(app.errors).toEqual([]);
  });

  it("reads a zipped export as the survey tool downloads it, with no long task on the page's thread", async () => {
    // About 5 MB of Google Forms answers in a .zip, as "Download responses (.csv)" gives. The
    // header is read from the head of the archive, and the 10,000 respondents' results reach the
    // page in pieces (src/worker/pieces.ts): no task on the page's thread may take 100 ms.
    const names = ['Dr Priya Patel', 'Helen Okafor', 'Amira Haddad', 'Millbrook Food Bank'];
    const big = join(mkdtempSync(join(tmpdir(), 'civic-ties-')), 'Millbrook survey.csv.zip');
    writeFileSync(
      big,
      zipSync({ 'Millbrook survey (Responses).csv': strToU8(googleFormsExport(10_000, names)) }),
    );
    await importFresh(app.page, [roster, big], () => watchLongTasks(app.page));
    const s = await state(app.page);
    expect(s.run.status).toBe('done');
    expect(s.project.current.surveys.map((f) => f.name)).toEqual(['Millbrook survey.csv.zip']);
    await expect(app.page.locator('.survey-mapping h4').allInnerTexts()).resolves.toEqual([
      'Millbrook survey.csv.zip — detected as a Google Forms export',
    ]);
    const longTasks = await longTasksSeen(app.page);
    console.log(`main-thread long tasks while adding a zipped 5 MB export: ${JSON.stringify(longTasks)}`);
    expect(Math.max(0, ...longTasks)).toBeLessThan(100);
    expect(app.errors).toEqual([]);
  });

  it('reports a 5 MB file of random bytes by name, with no long main-thread task reading its header', async () => {
    const garbage = join(mkdtempSync(join(tmpdir(), 'civic-ties-')), 'responses.csv');
    writeFileSync(garbage, randomBytes(5 * 1024 * 1024));
    await importFresh(app.page, [roster, garbage], () => watchLongTasks(app.page));
    const s = await state(app.page);
    expect(s.run.status).toBe('error');
    expect(s.run.error?.file).toBe('responses.csv');
    await expect(app.page.getByTestId('run-error').innerText()).resolves.toContain('responses.csv');
    // The user is on Import already: the banner offers no button to go there.
    await expect(app.page.getByTestId('run-error').getByRole('button').count()).resolves.toBe(0);
    await app.page.locator('nav a[data-view="people"]').click();
    await expect(
      app.page.getByTestId('run-error').getByRole('button', { name: 'Go to Import' }).count(),
    ).resolves.toBe(1);
    const longTasks = await longTasksSeen(app.page);
    console.log(`main-thread long tasks while adding a 5 MB file: ${JSON.stringify(longTasks)}`);
    expect(Math.max(0, ...longTasks)).toBeLessThan(100);
    expect(app.errors).toEqual([]);
  });
});
