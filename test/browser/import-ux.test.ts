// The Import view's small steps in real Chromium: naming another tie type in a field beside the
// mapping's select (never a window.prompt), by keyboard, and the review queue's "New actor type"
// starting at a guess from the name written.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import {
  afterRun,
  axeViolations,
  baseUrl,
  closeDemo,
  openWithProject,
  appState,
  waitForAnalysis,
  type Watched,
} from './harness';

const url = (): string => baseUrl(inject('baseUrl'));

interface AppState {
  run: { status: string; generation: number };
  result: { relations: string[] } | null;
}
const state = (page: Page) => appState<AppState>(page);

const ROSTER = [
  'id,name,type,role,service,sector',
  'p1,Ann Baker,public-servant,Headteacher,Oak School,public',
  'p2,Bob Carter,public-servant,GP,Elm Surgery,public',
  'g1,Town Food Bank,group,,,voluntary',
].join('\n');
// Names no roster entry is: each waits in the review queue for the user.
const SURVEY = [
  'Response ID,Respondent type,Who do you go to in times of need?,Who do you trust?',
  't1,Resident,Sue from the food bank,Bob Carter',
  't2,Resident,Dr Okoye,Ann Baker',
  't3,Resident,my mum,Bob Carter',
  't4,Resident,Other patients,Ann Baker',
].join('\n');

const FIELD_LABEL = 'Name of the tie type, for example advice';

/** The id of what has keyboard focus. */
const focusedId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');

let browser: Browser;
let app: Watched;
/** The trust question's tie-type select's id. */
let trustId = '';

beforeAll(async () => {
  // "Start a new empty project" asks to confirm: the only dialog these tests accept.
  ({ browser, app } = await openWithProject(url(), ROSTER, SURVEY));
  const page = app.page;
  trustId =
    (await page.locator('.survey-mapping th label', { hasText: 'Who do you trust?' }).getAttribute('for')) ??
    '';
});

afterAll(() => closeDemo({ browser, app }));

