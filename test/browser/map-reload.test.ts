// The map opened by a reload on #/map with the user's own (restored) project: the restore run's
// full result arrives while the layout of its quick pass is running, and the layout must still
// run to the end instead of the seeded start being taken for a finished layout.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, closeDemo, newProjectWith, openDemo, waitForAnalysis, type Watched } from './harness';
import type {} from '../../src/ui/map';
import type { Store } from '../../src/ui/store';

const url = (): string => baseUrl(inject('baseUrl'));
const ingest = (name: string): string => readFileSync(resolve(__dirname, '../fixtures/ingest', name), 'utf8');

let session: Awaited<ReturnType<typeof openDemo>> | undefined;
let app: Watched;

beforeAll(async () => {
  session = await openDemo(`${url()}#/import`);
  app = session.app;
  await newProjectWith(app.page, ingest('roster.csv'), ingest('google-forms.csv'));
  await waitForAnalysis(app.page);
  // Written to IndexedDB now, so the reload restores this project and not the demo.
  await app.page.evaluate(() => (window as unknown as { civicTies: Store }).civicTies.flushSave());
});

afterAll(() => closeDemo(session ?? {}));

/** The layout's state as the page shows it: the map's flag, the toolbar and the runner. */
const layoutShown = (page: Page) =>
  page.evaluate(() => ({
    flag: document.querySelector<HTMLElement>('.ct-map')?.dataset.layout,
    button: document.querySelector('.ct-map-toolbar .ct-map-btn')?.textContent,
    text: document.querySelector('.ct-map-progress-text')?.textContent,
    running: window.__civicMap?.layout?.running ?? false,
  }));

/** Waits until the map's layout is no longer running (finished, stopped or taken as saved). */
const layoutSettled = (page: Page) =>
  page.waitForFunction(
    () =>
      ['done', 'stopped', 'saved'].includes(
        document.querySelector<HTMLElement>('.ct-map')?.dataset.layout ?? '',
      ),
    null,
    { timeout: 60_000 },
  );

const state = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { civicTies: Store }).civicTies.getState();
    return { origin: s.origin, demo: !!s.project.demo, layout: !!s.project.layout };
  });

describe('map reloaded on #/map with a restored project', () => {
  it('runs the layout to the end, then reuses it on the next reload', async () => {
    const { page, errors } = app;
    await page.goto(`${url()}#/map`);
    await page.reload();
    await waitForAnalysis(page);
    expect(await state(page)).toEqual({ origin: 'restored', demo: false, layout: false });
    await layoutSettled(page);
    // Not 'saved': no layout was saved, so the seeded start must not be taken for one.
    expect(await layoutShown(page)).toEqual({
      flag: 'done',
      button: 'Run layout',
      text: 'Layout done',
      running: false,
    });
    expect((await state(page)).layout).toBe(true);

    // Reloaded again: the finished layout is reused, and the toolbar says no layout is running.
    // (Flushed first: the layout is kept in IndexedDB only, see src/ui/persist.ts.)
    await page.evaluate(() => (window as unknown as { civicTies: Store }).civicTies.flushSave());
    await page.reload();
    await waitForAnalysis(page);
    await layoutSettled(page);
    expect(await layoutShown(page)).toEqual({
      flag: 'saved',
      button: 'Run layout',
      text: '',
      running: false,
    });
    expect(errors).toEqual([]);
  });
});
