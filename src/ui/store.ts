// The app's one store: a single state object, intents that change it, and subscribers (the views)
// that render from it. Runs go to the pipeline worker; the project autosaves to IndexedDB.
import type { InputFile } from '../core/model';
import type { Mapping, ReviewDecision, ReviewItem } from '../core/ingest/types';
import { applyReviewDecision } from '../core/ingest/review';
import { nameKey } from '../core/ingest/names';
import type { PipelineResult } from '../core/pipeline';
import { runAnalysis, type JobError, type RunHandle } from '../worker/pipeline-client';
import { demoWaves, hasDemo } from './demo';
import { loadSavedProject, saveProject, saveSettingsBackup, withSettingsBackup } from './persist';
import {
  emptyProject,
  newProjectId,
  emptyWave,
  jobRequest,
  missingInputs,
  type Positions,
  type ProjectData,
  type WaveFiles,
  type Weights,
} from './project';

export type ViewName = 'import' | 'map' | 'people' | 'person' | 'services' | 'quality' | 'report';
export const VIEWS: ViewName[] = ['import', 'map', 'people', 'person', 'services', 'quality', 'report'];

export interface Route {
  view: ViewName;
  /** The person whose scorecard is open (view = person). */
  id?: string;
}

export interface RunState {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  phase: string;
  fraction: number;
  error: JobError | null;
  /** Bumped on every finished run, so views can tell a new result from a re-render. */
  generation: number;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/**
 * A file that another took the place of in a one-file slot (roster, codebook, 360 appraisals,
 * satisfaction): kept here, not in the project, so the Import view can say so and offer it as a
 * survey instead of it vanishing without a word.
 */
export interface ReplacedFile {
  wave: WaveKey;
  role: FileRole;
  file: InputFile;
  /** The name of the file now in the slot. */
  by: string;
}

export interface AppState {
  project: ProjectData;
  route: Route;
  run: RunState;
  result: PipelineResult | null;
  baseline: PipelineResult | null;
  selectedId: string | null;
  includeNames: boolean;
  notice: Notice | null;
  /** True once the saved project (or the demo) has been loaded on start. */
  ready: boolean;
  /** Where the project came from on start, for the status line. */
  origin: 'demo' | 'restored' | 'new' | 'imported';
  /** False while the result on show comes from the quick pass (no bootstrap intervals yet). */
  intervals: boolean;
  /** Bumped whenever a different project is opened (restore, demo, new, import): views re-mount. */
  epoch: number;
  /** The inputs the result on show was computed from; see resultIsStale. */
  analysed: RunInputs | null;
  /** Files replaced in a one-file slot since the project was opened, newest last. */
  replaced: ReplacedFile[];
}

/** What a run reads from the project: when any of these changes, the result on show is old. */
export interface RunInputs {
  current: ProjectData['current'];
  baseline: ProjectData['baseline'];
  mapping: ProjectData['mapping'];
  weights: ProjectData['weights'];
  invited: ProjectData['invited'];
}

function runInputs(project: ProjectData): RunInputs {
  const { current, baseline, mapping, weights, invited } = project;
  return { current, baseline, mapping, weights, invited };
}

/**
 * True when the result on show was not computed from the project's present inputs: a file was
 * added or removed, the mapping or weights changed, and no run has succeeded since (it is pending,
 * stopped on an input error, was cancelled, or cannot start because a file is missing). The
 * project's parts are replaced, never mutated, so comparing references is exact and cheap.
 */
export function resultIsStale(state: AppState): boolean {
  if (!state.result) return false;
  const now = runInputs(state.project);
  const then = state.analysed;
  return !then || (Object.keys(now) as (keyof RunInputs)[]).some((k) => now[k] !== then[k]);
}

export type WaveKey = 'current' | 'baseline';
export type FileRole = keyof WaveFiles;

export function parseRoute(hash: string): Route | null {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((p) => decodeURIComponent(p));
  const view = parts[0] as ViewName;
  if (!VIEWS.includes(view)) return null;
  if (view === 'person') return parts[1] ? { view, id: parts[1] } : { view: 'people' };
  return { view };
}

export function routeHash(route: Route): string {
  return route.view === 'person' && route.id ? `#/person/${encodeURIComponent(route.id)}` : `#/${route.view}`;
}

/** The mapping of both waves as one editable object (surveys of both, decisions shared). */
export function mergedMapping(result: PipelineResult, baseline: PipelineResult | null): Mapping {
  const current = result.mapping;
  if (!baseline) return current;
  const seen = new Set(current.surveys.map((s) => s.file));
  const texts = new Set(current.decisions.map((d) => d.text));
  return {
    ...current,
    surveys: [...current.surveys, ...baseline.mapping.surveys.filter((s) => !seen.has(s.file))],
    decisions: [...current.decisions, ...baseline.mapping.decisions.filter((d) => !texts.has(d.text))],
  };
}

export class Store {
  private state: AppState;
  private listeners = new Set<() => void>();
  private handle: RunHandle | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private runTimer: ReturnType<typeof setTimeout> | null = null;
  private savePending: Promise<void> = Promise.resolve();
  /** The mapping as it was before "detect again", while that can still be undone. */
  private mappingBeforeReset: Mapping | null = null;

