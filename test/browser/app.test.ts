// The app in real Chromium: demo data on start with no console errors and no off-origin request,
// the people table opens a scorecard, the map draws, and every view passes axe-core.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  baseUrl,
  screenshotVariety,
  waitForAnalysis,
  type Watched,
  openDemo,
  closeDemo,
} from './harness';

let browser: Browser;
let app: Watched;
const url = (): string => baseUrl(inject('baseUrl'));

beforeAll(async () => {
  ({ browser, app } = await openDemo(url()));
});

afterAll(() => closeDemo({ browser, app }));

describe('the app with the demo data', () => {
  it('loads the demo with no console errors and no request off the origin', async () => {
    const rows = app.page.locator('[data-testid="people-table"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    expect(app.errors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
    const status = await app.page.locator('.run-phase').textContent();
    expect(status).toMatch(/up to date/);
  });

  it('opens a scorecard from the people table and shows the same index', async () => {
    const page = app.page;
    await page.goto(`${url()}#/people`);
    const row = page.locator('[data-testid="people-table"] tbody tr').first();
    const name = (await row.locator('th').textContent())?.trim() ?? '';
    const tableIndex = (await row.locator('td[data-col="index"]').textContent())?.trim() ?? '';
    await row.click();
    await page.waitForSelector('[data-testid="scorecard-index"]');
    expect(await page.locator('main h2').first().textContent()).toBe(name);
    const index = (await page.locator('[data-testid="scorecard-index"]').textContent())?.trim() ?? '';
    expect(index).toMatch(/^\d+(\.\d)?$/);
    expect(tableIndex.startsWith(index)).toBe(true);
    // The breakdown lists the components behind the index.
    expect(await page.locator('[data-testid="index-breakdown"] tbody tr').count()).toBeGreaterThanOrEqual(6);
    // Satisfaction's measured value is a share agreeing, shown as one ("12.410" read as a score).
    const satisfaction = page.locator('[data-testid="index-breakdown"] tr[data-component="satisfaction"] td');
    await expect(satisfaction.nth(2).textContent()).resolves.toMatch(/^\d+(\.\d)?% agree$/);
    expect(app.errors).toEqual([]);
  });

  it('opens a scorecard with the keyboard', async () => {
    const page = app.page;
    await page.goto(`${url()}#/people`);
    const row = page.locator('[data-testid="people-table"] tbody tr').nth(1);
    const name = (await row.locator('th').textContent())?.trim();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="scorecard-index"]');
    expect(await page.locator('main h2').first().textContent()).toBe(name);
  });

  it('filters and searches the people table', async () => {
    const page = app.page;
    await page.goto(`${url()}#/people`);
    const rows = page.locator('[data-testid="people-table"] tbody tr');
    const all = await rows.count();
    const firstName = (await rows.first().locator('th').textContent())?.trim() ?? '';
    await page.fill('#people-search', firstName);
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(await rows.first().locator('th').textContent()).toBe(firstName);
    await page.fill('#people-search', '');
    const services = await page.locator('#people-service option').allTextContents();
    expect(services.length).toBeGreaterThan(2);
    await page.selectOption('#people-service', { label: services[1]! });
    await expect.poll(() => rows.count()).toBeLessThan(all);
    for (const cell of await rows.locator('td[data-col="service"]').allTextContents())
      expect(cell).toBe(services[1]);
    await page.selectOption('#people-service', '');
  });

  it('draws the relationship map', async () => {
    const page = app.page;
    await page.goto(`${url()}#/map`);
    const canvas = page.locator('[data-testid="map-area"] canvas').first();
    await canvas.waitFor({ timeout: 30_000 });
    // Give the renderer a moment to draw, then require a non-uniform picture.
    await expect
      .poll(() => screenshotVariety(page, '[data-testid="map-area"]'), { timeout: 20_000 })
      .toBeGreaterThan(0.01);
    expect(app.errors).toEqual([]);
  });

  it('downloads a self-contained report and exports with residents pseudonymised', async () => {
    const page = app.page;
    await page.goto(`${url()}#/report`);
    await waitForAnalysis(page);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-report').click(),
    ]);
    const html = readFileSync(await report.path(), 'utf8');
    expect(html).toMatch(/<html/i);
    expect(html).toContain('Helen Okafor');
    // Self-contained: nothing is fetched from anywhere when the report opens.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']https?:/i);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-scorecards-csv').click(),
    ]);
    const header = readFileSync(await csv.path(), 'utf8').split(/\r?\n/)[0]!;
    expect(header.startsWith('id,name,role,service,index,rank')).toBe(true);
    const [gexf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-gexf').click(),
    ]);
    const xml = readFileSync(await gexf.path(), 'utf8');
    expect(xml).toContain('<gexf');
    // Edges and nodes: a button each (a browser may block a second download from one click), each
    // written as UTF-8 bytes (the CLI's edges.csv and nodes.csv).
    const downloaded: string[] = [];
    page.on('download', (d) => downloaded.push(d.suggestedFilename()));
    const [edges] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-edges').click(),
    ]);
    const [nodes] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-nodes').click(),
    ]);
    expect(edges.suggestedFilename()).toMatch(/-edges\.csv$/);
    expect(nodes.suggestedFilename()).toMatch(/-nodes\.csv$/);
    await page.waitForTimeout(300);
    expect(downloaded).toHaveLength(2);
    const edgeLines = readFileSync(await edges.path(), 'utf8').split('\r\n');
    expect(edgeLines[0]).toBe('source,target,relation,weight');
    expect(edgeLines.length).toBeGreaterThan(100);
    const nodesText = readFileSync(await nodes.path(), 'utf8');
    expect(nodesText.startsWith('id,label,type,sector,role,service,onRoster')).toBe(true);
    expect(nodesText).toContain('St Mary’s'); // beyond ASCII, intact
    // Pseudonymised by default: no e-mail address leaves, not even a public servant's.
    expect(xml).not.toMatch(/@millbrook\.gov\.uk/);
    expect(html).not.toMatch(/@millbrook\.gov\.uk/);
    expect(nodesText).not.toMatch(/@millbrook\.gov\.uk/);
    expect(app.errors).toEqual([]);
  });

  it('passes axe-core on every view', async () => {
    const page = app.page;
    const firstId = await page.evaluate(
      () =>
        (
          window as unknown as { civicTies: { getState(): { result: { scorecards: { id: string }[] } } } }
        ).civicTies.getState().result.scorecards[0]!.id,
    );
    const problems: string[] = [];
    const groupId = await page.evaluate(
      () =>
        (
          window as unknown as {
            civicTies: { getState(): { result: { actors: { id: string; type: string }[] } } };
          }
        ).civicTies
          .getState()
          .result.actors.find((a) => a.type === 'group')!.id,
    );
    await page.goto(`${url()}#/person/${groupId}`);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/no scorecard/);
    for (const hash of [
      `#/person/${groupId}`,
      '#/import',
      '#/map',
      '#/people',
      `#/person/${firstId}`,
      '#/services',
      '#/quality',
      '#/report',
    ]) {
      await page.goto(`${url()}${hash}`);
      await waitForAnalysis(page);
      await page.waitForTimeout(300);
      // One level-one heading (the app's name) on every view.
      const h1 = await page.locator('h1').count();
      if (h1 !== 1) problems.push(`${hash}: ${h1} level-one headings`);
      // Every impact, moderate and minor too (a duplicate landmark name, an empty table header).
      for (const v of await axeViolations(page, { all: true })) problems.push(`${hash}: ${v}`);
    }
    expect(problems).toEqual([]);
    expect(app.errors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  });
});
