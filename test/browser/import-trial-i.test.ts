// Fixes to the Import step from a new user's trial (trial I), in real Chromium at 1366×900: files
// taken for what their headers say (a Snap survey called "snap-codes.csv", an XLSForm choices
// sheet), no file replaced without a word, no one-click Accept for a weak match and the match's
// confidence on the button, review controls named after the name under review, distinct column
// menu names, each picker naming the files it holds, and "1 data note" in the singular.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  afterRun,
  axeViolations,
  baseUrl,
  csvFile,
  launchBrowser,
  openWatched,
  waitForAnalysis,
  type Watched,
} from './harness';

const INGEST = resolve(__dirname, '../fixtures/ingest');
const ingest = (name: string): string => resolve(INGEST, name);
const url = (): string => baseUrl(inject('baseUrl'));
/** Screenshots for a person to look at (not compared): the chosen files beside their pickers. */
const SHOTS = join(tmpdir(), 'civic-ties-import-trial-i');

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

/** A fixture as a file to hand over beside files made here. */
const fixtureFile = (name: string) => csvFile(name, readFileSync(ingest(name), 'utf8'));

let browser: Browser;
let app: Watched;

/** A new empty project on the Import view (the confirmation accepted). */
async function fresh(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start a new empty project' }).click();
  await page.waitForFunction(() => document.querySelector('[data-wave="current"] .file-list .muted'));
}

/** The role menu's value for a file in the current wave's list. */
const roleOf = (page: Page, name: string): Promise<string> =>
  page.locator(`[data-wave="current"] .file-list li[data-file="${name}"] select.role`).inputValue();

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