  constructor() {
    this.state = {
      project: emptyProject(),
      route: parseRoute(typeof location !== 'undefined' ? location.hash : '') ?? { view: 'people' },
      run: { status: 'idle', phase: '', fraction: 0, error: null, generation: 0 },
      result: null,
      baseline: null,
      selectedId: null,
      includeNames: false,
      notice: null,
      ready: false,
      origin: 'new',
      epoch: 0,
      intervals: false,
      analysed: null,
      replaced: [],
    };
    if (this.state.route.view === 'person') this.state.selectedId = this.state.route.id ?? null;
  }

  getState(): AppState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  /** Changes the project, schedules an autosave and (optionally) a new run. */
  private updateProject(
    patch: Partial<ProjectData>,
    options: { rerun?: boolean; delay?: number; mappingBeforeReset?: Mapping | null } = {},
  ): void {
    // A change of the mapping other than "detect again" ends the chance to undo that.
    if ('mapping' in patch) this.mappingBeforeReset = options.mappingBeforeReset ?? null;
    this.set({ project: { ...this.state.project, ...patch, updatedAt: new Date().toISOString() } });
    saveSettingsBackup(this.state.project);
    this.scheduleSave();
    if (options.rerun) this.scheduleRun(options.delay ?? 250);
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    // Short delay: coalesces a burst of changes (typing, a slider) into one write.
    this.saveTimer = setTimeout(() => void this.flushSave(), 80);
  }

  /** Writes the project now (also called when the page is hidden, so nothing is lost). */
  flushSave(): Promise<void> {
    // Before start() has opened the saved project (or the demo), the project held is a blank
    // placeholder: saved, it would replace the demo on a first visit, or the user's own project.
    if (!this.state.ready) return this.savePending;
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    const project = this.state.project;
    // Started now, not chained after the previous save, so a pagehide flush begins its
    // transaction before the page goes away; IndexedDB keeps writes in order.
    this.savePending = saveProject(project).catch((err: unknown) => {
      this.set({
        notice: { kind: 'error', text: `The project could not be saved in this browser: ${String(err)}` },
      });
    });
    return this.savePending;
  }

  private scheduleRun(delay: number): void {
    if (this.runTimer) clearTimeout(this.runTimer);
    // Shown as running at once, so nobody (a person or a test) reads a result about to be replaced.
    if (this.state.run.status !== 'running')
      this.set({
        run: { ...this.state.run, status: 'running', phase: 'Starting', fraction: 0, error: null },
      });
    this.runTimer = setTimeout(() => {
      this.runTimer = null;
      this.run();
    }, delay);
  }

  // --- start-up -----------------------------------------------------------------------------

  /** Restores the autosaved project, or loads the demo when there is none. */
  async start(): Promise<void> {
    const stored = await loadSavedProject();
    let saved = stored ? withSettingsBackup({ ...stored, id: stored.id ?? newProjectId() }) : null;
    // An untouched demo project takes this build's demo files (they may have been regenerated),
    // keeping the user's weights, decisions and view.
    if (saved?.demo && hasDemo()) saved = { ...saved, ...demoWaves() };
    // Any saved project is the user's, even one with no roster or no files yet (a new empty
    // project, named or not): it comes back as it was, never replaced by the demo.
    if (saved) {
      this.set({ project: saved, ready: true, origin: 'restored', epoch: this.state.epoch + 1 });
      this.restoreUi(saved);
      this.run();
      return;
    }
    if (hasDemo()) this.loadDemo(false);
    else this.set({ ready: true, origin: 'new', route: { view: 'import' } });
  }

