// Browser tests of the relationship map in real Chromium, over the synthetic harness page
// (bench/map/harness.html) served by Vite: drawing, search, filters, ego privacy, waves,
// keyboard, exports, saved layout, origin-only requests and axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
// Brings in the window.__civicMap debug handle's type.
import type {} from '../../src/ui/map';
import { launchBrowser, waitForLayout } from './harness';

let server: ViteDevServer;
let browser: Browser;
let origin = '';

beforeAll(async () => {
  server = await createServer({
    root: process.cwd(),
    configFile: 'vite.config.ts',
    server: { port: 0, hmr: false },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 5173;
  origin = `http://localhost:${port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(query: string, options: { bypassCSP?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/bench/map/harness.html?${query}`);
  await page.waitForFunction(() => (window.__civicMap?.renders ?? 0) > 0, null, { timeout: 30_000 });
  return { page, errors, requests };
}

/** Waits for the layout to finish (or confirms a saved one), so positions are stable. */
async function settled(page: Page): Promise<void> {
  await waitForLayout(page);
  await page.waitForTimeout(300);
}

/** Distinct colours in a screenshot of the stage, counted in the page from the PNG bytes. */
async function distinctColours(page: Page): Promise<number> {
  const png = await page.locator('.ct-map-stage').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  }, png.toString('base64'));
}

const nodeVisible = (page: Page, id: string): Promise<boolean> =>
  page.evaluate((id) => window.__civicMap!.renderer!.getNodeDisplayData(id)?.visibility !== 'hidden', id);