describe('1. files taken for what their headers say, none lost without a word', () => {
  it('takes snap-codes.csv, snap-codebook.csv and roster.csv chosen together as survey, codebook and roster', async () => {
    const page = app.page;
    await fresh(page);
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [
        ingest('snap-codes.csv'),
        ingest('snap-codebook.csv'),
        ingest('roster.csv'),
      ]),
    );
    const s = await state(page);
    expect(s.project.current.surveys.map((f) => f.name)).toEqual(['snap-codes.csv']);
    expect(s.project.current.codebook?.name).toBe('snap-codebook.csv');
    expect(s.project.current.roster?.name).toBe('roster.csv');
    expect(s.run.status).toBe('done');
    expect(s.replaced).toEqual([]);
    await expect(roleOf(page, 'snap-codes.csv')).resolves.toBe('surveys');
    await expect(roleOf(page, 'snap-codebook.csv')).resolves.toBe('codebook');
    await expect(page.getByTestId('replaced-current').count()).resolves.toBe(0);
  });

  it('4. names each role’s files beside its picker, on screen at 1366×900', async () => {
    const page = app.page;
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.getByTestId('chosen-current-surveys').innerText()).resolves.toBe(
      'Chosen: snap-codes.csv',
    );
    await expect(page.getByTestId('chosen-current-codebook').innerText()).resolves.toBe(
      'Chosen: snap-codebook.csv',
    );
    await expect(page.getByTestId('chosen-current-roster').innerText()).resolves.toBe('Chosen: roster.csv');
    await expect(page.getByTestId('chosen-current-appraisals').innerText()).resolves.toBe(
      'No file chosen yet',
    );
    // The picker's button is named by its role, and described by what it holds.
    const button = page.getByRole('button', { name: 'Roster Replace the file…', exact: true });
    await expect(button.getAttribute('aria-describedby')).resolves.toContain('file-current-roster-chosen');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: resolve(SHOTS, 'import-1366x900.png') });
    // Each role's line is in view with the page at its top: no scrolling to the list to see it.
    for (const role of ['roster', 'surveys', 'codebook']) {
      const box = await page.getByTestId(`chosen-current-${role}`).boundingBox();
      expect(box, role).not.toBeNull();
      expect(box!.y + box!.height, role).toBeLessThanOrEqual(900);
    }
  });

  it('shows a codebook dropped on the baseline wave as its codebook in its role menu', async () => {
    const page = app.page;
    await page.setInputFiles('#files-baseline', ingest('snap-codebook.csv'));
    const menu = page.locator(
      '[data-wave="baseline"] .file-list li[data-file="snap-codebook.csv"] select.role',
    );
    await expect(menu.inputValue()).resolves.toBe('codebook');
    await expect(menu.locator('option:checked').textContent()).resolves.toBe('Codebook');
    await page.getByRole('button', { name: 'Remove the baseline wave' }).click();
    await expect(page.locator('[data-wave="baseline"] .file-list li[data-file]').count()).resolves.toBe(0);
  });

  it('takes an XLSForm choices sheet (list_name,name,label) for the codebook, not a survey', async () => {
    const page = app.page;
    await fresh(page);
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [
        ingest('survey123.csv'),
        ingest('survey123-choices.csv'),
        ingest('roster.csv'),
      ]),
    );
    await waitForAnalysis(page);
    const s = await state(page);
    expect(s.project.current.codebook?.name).toBe('survey123-choices.csv');
    expect(s.project.current.surveys.map((f) => f.name)).toEqual(['survey123.csv']);
    // No made-up tie type from the sheet's "label" column.
    expect(s.result?.relations).not.toContain('label');
    await expect(roleOf(page, 'survey123-choices.csv')).resolves.toBe('codebook');
  });

  it('says which file another replaced in a one-file slot, and offers it as a survey', async () => {
    const page = app.page;
    await fresh(page);
    // The trial's loss, by hand: the survey given as the codebook, then the codebook itself.
    await page.setInputFiles('#file-current-codebook', ingest('snap-codes.csv'));
    await page.getByTestId('chosen-current-codebook').filter({ hasText: 'snap-codes.csv' }).waitFor();
    await page.setInputFiles('#file-current-codebook', ingest('snap-codebook.csv'));
    const notice = page.getByTestId('replaced-current');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain(
      'snap-codes.csv is not used: a wave has one codebook file, and snap-codebook.csv replaced it.',
    );
    // Said aloud too.
    await expect.poll(() => page.locator('#announcer').textContent()).toContain('snap-codes.csv is not used');
    // The notice and the pickers' buttons and lines pass axe.
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Use snap-codes.csv as a survey' }).click();
    await expect
      .poll(async () => (await state(page)).project.current.surveys.map((f) => f.name))
      .toEqual(['snap-codes.csv']);
    await expect(notice.count()).resolves.toBe(0);
    expect((await state(page)).project.current.codebook?.name).toBe('snap-codebook.csv');

    // Two files of one selection that both claim the roster: the first is named, not dropped.
    const people = 'id,name,type,role\nx1,Ann Baker,public-servant,Headteacher\n';
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [csvFile('people.csv', people), fixtureFile('roster.csv')]),
    );
    await expect(notice.innerText()).resolves.toContain(
      'people.csv is not used: a wave has one roster file, and roster.csv replaced it.',
    );
    await page.getByRole('button', { name: 'Leave it out: people.csv' }).click();
    await expect(notice.count()).resolves.toBe(0);
    expect((await state(page)).project.current.roster?.name).toBe('roster.csv');
    expect(app.errors).toEqual([]);
  });
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
      page.setInputFiles('#files-current', [fixtureFile('roster.csv'), csvFile('roles.csv', ROLES_SURVEY)]),
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
    // Still choosable, first in the chooser's list.
    await library.locator('[data-control="choose-person"]').focus();
    await app.page.keyboard.press('ArrowDown');
    await expect(library.getByRole('option').first().textContent()).resolves.toMatch(
      new RegExp(`^Joseph Adeyemi ${weak?.[1]}% alike`),
    );
    await app.page.keyboard.press('Escape');
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
    expect(await axeViolations(app.page)).toEqual([]);
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
      page.setInputFiles('#files-current', [csvFile('roster.csv', roster), csvFile('survey.csv', survey)]),
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
