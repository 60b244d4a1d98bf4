// Shared helpers for browser tests: serve dist/ with Vite's preview, launch Debian's Chromium via
// playwright-core, open pages that record console errors and off-origin requests, run axe-core.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves the built app on a free port; `npm run test:browser` builds it first. */
export async function startPreview(
  root = process.cwd(),
): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(resolve(root, 'dist/index.html')))
    throw new Error('dist/ is missing: run `npm run build` (npm run test:browser does it for you).');
  const server = await preview({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
    logLevel: 'error',
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    close: () =>
      new Promise<void>((done) => {
        server.httpServer.close(() => done());
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The URL global-setup served, from inject() or the environment. */
export function baseUrl(injected?: string): string {
  const url = injected ?? process.env.CIVIC_TIES_URL;
  if (!url)
    throw new Error(
      'No app URL: browser tests need test/browser/global-setup.ts (vitest.browser.config.ts).',
    );
  return url;
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests to any origin other than the app's. */
  offOrigin: string[];
}

/** A fresh context (empty IndexedDB) and page that record errors and off-origin requests. */
export async function openWatched(
  browser: Browser,
  url: string,
  options: { context?: BrowserContext; viewport?: { width: number; height: number } } = {},
): Promise<Watched> {
  const origin = new URL(url).origin;
  const context =
    options.context ??
    (await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      acceptDownloads: true,
    }));
  const page = await context.newPage();
  return watchPage(context, page, origin);
}

export function watchPage(context: BrowserContext, page: Page, origin: string): Watched {
  const errors: string[] = [];
  const offOrigin: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) offOrigin.push(u);
  });
  page.on('requestfailed', (r) => {
    const u = r.url();
    // A download or an aborted navigation is not a failure of the app.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${u} ${r.failure()?.errorText ?? ''}`);
  });
  return { context, page, errors, offOrigin };
}

/** Waits until the app has a result on screen (the run bar says the analysis is up to date). */
export async function waitForAnalysis(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (
        window as unknown as { civicTies?: { getState(): { run: { status: string }; result: unknown } } }
      ).civicTies?.getState();
      return !!s && s.run.status === 'done' && !!s.result;
    },
    undefined,
    { timeout, polling: 100 },
  );
}

let axeSource: string | null = null;
/**
 * Runs axe-core on the page; returns serious and critical violations, described (every violation,
 * minor and moderate too, with `all`).
 */
export async function axeViolations(page: Page, options: { all?: boolean } = {}): Promise<string[]> {
  if (!axeSource) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  // Injected through the DevTools protocol path (not a <script src>), so the page's CSP allows it.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  return results
    .filter((v) => options.all || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`);
}

/** Fraction of distinct colours among sampled pixels of a PNG screenshot region (0 = uniform). */
export async function screenshotVariety(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).screenshot();
  // Decode in the page itself (no PNG library in node): draw into a canvas and count colours.
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const colours = new Set<number>();
    let samples = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      samples++;
    }
    return samples ? colours.size / Math.min(samples, 1000) : 0;
  }, png.toString('base64'));
}

/** A browser and a watched page with the demo analysed: where most app tests start. */
export async function openDemo(url: string): Promise<{ browser: Browser; app: Watched }> {
  const browser = await launchBrowser();
  const app = await openWatched(browser, url);
  await app.page.goto(url);
  await waitForAnalysis(app.page);
  return { browser, app };
}

/** openDemo on the Import view, then a new project of this roster and survey, analysed. */
export async function openWithProject(
  url: string,
  roster: string,
  survey: string,
): Promise<{ browser: Browser; app: Watched }> {
  const session = await openDemo(`${url}#/import`);
  await newProjectWith(session.app.page, roster, survey);
  await waitForAnalysis(session.app.page);
  return session;
}

/** The app's state (window.civicTies.getState()), in the shape the test reads. */
export function appState<T>(page: Page): Promise<T> {
  return page.evaluate(() => (window as unknown as { civicTies: { getState(): T } }).civicTies.getState());
}

/** Closes what openDemo opened (safe when it never finished). */
export async function closeDemo(session: { browser?: Browser; app?: Watched }): Promise<void> {
  await session.app?.context.close();
  await session.browser?.close();
}

/** Starts recording the page's long tasks (over 50 ms on its main thread); read with longTasksSeen. */
export function watchLongTasks(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

/** The durations (ms) of the long tasks seen since watchLongTasks. */
export function longTasksSeen(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

/** Waits until the map's layout has finished, been stopped or come from a saved one. */
export async function waitForLayout(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () =>
      ['done', 'stopped', 'saved'].includes(
        document.querySelector<HTMLElement>('.ct-map')?.dataset.layout ?? '',
      ),
    null,
    { timeout },
  );
}

/** On the Import view: a new empty project, then a roster and a survey handed to its file pickers as text. */
export async function newProjectWith(page: Page, roster: string, survey: string): Promise<void> {
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Start a new empty project' }).click();
  for (const [picker, name, text] of [
    ['#file-current-roster', 'roster.csv', roster],
    ['#file-current-surveys', 'survey.csv', survey],
  ] as const) {
    await page.setInputFiles(picker, csvFile(name, text));
  }
}

/** Waits for the run that `action` starts to finish: the run's generation moves on, not running. */
export async function afterRun(page: Page, action: () => Promise<unknown>): Promise<void> {
  interface RunState {
    run: { status: string; generation: number };
  }
  const before = await page.evaluate(
    () => (window as unknown as { civicTies: { getState(): RunState } }).civicTies.getState().run.generation,
  );
  await action();
  await page.waitForFunction(
    (g) => {
      const s = (window as unknown as { civicTies: { getState(): RunState } }).civicTies.getState();
      return s.run.generation > g && s.run.status !== 'running';
    },
    before,
    { timeout: 60_000 },
  );
}

/** A CSV file for page.setInputFiles, from its name and text. */
export const csvFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});
