// The Import view in real Chromium: drag-and-drop, the review queue feeding decisions back into a
// re-run, editing the detected mapping, an input error shown with its file, and Cancel.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { afterRun, baseUrl, launchBrowser, openWatched, waitForAnalysis, type Watched } from './harness';

const text = (name: string): string => readFileSync(resolve(__dirname, 'fixtures', name), 'utf8');

let browser: Browser;
let app: Watched;
const url = (): string => baseUrl(inject('baseUrl'));

interface AppState {
  run: { status: string; generation: number; error: { file: string | null } | null };
  result: {
    scorecards: { id: string; civilInDegree: number | null }[];
    actors: { id: string; label: string; onRoster: boolean }[];
    relations: string[];
  } | null;
}
const state = (page: Page): Promise<AppState> =>
  page.evaluate(() => (window as unknown as { civicTies: { getState(): AppState } }).civicTies.getState());

async function drop(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
    const zone = document.querySelector('[data-testid="dropzone-current"]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

const civil = async (page: Page, id: string): Promise<number | null> =>
  (await state(page)).result?.scorecards.find((c) => c.id === id)?.civilInDegree ?? null;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openWatched(browser, url());
  await app.page.goto(`${url()}#/import`);
  await waitForAnalysis(app.page);
  app.page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await app?.context.close();
  await browser?.close();
});

describe('importing, reviewing and mapping', () => {
  it('takes files dropped on the page and tells roster from survey by name', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Start a new empty project' }).click();
    await afterRun(page, () =>
      drop(page, [
        { name: 'roster.csv', text: text('roster.csv') },
        { name: 'survey-typos.csv', text: text('survey-typos.csv') },
      ]),
    );
    await waitForAnalysis(page);
    const s = await state(page);
    expect(s.result?.scorecards.map((c) => c.id).sort()).toEqual(['p1', 'p2', 'p3']);
    const roles = await page
      .locator('[data-wave="current"] .file-list li')
      .evaluateAll((lis) =>
        lis.map(
          (li) =>
            `${li.querySelector('select')?.value}:${li.textContent?.includes('.csv') ? li.querySelector('span')?.textContent : ''}`,
        ),
      );
    expect(roles).toContain('roster:roster.csv');
    expect(roles).toContain('surveys:survey-typos.csv');
  });

  it('tells a roster from a survey by its columns when the name does not say, and lets the user change it', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Start a new empty project' }).click();
    await afterRun(page, () =>
      drop(page, [
        { name: 'people-list.csv', text: text('roster.csv') },
        { name: 'export.csv', text: text('survey-typos.csv') },
      ]),
    );
    const values = await page
      .locator('[data-wave="current"] .file-list select')
      .evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value));
    expect(values.sort()).toEqual(['roster', 'surveys']);
    // Say the roster is a survey and back: the run follows the user's choice.
    const rosterSelect = page.locator(
      '[data-wave="current"] .file-list select[aria-label^="What people-list.csv ("]',
    );
    await rosterSelect.selectOption('surveys');
    await expect.poll(() => page.locator('[data-wave="current"] .file-list select').count()).toBe(2);
    await page
      .locator('[data-wave="current"] .file-list select[aria-label^="What people-list.csv ("]')
      .selectOption('roster');
    await page.waitForFunction(
      () =>
        (window as unknown as { civicTies: { getState(): AppState } }).civicTies.getState().result?.scorecards
          .length === 3,
    );
    await waitForAnalysis(page);
  });

  it('accepts a suggested match from the review queue and re-runs with it', async () => {
    const page = app.page;
    const queue = page.getByTestId('review-queue');
    const item = queue.locator('li[data-text="Carter"]');
    await item.waitFor();
    expect(await civil(page, 'p2')).toBe(1);
    await afterRun(page, () => item.getByRole('button', { name: /^Accept Bob Carter \(\d+%\)/ }).click());
    await waitForAnalysis(page);
    expect(await civil(page, 'p2')).toBe(2);
    await expect
      .poll(() => queue.locator('li[data-text="Carter"]').textContent())
      .toMatch(/Matched to Bob Carter/);
  });

  it('adds an unknown name as a new actor', async () => {
    const page = app.page;
    const item = page.getByTestId('review-queue').locator('li[data-text="the vicar"]');
    await afterRun(page, () => item.getByRole('button', { name: 'Add as a new actor' }).click());
    await waitForAnalysis(page);
    const s = await state(page);
    expect(s.result?.actors.some((a) => a.label.toLowerCase().includes('vicar'))).toBe(true);
    await expect
      .poll(() => page.getByTestId('review-queue').locator('li[data-text="the vicar"]').textContent())
      .toMatch(/Added as a new/);
  });

  it('re-runs with an edited mapping: a question set to "ignore" drops its tie type', async () => {
    const page = app.page;
    expect((await state(page)).result?.relations).toContain('trust');
    const label = page.locator('.survey-mapping th label', { hasText: 'Who do you trust?' });
    const id = await label.getAttribute('for');
    await afterRun(page, async () => {
      await page.selectOption(`#${id}`, '');
    });
    await waitForAnalysis(page);
    expect((await state(page)).result?.relations).not.toContain('trust');
    // The decisions made above survive the mapping change.
    expect(await civil(page, 'p2')).toBe(2);
  });

  it('shows an input error with its file and keeps the previous result', async () => {
    const page = app.page;
    await afterRun(page, () =>
      page.setInputFiles('#file-current-roster', {
        name: 'roster-no-names.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text('roster-no-names.csv')),
      }),
    );
    const banner = page.getByTestId('run-error');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/roster-no-names\.csv.*name column/);
    const s = await state(page);
    expect(s.run.status).toBe('error');
    expect(s.result?.scorecards.length).toBe(3);
    // Putting the good roster back clears the error.
    await afterRun(page, () =>
      page.setInputFiles('#file-current-roster', {
        name: 'roster.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text('roster.csv')),
      }),
    );
    await waitForAnalysis(page);
    expect(await page.getByTestId('run-error').count()).toBe(0);
  });
});