  private restoreUi(project: ProjectData): void {
    const route = typeof project.ui.route === 'string' ? parseRoute(project.ui.route) : null;
    if (!location.hash && route) this.navigate(route);
    if (typeof project.ui.includeNames === 'boolean') this.set({ includeNames: project.ui.includeNames });
  }

  loadDemo(save = true): void {
    const { current, baseline } = demoWaves();
    const project = { ...emptyProject('Millbrook demo'), demo: true, current, baseline };
    this.set({
      project,
      ready: true,
      origin: 'demo',
      result: null,
      baseline: null,
      analysed: null,
      notice: null,
      replaced: [],
      epoch: this.state.epoch + 1,
    });
    if (save) this.scheduleSave();
    this.run();
  }

  newProject(): void {
    this.handle?.cancel();
    this.set({
      project: emptyProject(),
      result: null,
      baseline: null,
      analysed: null,
      selectedId: null,
      origin: 'new',
      replaced: [],
      epoch: this.state.epoch + 1,
      run: { ...this.state.run, status: 'idle', error: null, phase: '', fraction: 0 },
    });
    this.scheduleSave();
    this.navigate({ view: 'import' });
  }

  /** Replaces the open project by one read from a project file. */
  openProject(opened: ProjectData): void {
    const project = { ...opened, id: newProjectId() };
    this.handle?.cancel();
    this.set({
      project,
      result: null,
      baseline: null,
      analysed: null,
      selectedId: null,
      origin: 'imported',
      replaced: [],
      epoch: this.state.epoch + 1,
      notice: { kind: 'info', text: `Opened project “${project.name}”.` },
    });
    this.restoreUi(project);
    void this.flushSave();
    this.run();
  }

  // --- runs ---------------------------------------------------------------------------------

  /**
   * Runs the analysis once: the current wave's figures arrive first without intervals (the
   * worker's partial result), then the baseline and the bootstrap complete them. Any new run or
   * a cancel stops it.
   */
  run(): void {
    const project = this.state.project;
    const inputs = runInputs(project);
    // Betweenness is exact up to 20,000 actors; above that it is estimated from a seeded sample of
    // sources, with its standard error in the quality notes, so the page stays usable.
    const request = jobRequest(project, {
      weights: project.weights as never,
      seed: 1,
      metrics: { sampleAbove: 20_000 },
    });
    if (!request) {
      this.handle?.cancel();
      this.set({
        run: {
          ...this.state.run,
          status: 'idle',
          phase: missingInputs(project) ?? '',
          fraction: 0,
          error: null,
        },
      });
      return;
    }
    this.handle?.cancel();
    this.set({ run: { ...this.state.run, status: 'running', phase: 'Starting', fraction: 0, error: null } });
    const keepSelection = (result: PipelineResult): string | null => {
      const selected = this.state.selectedId;
      return selected && result.actors.some((a) => a.id === selected) ? selected : null;
    };
    const handle = runAnalysis(request, {
      onProgress: (phase, fraction) => {
        if (this.handle !== handle) return;
        this.set({ run: { ...this.state.run, status: 'running', phase, fraction } });
      },
      onPartial: (partial) => {
        if (this.handle !== handle) return;
        // Until the baseline is re-run, the previous baseline (if the project still has one) stays.
        this.set({
          result: partial.current,
          analysed: inputs,
          baseline: this.state.project.baseline ? this.state.baseline : null,
          intervals: false,
          selectedId: keepSelection(partial.current),
        });
      },
    });
    this.handle = handle;
    void handle.promise.then((outcome) => {
      if (this.handle !== handle) return;
      this.handle = null;
      // A change made while this run went on has its own run waiting (scheduleRun): still running,
      // so this run's result is never reported as the analysis of the inputs now in the project.
      const waiting = this.runTimer !== null;
      if (!outcome.ok) {
        const cancelled = outcome.error.code === 'cancelled';
        this.set({
          run: {
            status: waiting ? 'running' : cancelled ? 'cancelled' : 'error',
            phase: waiting ? 'Starting' : '',
            fraction: 0,
            error: waiting ? null : outcome.error,
            generation: this.state.run.generation + 1,
          },
        });
        return;
      }
      this.set({
        result: outcome.current,
        analysed: inputs,
        baseline: outcome.baseline,
        intervals: true,
        selectedId: keepSelection(outcome.current),
        run: {
          status: waiting ? 'running' : 'done',
          phase: waiting ? 'Starting' : 'Done',
          fraction: waiting ? 0 : 1,
          error: null,
          generation: this.state.run.generation + 1,
        },
      });
    });
  }

