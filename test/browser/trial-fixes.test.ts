// Fixes from a new user's trial (trial D) in real Chromium: results from an earlier run are never
// "up to date" nor actionable, a tie at the top of the review queue has no one-click Accept,
// keyboard focus survives each action, the format labels are true of the files, the Quality panel
// shows plain column wording and counts data issues apart from network-metric notes, and small
// wording (an empty file's size, the stopped run's status).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { afterRun, baseUrl, closeDemo, csvFile, openDemo, waitForAnalysis, type Watched } from './harness';

const fixture = (name: string): string => readFileSync(resolve(__dirname, 'fixtures', name), 'utf8');
const INGEST = resolve(__dirname, '../fixtures/ingest');
const DEMO_ROSTER = resolve(__dirname, '../../data/demo/roster.csv');
const url = (): string => baseUrl(inject('baseUrl'));

interface AppState {
  run: { status: string; generation: number };
  result: { scorecards: unknown[] } | null;
}
const state = (page: Page): Promise<AppState> =>
  page.evaluate(() => (window as unknown as { civicTies: { getState(): AppState } }).civicTies.getState());

/** What has keyboard focus: its id, or its tag and text, and whether it is inside the review queue. */
const focused = (page: Page): Promise<{ id: string; tag: string; text: string; inQueue: boolean }> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
      text: el?.textContent?.trim() ?? '',
      inQueue: !!el?.closest('[data-testid="review-queue"]'),
    };
  });

/** "Start a new empty project" by keyboard (Enter, the dialog accepted). */
async function newProjectByKeyboard(page: Page): Promise<void> {
  await page.goto(`${url()}#/import`);
  await page.getByRole('button', { name: 'Start a new empty project' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-wave="current"] .file-list .muted'));
}

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  ({ browser, app } = await openDemo(`${url()}#/import`));
  app.page.on('dialog', (d) => void d.accept());
});

afterAll(() => closeDemo({ browser, app }));

