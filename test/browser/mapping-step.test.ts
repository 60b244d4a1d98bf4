// The Import view's mapping step in real Chromium, as trial M used it: a survey added after a
// review decision shows in "How your files were read"; a question's tie type set there takes its
// "Other" box along; "detect again" keeps the review decisions and can be undone.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  afterRun,
  baseUrl,
  closeDemo,
  csvFile,
  openWithProject,
  waitForAnalysis,
  type Watched,
} from './harness';

const url = (): string => baseUrl(inject('baseUrl'));

const ROSTER = [
  'id,name,type,role,service,sector',
  'p1,Ann Baker,public-servant,Headteacher,Oak School,public',
  'p2,Bob Carter,public-servant,GP,Elm Surgery,public',
  'g1,Town Food Bank,group,,,voluntary',
].join('\n');
const SURVEY = [
  'Response ID,Respondent type,Who do you go to in times of need?,Who do you trust?',
  't1,Resident,Dr Okoye,Bob Carter',
  't2,Resident,Ann Baker,Ann Baker',
].join('\n');
// Typeform: two multi-selects over the same people, headed by the choices alone, each with Other.
const TYPEFORM = [
  '#,Ann Baker,Bob Carter,Other,Ann Baker,Bob Carter,Other',
  'k3j9,Ann Baker,,,,Bob Carter,Town Food Bank',
].join('\n');

interface Relations {
  result: { relations: string[] } | null;
}
const relations = async (page: Page): Promise<string[]> =>
  (
    await page.evaluate(() =>
      (window as unknown as { civicTies: { getState(): Relations } }).civicTies.getState(),
    )
  ).result?.relations ?? [];

/** The tie-type selects of one file's questions, in the mapping's order. */
const tieTypes = (page: Page, file: string) =>
  page.locator(`.survey-mapping[data-file="${file}"] select[id^="relation-"]`);

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  ({ browser, app } = await openWithProject(url(), ROSTER, SURVEY));
});

afterAll(() => closeDemo({ browser, app }));

describe('the mapping step', () => {
  it('shows a survey added after a review decision, so its columns can be checked', async () => {
    const page = app.page;
    const queue = page.getByTestId('review-queue');
    await afterRun(page, () =>
      queue.locator('li[data-text="Dr Okoye"]').getByRole('button', { name: 'Add as a new actor' }).click(),
    );
    await waitForAnalysis(page);
    await afterRun(page, () => page.setInputFiles('#files-current', [csvFile('typeform.csv', TYPEFORM)]));
    await waitForAnalysis(page);
    // It was analysed, yet missing here while the decision made the saved mapping the one shown.
    await expect(page.locator('.survey-mapping[data-file="typeform.csv"]').count()).resolves.toBe(1);
    await expect(tieTypes(page, 'typeform.csv').count()).resolves.toBe(4);
  });

  it("sets a question's Other box to the tie type chosen for the question", async () => {
    const page = app.page;
    const selects = tieTypes(page, 'typeform.csv');
    await expect(selects.nth(1).inputValue()).resolves.toBe('named-2');
    await afterRun(page, () => selects.nth(1).selectOption('trust'));
    await waitForAnalysis(page);
    // The second question and its Other box ("Town Food Bank") are trust now; no "named-2" is left.
    await expect(tieTypes(page, 'typeform.csv').nth(1).inputValue()).resolves.toBe('trust');
    await expect(tieTypes(page, 'typeform.csv').nth(3).inputValue()).resolves.toBe('trust');
    expect(await relations(page)).not.toContain('named-2');
    expect(app.errors).toEqual([]);
  });

  it('detects again keeping the review decisions, and Undo brings the edits back, by keyboard', async () => {
    const page = app.page;
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    const announced = () => page.evaluate(() => document.getElementById('announcer')?.textContent ?? '');
    await page
      .getByRole('button', { name: 'Detect columns and tie types again (review decisions are kept)' })
      .focus();
    await afterRun(page, () => page.keyboard.press('Enter'));
    await waitForAnalysis(page);
    // Focus moves to the Undo that takes the button's place (it fell to the page), and it is said.
    await expect(focused()).resolves.toBe('mapping-undo-reset');
    await expect(announced()).resolves.toMatch(/detected again; your review decisions were kept/);
    await expect(tieTypes(page, 'typeform.csv').nth(1).inputValue()).resolves.toBe('named-2');
    await expect(page.getByTestId('mapping-reset').textContent()).resolves.toMatch(
      /review decisions were kept/,
    );
    // The decision made before it still holds.
    await expect
      .poll(() => page.getByTestId('review-queue').locator('li[data-text="Dr Okoye"]').textContent())
      .toMatch(/Added as a new/);

    await afterRun(page, () => page.keyboard.press('Enter'));
    await waitForAnalysis(page);
    await expect(focused()).resolves.toBe('mapping-detect-again');
    await expect(announced()).resolves.toMatch(/changes are back/);
    await expect(tieTypes(page, 'typeform.csv').nth(1).inputValue()).resolves.toBe('trust');
    await expect(page.getByTestId('mapping-reset').count()).resolves.toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('uses a mapping.json dropped with the files as the mapping, and refuses other JSON saying why', async () => {
    const page = app.page;
    const mapping = {
      version: 1,
      roster: null,
      surveys: [],
      decisions: [{ text: 'Dr Okoye', action: 'ignore' }],
    };
    const json = (name: string, text: string) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.setInputFiles('#files-current', [json('not-a-mapping.json', '{"surveys": 3}')]);
    await expect
      .poll(() => page.locator('.banner.error').textContent())
      .toMatch(/not-a-mapping\.json was not used as a mapping: "surveys" should be a list/);
    // Read as a survey, it used to stop the run: "No name-generator question was found (columns: {)".
    await expect(page.locator('.file-list', { hasText: 'not-a-mapping.json' }).count()).resolves.toBe(0);

    await afterRun(page, () =>
      page.setInputFiles('#files-current', [json('last-year-mapping.json', JSON.stringify(mapping))]),
    );
    await waitForAnalysis(page);
    await expect(page.locator('.banner.info').textContent()).resolves.toMatch(
      /last-year-mapping\.json is now the mapping: its columns, tie types and 1 review decision are used/,
    );
    await expect
      .poll(() => page.getByTestId('review-queue').locator('li[data-text="Dr Okoye"]').textContent())
      .toMatch(/Ignored/);
    expect(app.errors).toEqual([]);
  });
});
