// Fixes to the Import step from a new user's trial (trial I), in real Chromium at 1366×900: no
// one-click Accept for a weak match and the match's confidence on the button, review controls
// named after the name under review, distinct column menu names, and "1 data note" in the singular.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { afterRun, baseUrl, launchBrowser, openWatched, waitForAnalysis, type Watched } from './harness';

const INGEST = resolve(__dirname, '../fixtures/ingest');
const ingest = (name: string): string => resolve(INGEST, name);
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
/** A fixture as a file to hand over beside files made here. */
const fixtureFile = (name: string) => csv(name, readFileSync(ingest(name), 'utf8'));

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

// Read against the fixture roster: "the library" (the trial's) is 45% alike to Joseph Adeyemi, the
// library assistant, a weak match; "Whitfield" is James Whitfield's surname, a clear best (70%).
const ROLES_SURVEY = [
  'Timestamp,Email Address,Which best describes you?,Who do you go to in times of need?,Who do you trust?',
  '2026/03/02 10:05:10 AM GMT,r1@example.com,Resident,the library,the vicar',
  '2026/03/02 10:06:10 AM GMT,r2@example.com,Resident,Whitfield,Helen Okafor',
].join('\n');

describe('2–3. the review queue', () => {
  beforeAll(async () => {
    const page = app.page;
    await fresh(page);
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [fixtureFile('roster.csv'), csv('roles.csv', ROLES_SURVEY)]),
    );
    await waitForAnalysis(page);
  });

  it('2. offers no one-click Accept for a weak match, and shows the confidence on the button', async () => {
    const queue = app.page.getByTestId('review-queue');
    const library = queue.locator('li[data-text="the library"]');
    await library.waitFor();
    await expect(library.getByRole('button', { name: /^Accept/ }).count()).resolves.toBe(0);
    const weak = /The closest, Joseph Adeyemi, is only (\d+)% alike/.exec(await library.innerText());
    expect(Number(weak?.[1])).toBeLessThan(60);
    // Still choosable in the select.
    await expect(library.locator('select option').allTextContents()).resolves.toContain(
      `Joseph Adeyemi (${weak?.[1]}% alike)`,
    );
    const accept = queue.locator('li[data-text="Whitfield"] button[data-control="accept"]');
    const clear = /^Accept James Whitfield \((\d+)%\)$/.exec(await accept.innerText());
    expect(Number(clear?.[1])).toBeGreaterThanOrEqual(60);
  });

  it('3. names each control after the name under review', async () => {
    const queue = app.page.getByTestId('review-queue');
    for (const text of ['the library', 'the vicar', 'Whitfield']) {
      const item = queue.locator(`li[data-text="${text}"]`);
      const q = `“${text}”`;
      for (const name of [`Ignore ${q}`, `Add as a new actor: ${q}`, `Use the person chosen for ${q}`])
        await expect(item.getByRole('button', { name, exact: true }).count(), name).resolves.toBe(1);
      await expect(
        item.getByRole('combobox', { name: `New actor type for ${q}`, exact: true }).count(),
      ).resolves.toBe(1);
      const choose = text === 'Whitfield' ? `Or choose who ${q} is` : `Choose who ${q} is`;
      await expect(item.getByRole('combobox', { name: choose, exact: true }).count(), choose).resolves.toBe(
        1,
      );
    }
    await expect(
      queue.getByRole('button', { name: /^Accept James Whitfield \(\d+%\) for “Whitfield”$/ }).count(),
    ).resolves.toBe(1);
  });

  it('3. gives the roster’s and the survey’s e-mail menus names of their own', async () => {
    const page = app.page;
    await expect(page.getByRole('combobox', { name: 'E-mail', exact: true }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('combobox', { name: 'Respondent e-mail', exact: true }).count(),
    ).resolves.toBe(1);
    expect(app.errors).toEqual([]);
  });
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
