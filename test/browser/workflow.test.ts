// The user's own data in real Chromium: upload files, see the result and the quality panel's bad
// row, export and re-import the project, refuse a damaged or newer project file, survive a reload.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openDemo, closeDemo, baseUrl, openWatched, waitForAnalysis, type Watched } from './harness';

const fixture = (name: string): { name: string; mimeType: string; buffer: Buffer } => ({
  name,
  mimeType: 'text/csv',
  buffer: readFileSync(resolve(__dirname, 'fixtures', name)),
});

let browser: Browser;
let app: Watched;
const url = (): string => baseUrl(inject('baseUrl'));

type AppWindow = {
  civicTies: {
    getState(): {
      result: { scorecards: { id: string; name: string }[] } | null;
      project: { name: string; weights: Record<string, number> };
    };
  };
};

async function peopleNames(page: Page): Promise<string[]> {
  await page.goto(`${url()}#/people`);
  await waitForAnalysis(page);
  return (await page.locator('[data-testid="people-table"] tbody tr th').allTextContents()).sort();
}

async function uploadSmallProject(page: Page): Promise<void> {
  await page.goto(`${url()}#/import`);
  await waitForAnalysis(page);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Start a new empty project' }).click();
  await page.fill('#project-name', 'Small town');
  await page.locator('#project-name').press('Tab');
  await page.setInputFiles('#file-current-roster', fixture('roster.csv'));
  await page.setInputFiles('#file-current-surveys', fixture('survey.csv'));
  await page.waitForFunction(
    () => (window as unknown as AppWindow).civicTies.getState().result?.scorecards.length === 3,
    undefined,
    { timeout: 60_000 },
  );
  await waitForAnalysis(page);
}

beforeAll(async () => {
  ({ browser, app } = await openDemo(url()));
});

afterAll(() => closeDemo({ browser, app }));

describe('your own files', () => {
  it('uploads a roster and a survey and shows their result', async () => {
    await uploadSmallProject(app.page);
    expect(await peopleNames(app.page)).toEqual(['Ann Baker', 'Bob Carter', 'Cara Dunn']);
    // Ann Baker is named most often, by the most distinct civil-society respondents.
    const first = app.page.locator('[data-testid="people-table"] tbody tr').first();
    expect(await first.locator('th').textContent()).toBe('Ann Baker');
    expect(await first.locator('td[data-col="civilInDegree"]').textContent()).toBe('4');
    expect(app.errors).toEqual([]);
  });

  it('lists the bad row in the quality panel with its file, row and column', async () => {
    const page = app.page;
    await page.goto(`${url()}#/quality`);
    const row = page.locator('[data-testid="quality-table"] tr[data-code="duplicate-response"]');
    await row.first().waitFor();
    const cells = await row.first().locator('td').allTextContents();
    expect(cells[1]).toBe('survey.csv');
    expect(cells[2]).toBe('5');
    expect(cells[4]).toMatch(/r3/);
  });

  it('survives a reload mid-session: files, name, weights and view come back', async () => {
    const page = app.page;
    await page.goto(`${url()}#/people`);
    await waitForAnalysis(page);
    await page.locator('[data-testid="weights-editor"] summary').click();
    // Change a weight the way a slider does, then reload at once (the re-run is still going).
    await page.locator('#weight-appraisal').evaluate((el: HTMLInputElement) => {
      el.value = '0';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.fill('#people-search', 'Bob');
    await page.reload();
    await waitForAnalysis(page);
    const state = await page.evaluate(() => (window as unknown as AppWindow).civicTies.getState().project);
    expect(state.name).toBe('Small town');
    expect(state.weights.appraisal).toBe(0);
    expect(page.url()).toMatch(/#\/people$/);
    expect(await page.inputValue('#people-search')).toBe('Bob');
    await page.fill('#people-search', '');
    expect(await peopleNames(page)).toEqual(['Ann Baker', 'Bob Carter', 'Cara Dunn']);
    expect(app.errors).toEqual([]);
  });

  it('exports the project and re-imports it in a fresh browser', async () => {
    const page = app.page;
    await page.goto(`${url()}#/report`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-project').click(),
    ]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text).format).toBe('civic-ties-project');

    // A fresh context has an empty IndexedDB, so it opens on the demo.
    const other = await openWatched(browser, url());
    try {
      await other.page.goto(`${url()}#/report`);
      await waitForAnalysis(other.page);
      const demoCount = await other.page.evaluate(
        () => (window as unknown as AppWindow).civicTies.getState().result!.scorecards.length,
      );
      expect(demoCount).toBeGreaterThan(3);

      // A damaged file and one from a newer version are refused, and nothing changes.
      await other.page.setInputFiles('#import-project', {
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text.slice(0, 200)),
      });
      await expect
        .poll(() => other.page.getByTestId('import-project-message').textContent())
        .toMatch(/damaged/);
      const newer = JSON.stringify({ ...JSON.parse(text), version: 99 });
      await other.page.setInputFiles('#import-project', {
        name: 'newer.json',
        mimeType: 'application/json',
        buffer: Buffer.from(newer),
      });
      await expect
        .poll(() => other.page.getByTestId('import-project-message').textContent())
        .toMatch(/newer version/);
      expect(
        await other.page.evaluate(
          () => (window as unknown as AppWindow).civicTies.getState().result!.scorecards.length,
        ),
      ).toBe(demoCount);

      await other.page.setInputFiles('#import-project', {
        name: 'small.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await other.page.waitForFunction(
        () => (window as unknown as AppWindow).civicTies.getState().result?.scorecards.length === 3,
        undefined,
        { timeout: 60_000 },
      );
      const project = await other.page.evaluate(
        () => (window as unknown as AppWindow).civicTies.getState().project,
      );
      expect(project.name).toBe('Small town');
      expect(project.weights.appraisal).toBe(0);
      expect(await peopleNames(other.page)).toEqual(['Ann Baker', 'Bob Carter', 'Cara Dunn']);
      expect(other.errors).toEqual([]);
      expect(other.offOrigin).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('still analyses in a browser without Web Workers (in-thread fallback)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      (window as unknown as { Worker: unknown }).Worker = undefined;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${url()}#/people`);
      await waitForAnalysis(page);
      expect(await page.locator('[data-testid="people-table"] tbody tr').count()).toBeGreaterThan(3);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('never turns user text into markup', async () => {
    const page = app.page;
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.accept();
    });
    await page.goto(`${url()}#/import`);
    await waitForAnalysis(page);
    await page.getByRole('button', { name: 'Start a new empty project' }).click();
    dialogs = 0;
    await page.setInputFiles('#file-current-roster', fixture('roster-hostile.csv'));
    await page.setInputFiles('#file-current-surveys', fixture('survey-hostile.csv'));
    await page.waitForFunction(
      () => (window as unknown as AppWindow).civicTies.getState().result?.scorecards.length === 2,
      undefined,
      {
        timeout: 60_000,
      },
    );
    for (const hash of ['#/people', '#/person/p1', '#/import', '#/quality', '#/services', '#/map']) {
      await page.goto(`${url()}${hash}`);
      await waitForAnalysis(page);
      await page.waitForTimeout(200);
      expect(await page.locator('main img[src="x"], main b, main script').count()).toBe(0);
    }
    await page.goto(`${url()}#/people`);
    expect(await page.locator('[data-testid="people-table"]').textContent()).toContain(
      '<img src=x onerror=alert(1)>',
    );
    expect(dialogs).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