  cancel(): void {
    if (this.runTimer) {
      clearTimeout(this.runTimer);
      this.runTimer = null;
    }
    if (this.handle) this.handle.cancel();
    else if (this.state.run.status === 'running')
      this.set({
        run: {
          ...this.state.run,
          status: 'cancelled',
          phase: '',
          fraction: 0,
          generation: this.state.run.generation + 1,
        },
      });
  }

  // --- navigation and selection -------------------------------------------------------------

  navigate(route: Route, options: { replace?: boolean } = {}): void {
    const hash = routeHash(route);
    if (typeof location !== 'undefined' && location.hash !== hash) {
      if (options.replace) history.replaceState(null, '', hash);
      else history.pushState(null, '', hash);
    }
    const patch: Partial<AppState> = { route };
    if (route.view === 'person' && route.id) patch.selectedId = route.id;
    this.set(patch);
    this.updateUi({ route: hash });
  }

  /** From the browser's back/forward buttons. */
  syncFromLocation(): void {
    const route = parseRoute(location.hash) ?? { view: 'people' };
    const patch: Partial<AppState> = { route };
    if (route.view === 'person' && route.id) patch.selectedId = route.id;
    this.set(patch);
    this.updateUi({ route: routeHash(route) });
  }

  selectPerson(id: string): void {
    this.navigate({ view: 'person', id });
  }

  /** Highlights someone without leaving the current view (the map uses it). */
  highlight(id: string | null): void {
    this.set({ selectedId: id });
  }

  private updateUi(patch: Record<string, unknown>): void {
    this.set({
      project: {
        ...this.state.project,
        ui: { ...this.state.project.ui, ...patch },
        updatedAt: new Date().toISOString(),
      },
    });
    saveSettingsBackup(this.state.project);
    this.scheduleSave();
  }

  setUi(patch: Record<string, unknown>): void {
    this.updateUi(patch);
  }

