// Fixes from a new user's trial in real Chromium: a project with no roster (or no files at all)
// comes back after a reload instead of the demo, and each file's Remove button and role menu name
// the file's role and place (two files of one name are told apart).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  appState,
  baseUrl,
  csvFile,
  launchBrowser,
  openWatched,
  waitForAnalysis,
  type Watched,
} from './harness';

const fixture = (name: string): string => readFileSync(resolve(__dirname, 'fixtures', name), 'utf8');
const url = (): string => baseUrl(inject('baseUrl'));

interface AppState {
  ready: boolean;
  origin: string;
  run: { status: string; phase: string };
  project: {
    name: string;
    demo?: boolean;
    current: { roster: { name: string } | null; surveys: { name: string }[] };
  };
}
const state = (page: Page): Promise<AppState> => appState<AppState>(page);

/** Reloads once the project is written to IndexedDB, and waits for the app to open it again. */
async function saveAndReload(page: Page): Promise<AppState> {
  await page.evaluate(() =>
    (window as unknown as { civicTies: { flushSave(): Promise<void> } }).civicTies.flushSave(),
  );
  await page.reload();
  await page.waitForFunction(
    () => (window as unknown as { civicTies?: { getState(): AppState } }).civicTies?.getState().ready,
  );
  return state(page);
}

/** A new empty project on the Import view (the confirm dialog accepted). */
async function newProject(page: Page): Promise<void> {
  await page.goto(`${url()}#/import`);
  await page.getByRole('button', { name: 'Start a new empty project' }).click();
  await page.waitForFunction(() => document.querySelector('[data-wave="current"] .file-list .muted'));
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh browser profile (empty IndexedDB), its dialogs accepted. */
async function fresh(): Promise<Watched> {
  const app = await openWatched(browser, url());
  app.page.on('dialog', (d) => void d.accept());
  return app;
}

describe('a project without a roster survives a reload', () => {
  it('opens the demo on a first visit, then keeps a new empty project over a reload', async () => {
    const app = await fresh();
    try {
      const page = app.page;
      await page.goto(`${url()}#/import`);
      await waitForAnalysis(page);
      expect((await state(page)).origin).toBe('demo');
      await newProject(page);
      const after = await saveAndReload(page);
      expect(after.project.demo).toBeFalsy();
      expect(after.project.current.roster).toBeNull();
      expect(after.project.current.surveys).toEqual([]);
      await expect.poll(() => page.getByTestId('run-bar').textContent()).toMatch(/Add a roster file/);
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });

  it('keeps a named project holding only a survey, and the demo with its roster removed', async () => {
    const app = await fresh();
    try {
      const page = app.page;
      await page.goto(`${url()}#/import`);
      await waitForAnalysis(page);
      await newProject(page);
      await page.fill('#project-name', 'Millbrook pilot 2026');
      await page.locator('#project-name').press('Tab');
      await page.setInputFiles('#file-current-surveys', csvFile('gf.csv', fixture('survey.csv')));
      await page.locator('[data-wave="current"] li[data-file="gf.csv"]').waitFor();
      let after = await saveAndReload(page);
      expect(after.origin).toBe('restored');
      expect(after.project.name).toBe('Millbrook pilot 2026');
      expect(after.project.current.surveys.map((f) => f.name)).toEqual(['gf.csv']);
      expect(after.project.current.roster).toBeNull();
      // The Import view shows the user's file and what is missing, not the demo's.
      await page.goto(`${url()}#/import`);
      await page.locator('[data-wave="current"] li[data-file="gf.csv"]').waitFor();
      await expect.poll(() => page.getByTestId('run-bar').textContent()).toMatch(/Add a roster file/);
      expect(await page.inputValue('#project-name')).toBe('Millbrook pilot 2026');

      // The demo, its roster removed by the user: theirs now, and kept as it is.
      await page.getByRole('button', { name: 'Load the demo data' }).click();
      await waitForAnalysis(page);
      await page.locator('#remove-current-roster-0').click();
      await page.waitForFunction(
        () =>
          !(window as unknown as { civicTies: { getState(): AppState } }).civicTies.getState().project.current
            .roster,
      );
      after = await saveAndReload(page);
      expect(after.origin).toBe('restored');
      expect(after.project.current.roster).toBeNull();
      expect(after.project.current.surveys.length).toBeGreaterThan(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });
});

describe('per-file controls', () => {
  it('names each Remove button and role menu by the file, its role and, for a repeated name, its place', async () => {
    const app = await fresh();
    try {
      const page = app.page;
      await page.goto(`${url()}#/import`);
      await waitForAnalysis(page);
      await newProject(page);
      const roster = fixture('roster.csv');
      await page.setInputFiles('#file-current-roster', csvFile('roster.csv', roster));
      await page.setInputFiles('#file-current-surveys', csvFile('survey.csv', fixture('survey.csv')));
      // The roster chosen again through the Survey picker: the same name in two roles.
      await page.setInputFiles('#file-current-surveys', csvFile('roster.csv', roster));
      await page.locator('#remove-current-surveys-1').waitFor();
      const names = await page
        .locator('[data-wave="current"] .file-list li')
        .evaluateAll((items) =>
          items.map((li) =>
            [...li.querySelectorAll('button, select')].map((c) => c.getAttribute('aria-label')),
          ),
        );
      expect(names).toEqual([
        ['What roster.csv (roster) is', 'Remove roster.csv (roster)'],
        ['What survey.csv (survey 1) is', 'Remove survey.csv (survey 1)'],
        ['What roster.csv (survey 2) is', 'Remove roster.csv (survey 2)'],
      ]);
      // Removing the survey copy by its name (from the keyboard) leaves the real roster in place,
      // and focus does not land on the roster's own Remove.
      await page.getByRole('button', { name: 'Remove roster.csv (survey 2)', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () =>
          (window as unknown as { civicTies: { getState(): AppState } }).civicTies.getState().project.current
            .surveys.length === 1,
      );
      const s = await state(page);
      expect(s.project.current.roster?.name).toBe('roster.csv');
      expect(s.project.current.surveys.map((f) => f.name)).toEqual(['survey.csv']);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('files-current');
      expect(
        await page
          .locator('[data-wave="current"] .file-list button')
          .evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label'))),
      ).toEqual(['Remove roster.csv (roster)', 'Remove survey.csv (survey)']);
    } finally {
      await app.context.close();
    }
  });
});
