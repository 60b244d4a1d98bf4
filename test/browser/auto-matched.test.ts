// Names taken as a roster person though not written as on the roster ("Ann Bakker" as Ann Baker)
// are accepted without asking; the review panel lists them so that a wrong one can be overruled
// (or a right one kept) in real Chromium, by keyboard, with the decision undoable.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const ROSTER = [
  'id,name,type,role,service,sector',
  'p1,Ann Baker,public-servant,Headteacher,Oak School,public',
  'p2,Bob Carter,public-servant,GP,Elm Surgery,public',
  'p3,Carol Dent,public-servant,PCSO,Police,public',
].join('\n');
// Two misspellings, each close to one person only: matched without asking.
const SURVEY = [
  'Response ID,Respondent type,Who do you go to in times of need?,Who do you trust?',
  't1,Resident,Ann Bakker,Carol Dent',
  't2,Resident,Bob Cartter,Ann Bakker',
  't3,Resident,Carol Dent,Ann Bakker',
].join('\n');

interface Tie {
  source: string;
  target: string;
  relation: string;
}
const ties = async (page: Page): Promise<string[]> =>
  (await appState<{ result: { ties: Tie[] } }>(page)).result.ties
    .map((t) => `${t.source}>${t.target}:${t.relation}`)
    .sort();

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  ({ browser, app } = await openWithProject(url(), ROSTER, SURVEY));
});

afterAll(() => closeDemo({ browser, app }));

describe('names matched automatically', () => {
  it('are listed, most written first, behind a closed summary that opens by keyboard', async () => {
    const page = app.page;
    const auto = page.getByTestId('auto-matched');
    const summary = auto.locator('summary');
    await expect(summary.textContent()).resolves.toBe(
      'Matched automatically, not as written (2): check these',
    );
    expect(await auto.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await auto.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await expect(
      auto.locator('.auto-list > li').evaluateAll((lis) => lis.map((li) => li.dataset.text)),
    ).resolves.toEqual(['Ann Bakker', 'Bob Cartter']);
    const first = auto.locator('li[data-text="Ann Bakker"]');
    await expect(first.textContent()).resolves.toMatch(
      /written 3 times.*Matched automatically to Ann Baker \(\d+% alike\)/,
    );
    // The person it was taken as is not offered again as "someone else".
    const chooser = first.locator('[data-control="choose-person"]');
    await chooser.focus();
    await page.keyboard.press('ArrowDown');
    const offered = await first.getByRole('option').allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.some((o) => o.startsWith('Ann Baker'))).toBe(false);
    await page.keyboard.press('Escape');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("fits a phone's screen: no control runs past it, the lists and the mapping step included", async () => {
    const page = app.page;
    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main button, main select, main label')]
          .filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1)
          .map((e) => e.id || e.textContent?.slice(0, 40)),
      );
      expect(overflowing).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // The question table's tie-type selects stay on the screen too.
      const tieTypes = await page
        .locator('.survey-mapping table.data select')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
      expect(tieTypes.length).toBeGreaterThan(0);
      for (const right of tieTypes) expect(right).toBeLessThanOrEqual(390);
    } finally {
      if (size) await page.setViewportSize(size);
    }
  });

  it('is overruled by choosing someone else: the ties move, the decision is listed and undone', async () => {
    const page = app.page;
    expect(await ties(page)).toContain('r-t1>p1:need');
    const auto = page.getByTestId('auto-matched');
    const item = auto.locator('li[data-text="Ann Bakker"]');
    await item.locator('[data-control="choose-person"]').fill('Carol');
    await item.getByRole('option', { name: /^Carol Dent/ }).click();
    await afterRun(page, () => item.getByRole('button', { name: 'Use the person chosen' }).click());
    await waitForAnalysis(page);
    // "Ann Bakker" was written three times: each of those ties now goes to Carol Dent.
    expect(await ties(page)).toEqual([
      'r-t1>p3:need',
      'r-t1>p3:trust',
      'r-t2>p2:need',
      'r-t2>p3:trust',
      'r-t3>p3:need',
      'r-t3>p3:trust',
    ]);
    const decided = page.locator('.decided-list > li[data-text="Ann Bakker"]');
    await expect(decided.textContent()).resolves.toMatch(/Matched to Carol Dent/);
    // Still open on the one left, with focus on its first control, ready for the next.
    expect(await auto.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await expect(auto.locator('.auto-list > li').count()).resolves.toBe(1);
    await expect(
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label')),
    ).resolves.toBe('Keep Bob Carter for “Bob Cartter”');

    await afterRun(page, () =>
      decided.getByRole('button', { name: 'Undo the decision for “Ann Bakker”' }).click(),
    );
    await waitForAnalysis(page);
    expect(await ties(page)).toContain('r-t1>p1:need');
    await expect(auto.locator('.auto-list > li').count()).resolves.toBe(2);
  });

  it('is kept with one key press, saved as a decision, and leaves the list', async () => {
    const page = app.page;
    const auto = page.getByTestId('auto-matched');
    for (const text of ['Ann Bakker', 'Bob Cartter']) {
      const keep = auto.locator(`li[data-text="${text}"] [data-control="accept"]`);
      await keep.focus();
      await afterRun(page, () => page.keyboard.press('Enter'));
      await waitForAnalysis(page);
    }
    await expect(page.getByTestId('auto-matched').count()).resolves.toBe(0);
    // Each decision is said (the lists are redrawn): the last one's words are in the announcer.
    await expect(page.evaluate(() => document.getElementById('announcer')?.textContent)).resolves.toBe(
      '“Bob Cartter” kept as Bob Carter.',
    );
    // The run's status line is busy while it runs, so its every percentage is not read out.
    await expect(page.locator('.run-phase').getAttribute('aria-busy')).resolves.toBe('false');
    const decisions = await page.locator('.decided-list > li').allTextContents();
    expect(decisions.join('\n')).toMatch(/“Ann Bakker” — Matched to Ann Baker\./);
    expect(decisions.join('\n')).toMatch(/“Bob Cartter” — Matched to Bob Carter\./);
    expect(await ties(page)).toContain('r-t1>p1:need');
    expect(app.errors).toEqual([]);
  });
});