describe('fixes from the new-user trial', () => {
  it('1. never calls results "up to date" once the survey is removed, and the old queue and mapping go', async () => {
    const page = app.page;
    await newProjectByKeyboard(page);
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [
        csvFile('roster.csv', fixture('roster.csv')),
        csvFile('survey-typos.csv', fixture('survey-typos.csv')),
      ]),
    );
    await waitForAnalysis(page);
    const phase = page.locator('.run-phase');
    await expect(phase.textContent()).resolves.toMatch(/up to date/);
    const queue = page.getByTestId('review-queue');
    await expect(queue.locator('li[data-text="Carter"] button').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Remove survey-typos.csv' }).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { civicTies: { getState(): AppState } }).civicTies.getState().run.status ===
        'idle',
    );
    await expect(phase.textContent()).resolves.not.toMatch(/up to date/);
    await expect(phase.textContent()).resolves.toMatch(/earlier run/);
    // The removed file's names cannot be decided, and its mapping is gone.
    await expect(queue.locator('li[data-text="Carter"]').count()).resolves.toBe(0);
    await expect(queue.getByRole('button').count()).resolves.toBe(0);
    await expect(queue.getByTestId('review-old').isVisible()).resolves.toBe(true);
    await expect(page.locator('.survey-mapping[data-file="survey-typos.csv"]').count()).resolves.toBe(0);
    // On other views the run bar says so too.
    await page.locator('nav a[data-view="people"]').click();
    await expect(phase.textContent()).resolves.toMatch(/earlier run/);
    expect(app.errors).toEqual([]);
  });

  it('1b. marks results as from an earlier run when a run stops on a broken file', async () => {
    const page = app.page;
    await page.goto(`${url()}#/import`);
    await afterRun(page, () =>
      page.setInputFiles('#file-current-surveys', csvFile('survey-typos.csv', fixture('survey-typos.csv'))),
    );
    await waitForAnalysis(page);
    const queue = page.getByTestId('review-queue');
    await expect(queue.locator('li[data-text="Carter"] button').count()).resolves.toBeGreaterThan(0);
    await afterRun(page, () =>
      page.setInputFiles(
        '#file-current-roster',
        csvFile('roster-no-names.csv', fixture('roster-no-names.csv')),
      ),
    );
    const s = await state(page);
    expect(s.run.status).toBe('error');
    // The earlier result is kept (import.test.ts), but marked as such and not actionable.
    expect(s.result).not.toBeNull();
    const phase = (await page.locator('.run-phase').textContent()) ?? '';
    expect(phase).not.toMatch(/up to date/);
    expect(phase).toMatch(/earlier run/);
    // 6: the banner is below the run bar: the wording points to no place.
    expect(phase).not.toMatch(/above|below/);
    await expect(queue.locator('li[data-text="Carter"] button').count()).resolves.toBe(0);
    await expect(queue.getByTestId('review-old').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('mapping-old').isVisible()).resolves.toBe(true);
    // The good roster back: a clean run, nothing marked old.
    await afterRun(page, () =>
      page.setInputFiles('#file-current-roster', csvFile('roster.csv', fixture('roster.csv'))),
    );
    await waitForAnalysis(page);
    await expect(page.locator('.run-phase').textContent()).resolves.toMatch(/up to date/);
    await expect(queue.getByTestId('review-old').count()).resolves.toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('2. offers no one-click Accept when the top two candidates are as alike, and keeps it for a clear best', async () => {
    const page = app.page;
    await newProjectByKeyboard(page);
    const roster = [
      'id,name,type,role,service,sector',
      'p1,Dr Priya Patel,public-servant,GP,Elm Surgery,public',
      'p2,Dr Anil Patel,public-servant,GP,Oak Surgery,public',
      'p3,Bob Carter,public-servant,PCSO,Town Policing,public',
      'g1,Town Food Bank,group,,,voluntary',
    ].join('\n');
    const survey = [
      'Response ID,Respondent type,Who do you go to in times of need?,Who do you trust?',
      't1,Resident,Dr Patel,',
      't2,Resident,Carter,Dr Patel',
      't3,Resident,Town Food Bank,Bob Carter',
    ].join('\n');
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [csvFile('roster.csv', roster), csvFile('survey.csv', survey)]),
    );
    await waitForAnalysis(page);
    const queue = page.getByTestId('review-queue');
    const patel = queue.locator('li[data-text="Dr Patel"]');
    await patel.waitFor();
    const chooser = patel.locator('[data-control="choose-person"]');
    await chooser.focus();
    await page.keyboard.press('ArrowDown');
    const options = await patel.getByRole('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining([expect.stringMatching(/^Dr Priya Patel (\d+)% alike/)]));
    await page.keyboard.press('Escape');
    await expect(patel.getByRole('button', { name: /^Accept/ }).count()).resolves.toBe(0);
    await expect(patel.innerText()).resolves.toMatch(/equally alike/);
    // A clear best keeps its Accept.
    await expect(
      queue
        .locator('li[data-text="Carter"]')
        .getByRole('button', { name: /^Accept Bob Carter \(\d+%\)/ })
        .count(),
    ).resolves.toBe(1);
    // The choose-another path decides the tie; focus stays in the queue (3).
    await chooser.fill('Anil');
    await page.keyboard.press('Enter');
    await expect(chooser.inputValue()).resolves.toBe('Dr Anil Patel');
    await afterRun(page, async () => {
      await patel.getByRole('button', { name: 'Use the person chosen' }).focus();
      await page.keyboard.press('Enter');
      const f = await focused(page);
      expect(f.tag).not.toBe('body');
      expect(f.inQueue).toBe(true);
    });
    await expect
      .poll(() => queue.locator('li[data-text="Dr Patel"]').textContent())
      .toMatch(/Matched to Dr Anil Patel/);
    expect(app.errors).toEqual([]);
  });

  it('3. keeps keyboard focus somewhere sensible after each action, and shows it on "Choose files…"', async () => {
    const page = app.page;
    await newProjectByKeyboard(page);
    // After a new project, focus is on the current wave's file picker, drawn on its label.
    await expect(focused(page)).resolves.toMatchObject({ id: 'files-current' });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ id: 'files-current' });
    const ring = await page
      .locator('label[for="files-current"]')
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).toBe('solid');
    // Picking files keeps focus on the picker (the file list is re-drawn around it).
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [
        csvFile('roster.csv', fixture('roster.csv')),
        csvFile('survey-typos.csv', fixture('survey-typos.csv')),
      ]),
    );
    await waitForAnalysis(page);
    await expect(focused(page)).resolves.toMatchObject({ id: 'files-current' });

    const queue = page.getByTestId('review-queue');
    // Accept: focus moves to the next item's first control, and stays there after the re-run.
    await afterRun(page, async () => {
      await queue.getByRole('button', { name: /^Accept Bob Carter \(\d+%\)/ }).focus();
      await page.keyboard.press('Enter');
      const f = await focused(page);
      expect(f.inQueue).toBe(true);
      expect(f.text).not.toMatch(/^Accept Bob Carter/);
    });
    await waitForAnalysis(page);
    await expect(focused(page)).resolves.toMatchObject({ inQueue: true });
    // Ignore: the same.
    const ignore = queue.locator('.review-list > li').first().getByRole('button', { name: 'Ignore' });
    await afterRun(page, async () => {
      await ignore.focus();
      await page.keyboard.press('Enter');
      await expect(focused(page)).resolves.toMatchObject({ inQueue: true });
    });
    await waitForAnalysis(page);
    await expect(focused(page)).resolves.toMatchObject({ inQueue: true });
    // Undo: focus stays in the queue (the next Undo, or the queue's heading).
    await afterRun(page, async () => {
      await queue
        .getByRole('button', { name: /^Undo the decision/ })
        .first()
        .focus();
      await page.keyboard.press('Enter');
      await expect(focused(page)).resolves.toMatchObject({ inQueue: true });
    });
    await waitForAnalysis(page);
    await expect(focused(page)).resolves.toMatchObject({ inQueue: true });
    expect(app.errors).toEqual([]);
  });

  it('4. labels tick-box and two-header-row exports truthfully', async () => {
    const page = app.page;
    await newProjectByKeyboard(page);
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [
        DEMO_ROSTER,
        resolve(INGEST, 'jisc-online-surveys.csv'),
        resolve(INGEST, 'smartsurvey.csv'),
      ]),
    );
    await waitForAnalysis(page);
    const headings = await page.locator('.survey-mapping h4').allInnerTexts();
    expect(headings).toHaveLength(2);
    const jisc = headings.find((t) => t.startsWith('jisc-online-surveys.csv')) ?? '';
    const smart = headings.find((t) => t.startsWith('smartsurvey.csv')) ?? '';
    // Jisc's questions are tick-box columns: no claim of names separated by ";".
    expect(jisc).not.toMatch(/separated by/);
    // SmartSurvey is not SurveyMonkey, and is named as itself (trial AE: "a SurveyMonkey-style export").
    expect(smart).not.toMatch(/SurveyMonkey/);
    expect(smart).toMatch(/detected as a SmartSurvey export/);
    expect(app.errors).toEqual([]);
  });

  it('5. shows plain column wording in Quality, and counts data issues apart from network-metric notes', async () => {
    const page = app.page;
    await newProjectByKeyboard(page);
    const survey = [
      'Timestamp,Email address,Which of these best describes you?,<span style="color:red">Who do you go to in times of need?</span>,Who do you <strong>trust</strong>?&nbsp;',
      '02/03/2026 10:15,a@example.org,Local resident,"Somebody Unknown, Dr Priya Patel",Helen Okafor',
      '02/03/2026 11:15,b@example.org,Volunteer,Sgt David Jones &amp; co,Someone Else Entirely',
    ].join('\n');
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [
        csvFile('roster.csv', readFileSync(DEMO_ROSTER, 'utf8')),
        csvFile('markup-survey.csv', survey),
      ]),
    );
    await waitForAnalysis(page);
    // The run bar counts them apart too.
    await expect(page.locator('.run-phase').textContent()).resolves.toMatch(
      /\d+ data notes, \d+ notes on the network metrics/,
    );
    await page.locator('nav a[data-view="quality"]').click();
    const tables = page.locator('[data-testid="quality-table"]');
    await tables.first().waitFor();
    const columns = await page
      .locator('[data-testid="quality-table"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]?.textContent ?? ''));
    expect(columns.length).toBeGreaterThan(0);
    for (const c of columns) expect(c).not.toMatch(/<|&nbsp;|&amp;/);
    expect(columns.some((c) => /Who do you go to in times of need\?|Who do you trust\?/.test(c))).toBe(true);
    // The first table is the data issues, with no metric notes in it; metric notes apart.
    const captions = await page.locator('[data-testid="quality-table"] caption').allTextContents();
    expect(captions[0]).toMatch(/data issue/);
    const firstCodes = await tables
      .first()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code ?? ''));
    expect(firstCodes.some((c) => /^metrics-|eigenvector/.test(c))).toBe(false);
    if (captions.length > 1) expect(captions[1]).toMatch(/network metrics/);
    await expect(page.locator('dl.facts dt').allTextContents()).resolves.toContain(
      'Notes on the network metrics',
    );
    expect(app.errors).toEqual([]);
  });

  it("7. fills a wide export's column menus when first used, showing plain wording", async () => {
    const page = app.page;
    await newProjectByKeyboard(page);
    // 300 columns: a menu per field of them in one task froze the page on a 2,000-column export.
    const extra = Array.from({ length: 296 }, (_, i) => `Extra ${i + 1}`);
    const header = ['Response ID', 'Email', 'Respondent type', '<b>Who do you trust?</b>', ...extra];
    const rows = [header, ['R1', 'a@example.org', 'Resident', 'Helen Okafor', ...extra.map(() => '')]];
    const survey = rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\n') + '\n';
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [
        csvFile('roster.csv', fixture('roster.csv')),
        csvFile('wide.csv', survey),
      ]),
    );
    const email = page.locator('select#survey-0-email');
    await expect(email.locator('option').count()).resolves.toBeLessThanOrEqual(2);
    await expect(email.inputValue()).resolves.toBe('Email');
    await email.focus();
    await expect(email.locator('option').count()).resolves.toBe(header.length + 1);
    await expect(email.inputValue()).resolves.toBe('Email');
    const texts = await email.locator('option').allTextContents();
    expect(texts).toContain('Who do you trust?');
    expect(texts.some((t) => t.includes('<b>'))).toBe(false);
    expect(app.errors).toEqual([]);
  });

  it('6. lists an empty file as empty, not "1 kB"', async () => {
    const page = app.page;
    await newProjectByKeyboard(page);
    await page.setInputFiles('#file-current-surveys', csvFile('empty.csv', ''));
    const row = page.locator('[data-wave="current"] .file-list li', { hasText: 'empty.csv' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/0 bytes|empty/);
    expect(text).not.toMatch(/1 kB/);
    expect(app.errors).toEqual([]);
  });
});
