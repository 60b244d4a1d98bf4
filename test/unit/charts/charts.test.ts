// Chart snapshots: each chart's SVG for a fixed input is compared with a committed, normalised
// file (one element per line), so any change to a picture shows up as a failing diff.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  barChart,
  histogram,
  importanceMatrix,
  intervalPlot,
  networkMap,
  radar,
  slopeChart,
  spreadLabels,
  sectorColour,
  relationColour,
  communityColour,
} from '../../../src/core/charts';

/** One tag per line: readable diffs, stable across editors. */
const normalise = (svg: string) => svg.replace(/></g, '>\n<') + '\n';

const COMPETENCIES = [
  { key: 'takingResponsibility', label: 'Taking responsibility' },
  { key: 'honestOpen', label: 'Honest and open treatment' },
  { key: 'askingForFeedback', label: 'Asking for feedback' },
  { key: 'actingOnFeedback', label: 'Acting on feedback' },
  { key: 'avoidingUnnecessaryContact', label: 'Avoiding unnecessary contact' },
  { key: 'goodCommunication', label: 'Good communication' },
];

const charts: Record<string, () => string> = {
  histogram: () => histogram([12, 35, 38, 41, 47, 52, 55, 58, 61, 66, 73, 88, null, 100], { marker: 58 }),
  radar: () =>
    radar(COMPETENCIES, [
      { key: 'self', label: 'Self', values: [5, 5, 4, 4, 5, 5] },
      { key: 'manager', label: 'Manager (1 rater)', values: [4, 3, 3, 4, 4, 3] },
      { key: 'others', label: 'Others (7 raters)', values: [3.4, 3.9, 2.6, 3.1, 4.2, null] },
    ]),
  interval: () =>
    intervalPlot([
      { label: 'Health centre', value: 62.5, low: 48.1, high: 75, n: 40, reference: 55 },
      { label: 'Police <Northside>', value: 31, low: 19.2, high: 46, n: 29, highlight: true },
      { label: 'Library', value: null, n: 0 },
    ]),
  matrix: () =>
    importanceMatrix([
      { label: 'Health centre', importance: 4.6, satisfaction: 62.5, n: 40 },
      { label: 'Police', importance: 4.2, satisfaction: 31, n: 29 },
      { label: 'Library', importance: 2.9, satisfaction: 80, n: 12 },
      { label: 'Parks', importance: 3.1, satisfaction: 44, n: 22 },
    ]),
  slope: () =>
    slopeChart([
      { label: 'A. Khan', before: 40, after: 61, real: true },
      { label: 'B. Jones', before: 55, after: 50, real: false },
      { label: 'C. Okafor', before: 70, after: 52, real: true },
      { label: 'D. Smith', before: 41, after: 44, real: null },
      { label: 'E. Only-one-wave', before: null, after: 30 },
    ]),
  network: () =>
    networkMap(
      [
        { id: 'ps1', label: 'Dr A', sector: 'public', value: 5, marked: true },
        { id: 'ps2', label: 'PC B', sector: 'public', value: 2, marked: true, focus: true },
        { id: 'g1', label: 'Group 1', sector: 'voluntary', value: 1 },
        { id: 'r1', label: 'Resident 1', sector: 'community', value: 0 },
        { id: 'r2', label: 'Resident 2', sector: 'community', value: null },
      ],
      [
        { source: 'r1', target: 'ps1', relations: ['need'] },
        { source: 'g1', target: 'ps1', relations: ['trust', 'info'] },
        { source: 'g1', target: 'ps2', relations: ['trust'] },
        { source: 'ps2', target: 'ps1', relations: ['info'] },
      ],
      {
        ps1: { x: 500, y: 500 },
        ps2: { x: 800, y: 300 },
        g1: { x: 650, y: 700 },
        r1: { x: 200, y: 450 },
        r2: { x: 100, y: 900 },
      },
      { width: 400 },
    ),
  bars: () =>
    barChart([
      { label: 'Civil-society in-ties', value: 80, note: 'weight 25%' },
      { label: 'Betweenness', value: 35.5, note: 'weight 15%' },
      { label: 'Satisfaction', value: null, note: 'missing' },
    ]),
};

describe('chart snapshots', () => {
  for (const [name, draw] of Object.entries(charts)) {
    it(`${name} matches test/unit/charts/__snapshots__/${name}.svg`, async () => {
      await expect(normalise(draw())).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
    });
  }
});

const PY = '/usr/bin/python3';
describe.skipIf(!existsSync(PY))('every chart is well-formed, accessible XML', () => {
  it('parses with a strict XML parser and carries role, aria-label and title', () => {
    for (const [name, draw] of Object.entries(charts)) {
      const svg = draw();
      expect(
        () =>
          execFileSync(PY, ['-c', 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.read())'], {
            input: svg,
          }),
        name,
      ).not.toThrow();
      expect(svg, name).toMatch(
        /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-label="[^"]+"/,
      );
      expect(svg, name).toContain('<title>');
      expect(svg, name).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});

describe('chart behaviour', () => {
  it('escapes user text everywhere', () => {
    const svg = intervalPlot([{ label: '<script>alert(1)</script>', value: 50 }], { title: 'a "b" & <c>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('a &quot;b&quot; &amp; &lt;c&gt;');
  });

  it('draws an accessible placeholder when there is nothing to show', () => {
    for (const svg of [
      histogram([]),
      radar(COMPETENCIES, []),
      slopeChart([]),
      networkMap([], [], {}),
      importanceMatrix([]),
    ]) {
      expect(svg).toMatch(/role="img"/);
      expect(svg).not.toMatch(/NaN/);
    }
  });

  it('histogram keeps values outside the domain in the end bins', () => {
    const svg = histogram([-5, 105], { binWidth: 50 });
    expect(svg).toContain('0–50: 1 person');
    expect(svg).toContain('50–100: 1 person');
  });

  it('radar draws a polygon only for complete series', () => {
    const svg = radar(COMPETENCIES, [
      { key: 'self', label: 'Self', values: [5, 5, 4, 4, 5, 5] },
      { key: 'others', label: 'Others', values: [3, null, 3, 3, 3, 3] },
    ]);
    expect(svg.match(/<polygon[^>]*fill-opacity/g)).toHaveLength(1);
  });

  it('spreadLabels keeps labels apart and in order', () => {
    const ys = spreadLabels([100, 101, 102, 300], 12, 0, 400);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(12);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(12);
    expect(ys[3]).toBe(300);
  });

  it('palettes: fixed sector colours, stable extra hues, grey past nine communities', () => {
    expect(sectorColour('public')).toBe('#0072B2');
    expect(sectorColour('faith')).toBe(sectorColour('faith'));
    expect(relationColour('need')).toBe('#D55E00');
    expect(communityColour(9)).toBe('#8C8C8C');
    expect(communityColour(null)).toBe('#8C8C8C');
  });
});