describe('relationship map', () => {
  it('draws the network: pixels are not uniform and sigma holds every node', async () => {
    const { page, errors } = await open('n=150&baseline=1');
    await settled(page);
    expect(await distinctColours(page)).toBeGreaterThan(20);
    const state = await page.evaluate(() => {
      const d = window.__civicMap!;
      const r = d.renderer!;
      let drawn = 0;
      d.graph!.forEachNode((id) => {
        if (r.getNodeDisplayData(id)?.visibility !== 'hidden') drawn++;
      });
      return { order: d.graph!.order, drawn, labels: r.getNodeDisplayedLabels().size, edges: d.graph!.size };
    });
    expect(state.order).toBe(151);
    expect(state.drawn).toBeGreaterThan(140);
    expect(state.labels).toBeGreaterThan(0);
    expect(state.edges).toBeGreaterThan(300);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('search autocompletes and flies to the person; residents are found only by pseudonym', async () => {
    const { page } = await open('n=150');
    await settled(page);
    const input = page.getByRole('combobox', { name: 'Search' });
    await input.fill('Jane');
    await expect(page.locator('.ct-map-search-option').count()).resolves.toBe(0);
    await input.fill('alex');
    await expect(page.getByRole('option', { name: /Alex Morgan/ }).count()).resolves.toBe(1);
    const before = await page.evaluate(() => window.__civicMap!.renderer!.getCamera().getState());
    await input.press('Enter');
    await page.waitForTimeout(700);
    const after = await page.evaluate(() => {
      const d = window.__civicMap!;
      const a = d.graph!.getNodeAttributes('ps-0');
      return {
        cam: d.renderer!.getCamera().getState(),
        target: d.renderer!.graphToFramedGraph({ x: a.x, y: a.y }),
        focused: d.view!.state.focused,
      };
    });
    expect(after.focused).toBe('ps-0');
    expect(after.cam.ratio).toBeLessThan(before.ratio);
    expect(Math.abs(after.cam.x - after.target.x)).toBeLessThan(0.02);
    expect(Math.abs(after.cam.y - after.target.y)).toBeLessThan(0.02);
    // The resident on the roster under a real name is shown as type + pseudonym everywhere.
    const label = await page.evaluate(() => window.__civicMap!.graph!.getNodeAttribute('res-named', 'label'));
    expect(label).toMatch(/^Resident [0-9A-Z]{7}$/);
    await page.context().close();
  });

  it('hover shows a tooltip and highlights the neighbourhood; residents show type + pseudonym only', async () => {
    const { page } = await open('n=150');
    await settled(page);
    const box = (await page.locator('.ct-map-stage').boundingBox())!;
    const at = (id: string) =>
      page.evaluate((id) => {
        const d = window.__civicMap!;
        const a = d.graph!.getNodeAttributes(id);
        return d.renderer!.graphToViewport({ x: a.x, y: a.y });
      }, id);
    const p = await at('ps-0');
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.waitForFunction(() => window.__civicMap!.view!.state.hovered !== null, null, {
      timeout: 10_000,
    });
    const hovered = await page.evaluate(() => window.__civicMap!.view!.state.hovered!);
    const tip = await page.locator('.ct-map-tooltip').textContent();
    expect(tip).toContain(
      await page.evaluate((id) => window.__civicMap!.graph!.getNodeAttribute(id, 'label'), hovered),
    );
    const faded = await page.evaluate((id) => {
      const d = window.__civicMap!;
      const far = d.graph!.findNode((n) => n !== id && !d.graph!.areNeighbors(n, id));
      return far ? d.renderer!.getNodeDisplayData(far)!.color : null;
    }, hovered);
    expect(faded).toBe('#e4e4e4');
    await page.mouse.move(box.x + 2, box.y + 2);
    const r = await at('res-named');
    await page.mouse.move(box.x + r.x, box.y + r.y);
    await page.waitForTimeout(300);
    const tip2 = await page.locator('.ct-map-tooltip').textContent();
    if ((await page.evaluate(() => window.__civicMap!.view!.state.hovered)) === 'res-named') {
      expect(tip2).toMatch(/^Resident [0-9A-Z]{7}Resident\d+ ties shown$/);
    }
    await page.context().close();
  });

  it('filters hide nodes through reducers without touching the graph', async () => {
    const { page } = await open('n=150');
    await settled(page);
    const order = await page.evaluate(() => window.__civicMap!.graph!.order);
    expect(await nodeVisible(page, 'res-named')).toBe(true);
    await page.locator('input[data-sector="community"]').uncheck();
    expect(await nodeVisible(page, 'res-named')).toBe(false);
    expect(await nodeVisible(page, 'ps-0')).toBe(true);
    await page.locator('input[data-sector="community"]').check();
    await page.getByLabel('Minimum ties').fill('1000');
    await page.getByLabel('Minimum ties').press('Enter');
    await page.waitForTimeout(100);
    expect(await nodeVisible(page, 'ps-0')).toBe(false);
    await page.getByLabel('Minimum ties').fill('0');
    await page.getByLabel('Minimum ties').press('Enter');
    // Tie-type filter: with only "trust" on, a need-only tie is hidden.
    await page.locator('input[data-relation="need"]').uncheck();
    await page.locator('input[data-relation="info"]').uncheck();
    const hiddenNeed = await page.evaluate(() => {
      const d = window.__civicMap!;
      const e = d.graph!.findEdge((_e, a) => a.now.length === 1 && a.now[0] === 'need');
      return e ? d.renderer!.getEdgeDisplayData(e)?.visibility : 'none';
    });
    expect(hiddenNeed).toBe('hidden');
    expect(await page.evaluate(() => window.__civicMap!.graph!.order)).toBe(order);
    await page.context().close();
  });

  it('ego view shows the count, not who, when fewer than 3 named a public servant', async () => {
    const { page } = await open('n=150');
    await settled(page);
    await page.evaluate(() =>
      (
        window as unknown as { __harness: { handle: { focusNode(id: string): void } } }
      ).__harness.handle.focusNode('ps-0'),
    );
    await page.getByRole('button', { name: 'Ego view of selected' }).click();
    const trust = page.locator('.ct-map-ego-info li[data-relation="trust"]');
    await expect(trust.getAttribute('data-withheld')).resolves.toBe('true');
    await expect(trust.textContent()).resolves.toMatch(/named by 2/);
    const need = page.locator('.ct-map-ego-info li[data-relation="need"]');
    await expect(need.getAttribute('data-withheld')).resolves.toBe('false');
    const vis = await page.evaluate(() => {
      const d = window.__civicMap!;
      const r = d.renderer!;
      const namers = (rel: string): string[] =>
        d.graph!.filterInNeighbors('ps-0', (n) => d.graph!.getEdgeAttribute(n, 'ps-0', 'now').includes(rel));
      const shown = (id: string): boolean => r.getNodeDisplayData(id)?.visibility !== 'hidden';
      let drawn = 0;
      d.graph!.forEachNode((id) => {
        if (shown(id)) drawn++;
      });
      return {
        trust: namers('trust').map(shown),
        need: namers('need').map(shown),
        drawn,
        order: d.graph!.order,
      };
    });
    expect(vis.trust).toEqual([false, false]);
    expect(vis.need.every(Boolean)).toBe(true);
    expect(vis.drawn).toBeLessThan(vis.order / 2);
    await page.getByRole('button', { name: 'Whole network' }).click();
    expect(await nodeVisible(page, 'res-named')).toBe(true);
    await page.context().close();
  });

  it('wave toggle keeps positions and highlights ties gained and lost', async () => {
    const { page } = await open('n=150&baseline=1');
    await settled(page);
    const positions = () =>
      page.evaluate(() => JSON.stringify(window.__civicMap!.graph!.mapNodes((_n, a) => [a.x, a.y])));
    const before = await positions();
    await page.getByLabel('Change (gained / lost)').check();
    const counts = await page.evaluate(() => {
      const d = window.__civicMap!;
      const out: Record<string, number> = {};
      d.graph!.forEachEdge((e) => {
        const dd = d.renderer!.getEdgeDisplayData(e);
        if (dd && dd.visibility !== 'hidden') out[dd.color] = (out[dd.color] ?? 0) + 1;
      });
      return out;
    });
    expect(counts['#009E73']).toBeGreaterThan(0); // gained
    expect(counts['#D55E00']).toBeGreaterThan(0); // lost
    await page.getByLabel('Baseline').check();
    expect(await positions()).toBe(before);
    expect(await distinctColours(page)).toBeGreaterThan(20);
    await page.context().close();
  });

  it('keyboard: Home, arrows between connected people, Enter opens the scorecard', async () => {
    const { page } = await open('n=150');
    await settled(page);
    await page.locator('.ct-map-stage').focus();
    await page.keyboard.press('Home');
    const start = await page.evaluate(() => window.__civicMap!.view!.state.focused);
    expect(start).toBeTruthy();
    await page.keyboard.press('ArrowDown');
    const next = await page.evaluate(() => window.__civicMap!.view!.state.focused);
    const isNeighbour = await page.evaluate(
      ([a, b]) => window.__civicMap!.graph!.areNeighbors(a!, b!),
      [start, next],
    );
    expect(isNeighbour).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const selected = await page.evaluate(
      () => (window as unknown as { __harness: { log: { selected: string[] } } }).__harness.log.selected,
    );
    expect(selected.length).toBe(1);
    await expect(page.locator('.ct-map-sr').textContent()).resolves.toMatch(/ties/);
    await page.context().close();
  });

  it('exports the current view as PNG and SVG, pseudonymised', async () => {
    const { page } = await open('n=150');
    await settled(page);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG' }).click(),
    ]);
    const pngBytes = readFileSync((await png.path())!);
    expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(pngBytes.length).toBeGreaterThan(20_000);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'SVG' }).click(),
    ]);
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect((text.match(/<circle /g) ?? []).length).toBeGreaterThan(100);
    expect(text).not.toContain('Jane Secretname');
    // Filtered view: fewer discs in the export.
    await page.locator('input[data-sector="community"]').uncheck();
    const [svg2] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'SVG' }).click(),
    ]);
    const text2 = readFileSync((await svg2.path())!, 'utf8');
    expect((text2.match(/<circle /g) ?? []).length).toBeLessThan((text.match(/<circle /g) ?? []).length);
    const [gexf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'GEXF' }).click(),
    ]);
    const gexfText = readFileSync((await gexf.path())!, 'utf8');
    expect(gexfText).toContain('<gexf');
    expect(gexfText).not.toContain('Jane Secretname');
    await page.context().close();
  });

  it('a reopened map uses the saved layout and looks the same', async () => {
    const first = await open('n=150');
    await settled(first.page);
    const saved = await first.page.evaluate(() =>
      JSON.stringify(
        window.__civicMap!.graph!.mapNodes((_n, a) => [
          Math.round(a.x * 100) / 100,
          Math.round(a.y * 100) / 100,
        ]),
      ),
    );
    await first.page.reload();
    await first.page.goto(`${origin}/bench/map/harness.html?n=150&saved=1`);
    await first.page.waitForFunction(() => (window.__civicMap?.renders ?? 0) > 0);
    await expect(first.page.locator('.ct-map').getAttribute('data-layout')).resolves.toBe('saved');
    const again = await first.page.evaluate(() =>
      JSON.stringify(window.__civicMap!.graph!.mapNodes((_n, a) => [a.x, a.y])),
    );
    expect(again).toBe(saved);
    await first.page.context().close();
  });

  it('makes no request outside its origin', async () => {
    const { page, requests } = await open('n=150&baseline=1');
    await settled(page);
    const foreign = requests.filter(
      (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('has no serious or critical axe-core violations (map, ego view, table)', async () => {
    const { page } = await open('n=150&baseline=1', { bypassCSP: true });
    await settled(page);
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const run = () =>
      page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(ctx: Element): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe;
        const res = await axe.run(document.querySelector('.ct-map')!);
        return res.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.nodes.length})`);
      });
    expect(await run()).toEqual([]);
    await page.evaluate(() =>
      (
        window as unknown as { __harness: { handle: { focusNode(id: string): void } } }
      ).__harness.handle.focusNode('ps-0'),
    );
    await page.getByRole('button', { name: 'Ego view of selected' }).click();
    await page.getByRole('button', { name: 'Show the map as a table' }).click();
    await expect(page.locator('.ct-map-table tbody tr').count()).resolves.toBeGreaterThan(3);
    expect(await run()).toEqual([]);
    await page.context().close();
  });
});
