// Layout: seeded, deterministic, inside the [0, 1000] square, caller's graph untouched.
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { computeLayout, initialPositions, fitToExtent } from '../../../src/core/layout';
import { layoutIterations, noverlapFits, noverlapPasses } from '../../../src/core/layout/layout';

function ringWithChords(n: number): Graph {
  const g = new Graph({ type: 'directed' });
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { label: `N${i}` });
  for (let i = 0; i < n; i++) g.addEdge(`n${i}`, `n${(i + 1) % n}`, { weight: 1 });
  for (let i = 0; i < n; i += 3) g.addEdge(`n${i}`, `n${(i + 7) % n}`, { weight: 2 });
  g.addNode('isolate');
  return g;
}

const inBox = (p: { x: number; y: number }) => p.x >= 0 && p.x <= 1000 && p.y >= 0 && p.y <= 1000;

describe('initialPositions', () => {
  it('is seeded: same seed same points, other seed other points, all in [0, 1000]', () => {
    const g = ringWithChords(30);
    const a = initialPositions(g, 7);
    expect(initialPositions(g, 7)).toEqual(a);
    expect(initialPositions(g, 8)).not.toEqual(a);
    expect(Object.values(a).every(inBox)).toBe(true);
    const spread =
      Math.max(...Object.values(a).map((p) => p.x)) - Math.min(...Object.values(a).map((p) => p.x));
    expect(spread).toBeGreaterThan(300);
  });

  it('does not depend on node order', () => {
    const g1 = new Graph();
    g1.addNode('a');
    g1.addNode('b');
    const g2 = new Graph();
    g2.addNode('b');
    g2.addNode('a');
    expect(initialPositions(g1, 3)).toEqual(initialPositions(g2, 3));
  });
});

describe('computeLayout', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const g = ringWithChords(40);
    const a = computeLayout(g, { seed: 1, iterations: 100 });
    expect(computeLayout(g, { seed: 1, iterations: 100 })).toEqual(a);
    expect(computeLayout(g, { seed: 2, iterations: 100 })).not.toEqual(a);
  });

  it('places every node, isolates included, inside the square, without touching the graph', () => {
    const g = ringWithChords(25);
    const pos = computeLayout(g, { seed: 5, iterations: 50 });
    expect(Object.keys(pos).sort()).toEqual(g.nodes().sort());
    expect(Object.values(pos).every(inBox)).toBe(true);
    expect(g.getNodeAttributes('n0')).toEqual({ label: 'N0' });
  });

  it('pulls tied nodes closer than untied ones', () => {
    const g = new Graph({ type: 'undirected' });
    for (const id of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3']) g.addNode(id);
    for (const [s, t] of [
      ['a1', 'a2'],
      ['a2', 'a3'],
      ['a1', 'a3'],
      ['b1', 'b2'],
      ['b2', 'b3'],
      ['b1', 'b3'],
      ['a1', 'b1'],
    ])
      g.addEdge(s!, t!, { weight: 1 });
    const pos = computeLayout(g, { seed: 1, iterations: 300 });
    const d = (u: string, v: string) => Math.hypot(pos[u]!.x - pos[v]!.x, pos[u]!.y - pos[v]!.y);
    expect(d('a2', 'a3')).toBeLessThan(d('a2', 'b3'));
  });

  it('sets isolates out in a band below the network instead of a far ring', () => {
    const g = ringWithChords(20);
    for (let i = 0; i < 10; i++) g.addNode(`iso${i}`);
    const pos = computeLayout(g, { seed: 3, iterations: 100 });
    const lowestConnected = Math.max(
      ...g
        .nodes()
        .filter((n) => g.degree(n) > 0)
        .map((n) => pos[n]!.y),
    );
    for (const n of g.nodes().filter((n) => g.degree(n) === 0))
      expect(pos[n]!.y).toBeGreaterThan(lowestConnected);
  });

  it('lays out a network of thousands of respondents without Noverlap, every node placed', () => {
    // 5,000 nodes cannot be kept apart in the square: Noverlap is skipped (it threw at 100,000).
    const g = ringWithChords(5000);
    const pos = computeLayout(g, { seed: 1, iterations: 3 });
    expect(Object.keys(pos)).toHaveLength(g.order);
    expect(Object.values(pos).every(inBox)).toBe(true);
  });

  it('handles empty and one-node graphs', () => {
    expect(computeLayout(new Graph())).toEqual({});
    const one = new Graph();
    one.addNode('x');
    expect(computeLayout(one)).toEqual({ x: { x: 500, y: 500 } });
  });
});

describe('layout budget', () => {
  it('spends the iterations asked for up to 1,000 nodes, fewer above, never under 10', () => {
    expect(layoutIterations(300, 50)).toBe(300);
    expect(layoutIterations(300, 1000)).toBe(300);
    expect(layoutIterations(300, 2000)).toBe(150);
    expect(layoutIterations(300, 20_000)).toBe(15);
    expect(layoutIterations(300, 1_000_000)).toBe(10);
    expect(layoutIterations(5, 1_000_000)).toBe(5);
  });

  it('spends Noverlap passes up to 200 on 1,000 nodes, fewer above', () => {
    expect(noverlapPasses(200, 1000)).toBe(200);
    expect(noverlapPasses(200, 3500)).toBe(57);
  });

  it('runs Noverlap only when the nodes can fit apart in the square', () => {
    expect(noverlapFits(3000, 6)).toBe(true);
    expect(noverlapFits(5000, 6)).toBe(false);
    expect(noverlapFits(5000, 3)).toBe(true);
  });
});

describe('fitToExtent', () => {
  it('keeps the aspect ratio and centres', () => {
    const out = fitToExtent({ a: { x: 0, y: 0 }, b: { x: 2, y: 1 } }, 100, 0);
    expect(out).toEqual({ a: { x: 0, y: 25 }, b: { x: 100, y: 75 } });
  });
});
