// Runs the map layout off the main thread: seeded start positions, ForceAtlas2 in its worker
// with live progress and a stop button, then noverlap so discs do not hide each other.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import NoverlapLayout from 'graphology-layout-noverlap/worker';
import type { MapGraph } from './display-graph';

export type LayoutPhase = 'idle' | 'forceatlas2' | 'noverlap' | 'done' | 'stopped';
export interface LayoutProgress {
  phase: LayoutPhase;
  iteration: number;
  total: number;
}

export function applyPositions(graph: MapGraph, positions: Record<string, { x: number; y: number }>): number {
  let placed = 0;
  graph.updateEachNodeAttributes((node, attrs) => {
    const p = positions[node];
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) {
      placed++;
      return { ...attrs, x: p.x, y: p.y };
    }
    return attrs;
  });
  return placed;
}

export function readPositions(graph: MapGraph): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  graph.forEachNode((node, a) => {
    // Rounded: the saved project stays small and diff-friendly.
    out[node] = { x: Math.round(a.x * 100) / 100, y: Math.round(a.y * 100) / 100 };
  });
  return out;
}

/** Rescales positions back into [0, 1000] (FA2 drifts freely), keeping the aspect ratio. */
export function normalisePositions(graph: MapGraph): void {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  graph.forEachNode((_n, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  const span = Math.max(maxX - minX, maxY - minY);
  if (!Number.isFinite(span) || span <= 0) return;
  const k = 1000 / span;
  graph.updateEachNodeAttributes((_n, a) => ({ ...a, x: (a.x - minX) * k, y: (a.y - minY) * k }));
}

export interface LayoutRunnerOptions {
  /** Graph-space radius of a node, for noverlap. */
  radiusOf: (node: string) => number;
  onProgress: (p: LayoutProgress) => void;
  onDone: (p: LayoutProgress) => void;
}

/** ForceAtlas2 iteration budget: enough to settle small graphs, bounded for big ones. */
export function iterationBudget(order: number): number {
  if (order <= 500) return 600;
  if (order <= 5000) return 300;
  return 150;
}

export class LayoutRunner {
  private fa2: FA2Layout | null = null;
  private noverlap: NoverlapLayout | null = null;
  private iteration = 0;
  private total: number;
  private phase: LayoutPhase = 'idle';
  private noverlapTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly graph: MapGraph,
    private readonly options: LayoutRunnerOptions,
  ) {
    this.total = iterationBudget(graph.order);
  }

  get running(): boolean {
    return this.phase === 'forceatlas2' || this.phase === 'noverlap';
  }
  progress(): LayoutProgress {
    return { phase: this.phase, iteration: this.iteration, total: this.total };
  }

  start(): void {
    if (this.running || this.graph.order === 0) return;
    this.kill();
    this.iteration = 0;
    this.phase = 'forceatlas2';
    // Strong gravity keeps isolates and small components near the core instead of drifting off-screen.
    const settings = {
      ...forceAtlas2.inferSettings(this.graph),
      strongGravityMode: true,
      gravity: 0.5,
      barnesHutOptimize: this.graph.order > 1000,
    };
    const fa2 = new FA2Layout(this.graph, { settings, getEdgeWeight: null });
    this.fa2 = fa2;
    // The supervisor exposes no progress; each worker message is one iteration.
    const worker = (fa2 as unknown as { worker: Worker | null }).worker;
    worker?.addEventListener('message', this.onIteration);
    fa2.start();
    this.options.onProgress(this.progress());
  }

  private onIteration = (): void => {
    if (this.phase !== 'forceatlas2') return;
    this.iteration++;
    if (this.iteration % 5 === 0 || this.iteration >= this.total) this.options.onProgress(this.progress());
    if (this.iteration >= this.total) this.runNoverlap();
  };

  private runNoverlap(): void {
    this.fa2?.stop();
    this.fa2?.kill();
    this.fa2 = null;
    normalisePositions(this.graph);
    this.phase = 'noverlap';
    this.options.onProgress(this.progress());
    const finish = (): void => {
      if (this.phase !== 'noverlap') return;
      this.release();
      this.phase = 'done';
      this.options.onDone(this.progress());
    };
    const nl = new NoverlapLayout(this.graph, {
      inputReducer: (key, attr) => ({ x: attr.x, y: attr.y, size: this.options.radiusOf(key) }),
      settings: { margin: 1, ratio: 1.1 },
      onConverged: finish,
    });
    this.noverlap = nl;
    nl.start();
    // noverlap may oscillate on dense cores: bound its time, the picture is already readable.
    this.noverlapTimer = setTimeout(finish, 3000);
  }

  /** Stop: keeps the current positions and reports them as final. */
  stop(): void {
    if (!this.running) return;
    this.fa2?.stop();
    this.release();
    this.phase = 'stopped';
    this.options.onDone(this.progress());
  }

  kill(): void {
    this.release();
    if (this.running) this.phase = 'stopped';
  }

  /** Ends both layout workers and the noverlap time limit, whatever phase is running. */
  private release(): void {
    this.fa2?.kill();
    this.fa2 = null;
    this.noverlap?.kill();
    this.noverlap = null;
    if (this.noverlapTimer) clearTimeout(this.noverlapTimer);
    this.noverlapTimer = null;
  }
}