  setIncludeNames(includeNames: boolean): void {
    this.set({ includeNames });
    this.updateUi({ includeNames });
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  notify(notice: Notice): void {
    this.set({ notice });
  }

  // --- inputs -------------------------------------------------------------------------------

  private wave(key: WaveKey): WaveFiles {
    return (key === 'current' ? this.state.project.current : this.state.project.baseline) ?? emptyWave();
  }

  /**
   * The saved mapping without the layouts of survey files no longer in either wave, so a removed
   * file's columns are not shown (or offered to a later file by position); decisions stay.
   */
  private prunedMapping(wave: WaveKey, files: WaveFiles | null): Mapping | null {
    const { mapping, current, baseline } = this.state.project;
    if (!mapping) return null;
    const waves = wave === 'current' ? [files, baseline] : [current, files];
    const names = new Set(waves.flatMap((w) => w?.surveys.map((f) => f.name) ?? []));
    if (mapping.surveys.every((s) => names.has(s.file))) return mapping;
    return { ...mapping, surveys: mapping.surveys.filter((s) => names.has(s.file)) };
  }

  addFiles(key: WaveKey, role: FileRole, files: InputFile[]): void {
    if (files.length === 0) return;
    const wave = { ...this.wave(key) };
    let replaced: InputFile[];
    if (role === 'surveys') {
      // Files of one name in one pick (two folders' responses.csv) are each kept, numbered as a
      // file manager numbers copies; the same file twice is kept once.
      const taken = new Set(wave.surveys.map((f) => f.name));
      const incoming: InputFile[] = [];
      for (const file of files) {
        const twin = incoming.find((f) => f.name === file.name);
        if (twin && sameContent(twin, file)) continue;
        incoming.push(twin ? { ...file, name: freeName(file.name, taken) } : file);
        taken.add(incoming.at(-1)!.name);
      }
      files = incoming;
      const names = new Set(files.map((f) => f.name));
      // A file of a name already here replaces it: a new download of the same export, usually.
      // When its content differs, the earlier one is said, with the choice to keep both.
      replaced = wave.surveys.filter(
        (s) => names.has(s.name) && !files.some((f) => f.name === s.name && sameContent(f, s)),
      );
      wave.surveys = [...wave.surveys.filter((s) => !names.has(s.name)), ...files];
    } else {
      // One file per slot: the newest is kept, and any other it replaces is said (a file of the
      // same name is a new copy of it, replaced quietly).
      const kept = files[files.length - 1]!;
      replaced = [wave[role], ...files.slice(0, -1)].filter(
        (f): f is InputFile => !!f && f.name !== kept.name,
      );
      wave[role] = kept;
    }
    this.noteReplaced(key, role, wave, replaced);
    // A new file may lay its columns out differently: forget the saved layout for it (detected
    // again on the run) but keep the review decisions, which are about names, not columns.
    const mapping = this.state.project.mapping;
    let nextMapping = mapping;
    if (mapping && role === 'surveys') {
      const names = new Set(files.map((f) => f.name));
      nextMapping = { ...mapping, surveys: mapping.surveys.filter((s) => !names.has(s.file)) };
    } else if (mapping && role === 'roster' && key === 'current') {
      nextMapping = { ...mapping, roster: null };
    }
    this.updateProject({ [key]: wave, demo: false, mapping: nextMapping } as Partial<ProjectData>, {
      rerun: true,
    });
  }

  /**
   * Keeps the files just replaced in a one-file slot, and forgets any earlier one that is in the
   * project again (added back, or used as a survey).
   */
  private noteReplaced(key: WaveKey, role: FileRole, wave: WaveFiles, files: InputFile[]): void {
    const inWave = new Set(
      [wave.roster, wave.codebook, wave.appraisals, wave.satisfaction, ...wave.surveys].map((f) => f?.name),
    );
    const by = role === 'surveys' ? '' : (wave[role]?.name ?? '');
    // An earlier survey replaced by one of its name stays said until it is used or dismissed.
    const stillOut = (r: ReplacedFile) =>
      r.role === 'surveys' ? !wave.surveys.includes(r.file) : !inWave.has(r.file.name);
    const earlier = this.state.replaced.filter((r) => r.wave !== key || stillOut(r));
    const added = files.map((file) => ({ wave: key, role, file, by: by || file.name }));
    if (added.length || earlier.length !== this.state.replaced.length)
      this.set({
        replaced: [
          ...earlier.filter((r) => !added.some((a) => a.wave === r.wave && a.file.name === r.file.name)),
          ...added,
        ],
      });
  }

  /** A replaced file goes in as a survey after all (it was taken for a codebook, say). */
  useReplacedAsSurvey(index: number): void {
    const entry = this.state.replaced[index];
    if (!entry) return;
    this.set({ replaced: this.state.replaced.filter((_, i) => i !== index) });
    // Beside a survey of its name (an earlier responses.csv), it goes in as a numbered copy.
    const taken = new Set(this.wave(entry.wave).surveys.map((f) => f.name));
    const name = freeName(entry.file.name, taken);
    this.addFiles(entry.wave, 'surveys', [name === entry.file.name ? entry.file : { ...entry.file, name }]);
  }

  /** The user has read that a file was replaced and leaves it out. */
  dismissReplaced(index: number): void {
    if (!this.state.replaced[index]) return;
    this.set({ replaced: this.state.replaced.filter((_, i) => i !== index) });
  }

  /** The user says a file is something else (a roster taken for a survey, say). */
  moveFile(key: WaveKey, from: FileRole, index: number, to: FileRole): void {
    if (from === to) return;
    const wave = { ...this.wave(key) };
    const file = from === 'surveys' ? wave.surveys[index] : wave[from];
    if (!file) return;
    if (from === 'surveys') wave.surveys = wave.surveys.filter((_, i) => i !== index);
    else wave[from] = null;
    // A file already in the target role swaps places rather than disappearing.
    const displaced = to === 'surveys' ? null : wave[to];
    if (to === 'surveys') wave.surveys = [...wave.surveys.filter((f) => f.name !== file.name), file];
    else wave[to] = file;
    if (displaced) {
      if (from === 'surveys') wave.surveys = [...wave.surveys, displaced];
      else wave[from] = displaced;
    }
    const mapping = this.prunedMapping(key, wave);
    this.updateProject({ [key]: wave, demo: false, mapping } as Partial<ProjectData>, { rerun: true });
  }

  removeFile(key: WaveKey, role: FileRole, index: number): void {
    const wave = { ...this.wave(key) };
    if (role === 'surveys') wave.surveys = wave.surveys.filter((_, i) => i !== index);
    else wave[role] = null;
    const empty = !wave.roster && wave.surveys.length === 0 && !wave.appraisals && !wave.satisfaction;
    if (key === 'baseline' && empty)
      this.updateProject(
        { baseline: null, demo: false, mapping: this.prunedMapping(key, null) },
        { rerun: true },
      );
    else
      this.updateProject(
        { [key]: wave, demo: false, mapping: this.prunedMapping(key, wave) } as Partial<ProjectData>,
        { rerun: true },
      );
  }

  clearBaseline(): void {
    this.updateProject({ baseline: null, mapping: this.prunedMapping('baseline', null) }, { rerun: true });
  }

  /**
   * The mapping to edit: the saved one, with what the last run detected for files it has no
   * entry for (a survey added after a decision or an edit), or all that the last run detected.
   */
  editableMapping(): Mapping | null {
    const { project, result, baseline } = this.state;
    const detected = result ? mergedMapping(result, baseline) : null;
    const saved = project.mapping;
    if (!saved || !detected) return saved ?? detected;
    const known = new Set(saved.surveys.map((s) => s.file));
    const added = detected.surveys.filter((s) => !known.has(s.file));
    if (added.length === 0 && saved.roster) return saved;
    return { ...saved, roster: saved.roster ?? detected.roster, surveys: [...saved.surveys, ...added] };
  }

  setMapping(mapping: Mapping, rerun = true): void {
    this.updateProject({ mapping }, { rerun });
  }

  /**
   * Columns and tie types detected again: the user's edits to them are forgotten, their review
   * decisions kept (a mapping of decisions only), and the step can be undone.
   */
  resetMapping(): void {
    const previous = this.state.project.mapping;
    const decisions = previous?.decisions ?? [];
    this.updateProject(
      { mapping: decisions.length > 0 ? { version: 1, roster: null, surveys: [], decisions } : null },
      { rerun: true, mappingBeforeReset: previous },
    );
  }

  canUndoReset(): boolean {
    return this.mappingBeforeReset !== null;
  }

  undoReset(): void {
    const previous = this.mappingBeforeReset;
    if (previous) this.setMapping(previous);
  }

  /** Records the user's decision for an unmatched name and re-runs with it. */
  decide(
    item: Pick<ReviewItem, 'text'> & Partial<Pick<ReviewItem, 'candidates'>>,
    decision: ReviewDecision,
  ): void {
    const mapping = this.editableMapping();
    if (!mapping) return;
    let next: Mapping;
    try {
      next = applyReviewDecision(mapping, item, decision);
    } catch (err) {
      this.notify({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
      return;
    }
    this.updateProject({ mapping: next }, { rerun: true, delay: 150 });
  }

  undoDecision(text: string): void {
    const mapping = this.editableMapping();
    if (!mapping) return;
    const key = nameKey(text);
    this.updateProject(
      { mapping: { ...mapping, decisions: mapping.decisions.filter((d) => nameKey(d.text) !== key) } },
      { rerun: true, delay: 150 },
    );
  }

  // --- weights, layout, view ----------------------------------------------------------------

  setWeights(weights: Weights): void {
    this.updateProject({ weights }, { rerun: true, delay: 500 });
  }

  resetWeights(): void {
    this.updateProject({ weights: {} }, { rerun: true });
  }

  saveLayout(layout: Positions): void {
    this.updateProject({ layout });
  }

  saveView(view: unknown): void {
    this.updateProject({ view });
  }

  setInvited(invited: Record<string, number>): void {
    this.updateProject({ invited }, { rerun: true, delay: 400 });
  }

  renameProject(name: string): void {
    this.updateProject({ name: name.trim() || 'Untitled project' });
  }
}

/**
 * Whether two files hold the same bytes: the same export added again. A file over 8 MB is
 * compared at its ends and at every 4,096th byte between, so that a large file added twice is
 * told apart from a new export of one name without a long task on the page's thread.
 */
export function sameContent(a: InputFile, b: InputFile): boolean {
  if (typeof a.data === 'string' || typeof b.data === 'string') return a.data === b.data;
  const x = a.data;
  const y = b.data;
  if (x.length !== y.length) return false;
  const whole = x.length <= 8 << 20;
  const ends = whole ? x.length : 1 << 16;
  for (let i = 0; i < Math.min(ends, x.length); i++)
    if (x[i] !== y[i] || x[x.length - 1 - i] !== y[y.length - 1 - i]) return false;
  if (!whole) for (let i = ends; i < x.length - ends; i += 4096) if (x[i] !== y[i]) return false;
  return true;
}

/** `name`, or when it is taken "name (2).ext", "name (3).ext"...: as a file manager numbers copies. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const next = `${stem} (${n})${ext}`;
    if (!taken.has(next)) return next;
  }
}