describe('naming another tie type', () => {
  const dialogs: string[] = [];
  const onDialog = (d: Dialog): void => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  };
  beforeAll(() => {
    app.page.on('dialog', onDialog);
  });
  afterAll(() => {
    app.page.off('dialog', onDialog);
  });

  it('opens a labelled field beside the select with focus in it, and Escape puts everything back', async () => {
    const page = app.page;
    expect(trustId).not.toBe('');
    const select = page.locator(`#${trustId}`);
    await expect(select.inputValue()).resolves.toBe('trust');
    const generation = (await state(page)).run.generation;

    await select.focus();
    await select.selectOption({ label: 'another tie type…' });
    const cell = page.locator(`td:has(> .relation-choice > #${trustId})`);
    const input = cell.getByLabel(FIELD_LABEL);
    await input.waitFor();
    await expect(focusedId(page)).resolves.toBe(await input.getAttribute('id'));
    await expect(input.getAttribute('type')).resolves.toBe('text');
    await expect(cell.getByRole('button', { name: 'Use' }).isVisible()).resolves.toBe(true);
    await expect(cell.getByRole('button', { name: 'Cancel' }).isVisible()).resolves.toBe(true);

    await page.keyboard.type('adv');
    await page.keyboard.press('Escape');
    await expect(input.count()).resolves.toBe(0);
    await expect(select.inputValue()).resolves.toBe('trust');
    await expect(focusedId(page)).resolves.toBe(trustId);
    // Nothing changed, so nothing ran again.
    expect((await state(page)).run.generation).toBe(generation);
    expect(dialogs).toEqual([]);
  });

  it('says why an empty or over-long name is not used, and keeps the field open', async () => {
    const page = app.page;
    const select = page.locator(`#${trustId}`);
    const generation = (await state(page)).run.generation;
    await select.selectOption({ label: 'another tie type…' });
    const input = page.getByLabel(FIELD_LABEL);
    await input.waitFor();
    const message = page.locator(`#${await input.getAttribute('aria-describedby')}`);
    await expect(message.getAttribute('role')).resolves.toBe('status');

    await page.keyboard.type('   ');
    await page.keyboard.press('Enter');
    await expect(message.textContent()).resolves.toMatch(/Type a name/);
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(focusedId(page)).resolves.toBe(await input.getAttribute('id'));

    await input.fill('x'.repeat(41));
    await expect(message.textContent()).resolves.toBe('');
    await page.keyboard.press('Enter');
    await expect(message.textContent()).resolves.toMatch(/at most 40 characters; this one has 41/);
    await expect(input.isVisible()).resolves.toBe(true);
    await expect(select.inputValue()).resolves.toBe('__custom');
    expect((await state(page)).run.generation).toBe(generation);
    // The open field, its message and buttons pass axe.
    expect(await axeViolations(page)).toEqual([]);

    // Cancel by its button: as Escape.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(input.count()).resolves.toBe(0);
    await expect(select.inputValue()).resolves.toBe('trust');
    await expect(focusedId(page)).resolves.toBe(trustId);
    expect(dialogs).toEqual([]);
  });

  it('keeps a name being typed when the mapping is re-drawn by a run', async () => {
    const page = app.page;
    const select = page.locator(`#${trustId}`);
    await select.selectOption({ label: 'another tie type…' });
    await page.keyboard.type('ment');
    const needId =
      (await page.locator('.survey-mapping th label', { hasText: 'times of need' }).getAttribute('for')) ??
      '';
    // Another question's tie type changed: the mapping is re-drawn and a run starts and ends.
    await afterRun(page, () => page.selectOption(`#${needId}`, 'info'));
    await waitForAnalysis(page);
    const input = page.getByLabel(FIELD_LABEL);
    await expect(input.inputValue()).resolves.toBe('ment');
    await expect(page.locator(`#${trustId}`).inputValue()).resolves.toBe('__custom');
    await afterRun(page, () => page.selectOption(`#${needId}`, 'need'));
    await waitForAnalysis(page);
    await input.focus();
    await page.keyboard.press('Escape');
    await expect(page.locator(`#${trustId}`).inputValue()).resolves.toBe('trust');
    expect(dialogs).toEqual([]);
  });

  it('uses the name typed on Enter, trimmed and lower-cased, with no dialog', async () => {
    const page = app.page;
    const select = page.locator(`#${trustId}`);
    await select.focus();
    await select.selectOption({ label: 'another tie type…' });
    await expect(focusedId(page)).resolves.toBe(`${trustId}-name`);
    await page.keyboard.type('  Advice ');
    await afterRun(page, () => page.keyboard.press('Enter'));
    await waitForAnalysis(page);
    // The mapping shows it as the question's tie type, and the run measured it.
    await expect(page.locator(`#${trustId}`).inputValue()).resolves.toBe('advice');
    await expect(
      page.locator(`#${trustId}`).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text),
    ).resolves.toBe('advice');
    await expect(page.getByLabel(FIELD_LABEL).count()).resolves.toBe(0);
    await expect(focusedId(page)).resolves.toBe(trustId);
    const { result } = await state(page);
    expect(result?.relations).toContain('advice');
    expect(result?.relations).not.toContain('trust');
    expect(dialogs).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('a new actor type from the review queue', () => {
  it('starts at a guess from the name written, with Service user offered', async () => {
    const page = app.page;
    const queue = page.getByTestId('review-queue');
    const typeOf = (text: string): Promise<string> =>
      queue.locator(`li[data-text="${text}"] select[data-control="type"]`).inputValue();
    await expect(typeOf('Sue from the food bank')).resolves.toBe('group');
    await expect(typeOf('Dr Okoye')).resolves.toBe('service');
    await expect(typeOf('my mum')).resolves.toBe('resident');
    await expect(typeOf('Other patients')).resolves.toBe('service-user');
    const options = await queue
      .locator('li[data-text="my mum"] select[data-control="type"] option')
      .allTextContents();
    expect(options).toEqual(['Group', 'Volunteer', 'Resident', 'Service', 'Service user', 'Other']);

    // Added with the guess as it stands.
    const item = queue.locator('li[data-text="Dr Okoye"]');
    await afterRun(page, () => item.getByRole('button', { name: 'Add as a new actor' }).click());
    await waitForAnalysis(page);
    await expect
      .poll(() => queue.locator('li[data-text="Dr Okoye"]').textContent())
      .toMatch(/Added as a new service/);
    expect(app.errors).toEqual([]);
  });
});
