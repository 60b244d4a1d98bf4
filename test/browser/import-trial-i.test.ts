// Fixes to the Import step from a new user's trial (trial I), in real Chromium at 1366×900:
// "1 data note" in the singular.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { afterRun, baseUrl, launchBrowser, openWatched, waitForAnalysis, type Watched } from './harness';

const url = (): string => baseUrl(inject('baseUrl'));

interface Named {
  name: string;
}
interface AppState {
  run: { status: string; generation: number };
  project: {
    current: { roster: Named | null; codebook: Named | null; surveys: Named[] };
  };
  result: { relations: string[] } | null;
  replaced: { file: Named; by: string }[];
}
const state = (page: Page): Promise<AppState> =>
  page.evaluate(() => (window as unknown as { civicTies: { getState(): AppState } }).civicTies.getState());

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

let browser: Browser;
let app: Watched;

/** A new empty project on the Import view (the confirmation accepted). */
async function fresh(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start a new empty project' }).click();
  await page.waitForFunction(() => document.querySelector('[data-wave="current"] .file-list .muted'));
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openWatched(browser, url(), { viewport: { width: 1366, height: 900 } });
  app.page.on('dialog', (d) => void d.accept());
  await app.page.goto(`${url()}#/import`);
  await waitForAnalysis(app.page);
});

afterAll(async () => {
  await app?.context.close();
  await browser?.close();
});

describe('5. the status bar’s counts', () => {
  it('says "1 public servant" and "1 nomination", plural only when not 1', async () => {
    const page = app.page;
    await fresh(page);
    const roster =
      'id,name,type,role,service,sector\np1,Ann Baker,public-servant,Headteacher,Oak School,public\n';
    const survey = 'Response ID,Respondent type,Who do you trust?\nr1,Resident,Ann Baker\n';
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [csv('roster.csv', roster), csv('survey.csv', survey)]),
    );
    await waitForAnalysis(page);
    expect((await state(page)).run.status).toBe('done');
    const status = (await page.locator('.run-phase').textContent()) ?? '';
    expect(status).toContain('Analysis up to date: 1 public servant, 1 nomination, ');
    for (const [, n, noun, s] of status.matchAll(/(\d+) (public servant|nomination|data note|note)(s?)\b/g))
      expect(`${n} ${noun}${s}`).toBe(`${n} ${noun}${n === '1' ? '' : 's'}`);
    expect(app.errors).toEqual([]);
  });
});
