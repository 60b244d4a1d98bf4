// Fixes from a new user's trial of the review queue and its banners, in real Chromium on the demo:
// choosing another person is a text box that finds people by name, role or service (a roster of
// hundreds is too long a menu), a failed run says so once, and the hint about the number asked
// points to the field itself on Import.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  appState,
  afterRun,
  axeViolations,
  baseUrl,
  closeDemo,
  csvFile,
  openDemo,
  waitForAnalysis,
  type Watched,
} from './harness';

const url = (): string => baseUrl(inject('baseUrl'));

interface AppState {
  run: { status: string; generation: number };
  project: { mapping?: { decisions?: { text: string; action: string; id?: string }[] } | null };
}
const state = (page: Page): Promise<AppState> => appState<AppState>(page);

/** The options the chooser's list shows, each as its name and detail. */
const shown = (box: Locator): Promise<string[]> =>
  box.evaluate((input) =>
    [...document.querySelectorAll(`#${input.getAttribute('aria-controls')} [role="option"]`)].map((o) =>
      (o.textContent ?? '').trim(),
    ),
  );

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  ({ browser, app } = await openDemo(`${url()}#/import`));
});

afterAll(async () => {
  await closeDemo({ browser, app });
});

describe('choosing another person in "Names to review"', () => {
  /** The first open name with no one-click Accept, and its chooser. */
  async function firstItem(page: Page): Promise<{ item: Locator; box: Locator; text: string }> {
    const item = page.locator('.review-list > li').first();
    const text = (await item.getAttribute('data-text')) ?? '';
    const box = item.getByRole('combobox', { name: new RegExp(`^(Or c|C)hoose who “`) });
    return { item, box, text };
  }

  it('is a combobox that filters the roster by name, role or service as one types', async () => {
    const page = app.page;
    const { box } = await firstItem(page);
    await expect(box.evaluate((e) => e.tagName)).resolves.toBe('INPUT');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    // Opened empty (ArrowDown), it offers everyone: the roster is not cut short.
    await box.focus();
    await page.keyboard.press('ArrowDown');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    expect((await shown(box)).length).toBeGreaterThan(40);
    // By name.
    await box.fill('Whitf');
    expect((await shown(box)).some((o) => o.startsWith('James Whitfield'))).toBe(true);
    expect((await shown(box)).every((o) => /whitf/i.test(o))).toBe(true);
    // By role: the GPs.
    await box.fill('GP');
    const gps = await shown(box);
    expect(gps.some((o) => o.startsWith('Dr Priya Patel'))).toBe(true);
    expect(gps.length).toBeLessThan(10);
    // By service.
    await box.fill('Hillside Academy');
    expect((await shown(box)).some((o) => o.startsWith('Sarah Lindqvist'))).toBe(true);
    await box.fill('zzqx');
    await expect(shown(box)).resolves.toEqual(['No match']);
    await page.keyboard.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('Escape');
    await expect(box.inputValue()).resolves.toBe('');
    expect(await axeViolations(page, { all: true })).toEqual([]);
  });

  it("lists the matcher's candidates first, with how alike they are", async () => {
    const page = app.page;
    // A name with candidates, and the first of them found by typing part of it.
    const withCandidates = await page.evaluate(() =>
      (
        window as unknown as {
          civicTies: { getState(): { result: { review: { text: string; candidates: unknown[] }[] } } };
        }
      ).civicTies
        .getState()
        .result.review.filter((r) => r.candidates.length > 0)
        .map((r) => r.text),
    );
    const text = withCandidates[0] ?? '';
    const item = page.locator(`.review-list > li[data-text="${text}"]`);
    const box = item.locator('[role="combobox"][data-control="choose-person"]');
    await box.focus();
    await page.keyboard.press('ArrowDown');
    const options = await shown(box);
    const candidates = options.filter((o) => /^\S.* \d+% alike/.test(o));
    expect(candidates.length).toBeGreaterThan(0);
    expect(options.slice(0, candidates.length)).toEqual(candidates);
    // Typed, a candidate still comes before others the query finds.
    const first = candidates[0]!.replace(/ \d+% alike.*$/, '');
    const surname = first.split(' ').pop()!;
    await box.fill(surname.slice(0, 3));
    expect((await shown(box))[0]).toMatch(new RegExp(`^${first} \\d+% alike`));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('chooses with the keyboard without a run, and "Use the person chosen" decides', async () => {
    const page = app.page;
    const { item, box, text } = await firstItem(page);
    const use = item.getByRole('button', { name: `Use the person chosen for “${text}”`, exact: true });
    await expect(use.isDisabled()).resolves.toBe(true);
    const generation = (await state(page)).run.generation;
    await box.focus();
    await page.keyboard.type('Sarah');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const active = await box.getAttribute('aria-activedescendant');
    const name = await page.locator(`#${active} .choose-person-name`).textContent();
    await page.keyboard.press('Enter');
    await expect(box.inputValue()).resolves.toBe(name);
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(use.isDisabled()).resolves.toBe(false);
    // Enter again, on the closed box, still only chooses: no run starts.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect((await state(page)).run.generation).toBe(generation);
    // Editing the text takes the choice back.
    await page.keyboard.press('Backspace');
    await expect(use.isDisabled()).resolves.toBe(true);
    await box.fill('');
    await page.keyboard.type(name ?? '');
    await page.keyboard.press('Enter');
    await expect(use.isDisabled()).resolves.toBe(false);
    await afterRun(page, async () => {
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-control'))).resolves.toBe(
        'choose',
      );
      await page.keyboard.press('Enter');
    });
    await waitForAnalysis(page);
    await expect(page.locator(`.decided-list > li[data-text="${text}"]`).textContent()).resolves.toContain(
      `Matched to ${name}`,
    );
    // Focus stays in the queue, ready for the next name.
    await expect(
      page.evaluate(() => !!document.activeElement?.closest('[data-testid="review-queue"]')),
    ).resolves.toBe(true);
  });

  it('chooses with a click too', async () => {
    const page = app.page;
    const { item, box } = await firstItem(page);
    await box.fill('');
    await box.click();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await page
      .locator(`#${await box.getAttribute('aria-controls')} [role="option"]`)
      .nth(2)
      .click();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(item.getByRole('button', { name: /^Use the person chosen/ }).isDisabled()).resolves.toBe(
      false,
    );
    expect(app.errors).toEqual([]);
  });
});

describe('the hint about the number asked', () => {
  it('on Import points to the boxes above it; elsewhere to Import', async () => {
    const page = app.page;
    await page.goto(`${url()}#/import`);
    await waitForAnalysis(page);
    const hint = page.locator('[data-testid="coverage"] p', { hasText: 'number asked is unknown' });
    await expect(hint.innerText()).resolves.not.toMatch(/in Import/);
    await expect(hint.innerText()).resolves.toMatch(/above/);
    await page.locator('nav a[data-view="people"]').click();
    await expect(
      page.locator('[data-testid="coverage"] p', { hasText: 'number asked is unknown' }).innerText(),
    ).resolves.toMatch(/add it in Import/);
  });
});

describe('after a failed run', () => {
  it('says once that the run stopped, naming the file and why', async () => {
    const page = app.page;
    await page.locator('nav a[data-view="import"]').click();
    await afterRun(page, () => page.setInputFiles('#file-current-roster', csvFile('broken.csv', 'x\n1\n')));
    const status = page.getByRole('region', { name: 'Analysis status' });
    await expect(page.getByTestId('run-error').innerText()).resolves.toMatch(/stopped.*broken\.csv/s);
    const text = await status.innerText();
    expect(text.match(/stopped/gi)).toHaveLength(1);
    // Whether the results on show are old is still said.
    expect(text).toMatch(/results shown are from an earlier run/);
  });
});
