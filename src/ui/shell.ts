// The app shell: header with navigation, the run bar (progress and Cancel while the worker runs),
// notices, and the current view mounted into <main>.
import { announce, clear, fmt, h } from './dom';
import { resultIsStale, type Store, type ViewName } from './store';
import { missingInputs } from './project';
import type { View, ViewFactory } from './views/view';
import { mountImport } from './views/import-view';
import { mountMapView } from './views/map-view';
import { mountPeople } from './views/people-view';
import { mountScorecard } from './views/scorecard-view';
import { mountServices } from './views/services-view';
import { isMetricNote, mountQuality } from './views/quality-view';
import { mountReport } from './views/report-view';

/** A count with its noun, plural unless the count is 1: "1 data note", "3 data notes". */
function counted(n: number, noun: string): string {
  return `${fmt(n)} ${noun}${n === 1 ? '' : 's'}`;
}

const NAV: { view: ViewName; label: string }[] = [
  { view: 'import', label: 'Import' },
  { view: 'map', label: 'Map' },
  { view: 'people', label: 'People' },
  { view: 'services', label: 'Services' },
  { view: 'quality', label: 'Quality' },
  { view: 'report', label: 'Report' },
];

const FACTORIES: Record<ViewName, ViewFactory> = {
  import: mountImport,
  map: mountMapView,
  people: mountPeople,
  person: mountScorecard,
  services: mountServices,
  quality: mountQuality,
  report: mountReport,
};

const TITLES: Record<ViewName, string> = {
  import: 'Import',
  map: 'Relationship map',
  people: 'People',
  person: 'Scorecard',
  services: 'Services',
  quality: 'Data quality',
  report: 'Report and exports',
};

export function mountShell(root: HTMLElement, store: Store): void {
  const navLinks = new Map<ViewName, HTMLAnchorElement>();
  const nav = h('nav', { class: 'app-nav', 'aria-label': 'Main' });
  const list = h('ul');
  for (const item of NAV) {
    const a = h('a', { href: `#/${item.view}`, 'data-view': item.view, text: item.label });
    a.addEventListener('click', (event) => {
      event.preventDefault();
      store.navigate({ view: item.view });
    });
    navLinks.set(item.view, a);
    list.appendChild(h('li', {}, a));
  }
  nav.appendChild(list);
  const projectName = h('span', { class: 'project-name' });
  const qualityCount = h('span', { class: 'visually-hidden' });
  const header = h(
    'header',
    { class: 'app-header' },
    // The app's name is the page's one level-one heading; each view's title is an h2 under it.
    h('h1', { class: 'brand' }, h('img', { src: './favicon.svg', alt: '' }), 'Civic Ties'),
    projectName,
    nav,
    h('div', { class: 'header-tools' }, h('span', { text: 'Runs on this computer: nothing is uploaded.' })),
  );

  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Analysis progress' });
  const phase = h('span', { role: 'status', 'aria-live': 'polite', class: 'run-phase' });
  const cancel = h('button', { type: 'button', class: 'cancel-run', text: 'Cancel' });
  cancel.addEventListener('click', () => store.cancel());
  const rerun = h('button', { type: 'button', text: 'Run again' });
  rerun.addEventListener('click', () => store.run());
  const demoNote = h('span', { class: 'demo-note small' });
  const ownData = h('button', { type: 'button', class: 'link', text: 'Use your own files' });
  ownData.addEventListener('click', () => store.navigate({ view: 'import' }));
  demoNote.append('Showing the demo: a fictional town, made-up people. ', ownData);
  const runBar = h(
    'div',
    { class: 'run-bar', 'data-testid': 'run-bar' },
    // Cancel sits beside the fixed-width bar, not after the phase text, whose width changes with
    // each step: a button that moves as the run goes on cannot be clicked.
    progress,
    cancel,
    phase,
    rerun,
    demoNote,
  );

  const banner = h('div', { 'aria-live': 'assertive' });
  const main = h('main', { id: 'main', tabindex: -1 });
  const announcer = h('div', { id: 'announcer', class: 'visually-hidden', 'aria-live': 'polite' });
  // The run bar and notices in a named region, so they sit in a landmark like the rest of the page.
  const status = h('section', { 'aria-label': 'Analysis status' }, runBar, banner);
  root.append(header, status, main, announcer, qualityCount);

  let current: { name: ViewName; id: string | undefined; epoch: number; view: View } | null = null;
  let lastNotice: unknown = null;
  let lastRunKey = '';

  function renderRun(): void {
    const state = store.getState();
    const { run, result, ready } = state;
    const running = run.status === 'running';
    // The result on show may be from inputs since changed (a file removed, a run stopped).
    const stale = resultIsStale(state);
    const missing = missingInputs(state.project);
    const key = `${run.status}|${run.phase}|${Math.round(run.fraction * 100)}|${!!result}|${stale}|${!!missing}|${ready}|${state.project.demo}`;
    if (key === lastRunKey) return;
    lastRunKey = key;
    progress.hidden = !running;
    progress.value = run.fraction;
    // A run's phase and percentage change dozens of times a second: busy, the line is not read out
    // at each step, only its last words once the run ends (the progress bar shows the steps).
    phase.setAttribute('aria-busy', String(running));
    // Cancel hides itself once the run stops: focus goes on to Run again (or the page), not lost.
    const cancelHadFocus = document.activeElement === cancel;
    cancel.hidden = !running;
    rerun.hidden = running || (!result && run.status !== 'cancelled') || !!missing;
    if (cancelHadFocus && cancel.hidden) (rerun.hidden ? main : rerun).focus();
    demoNote.hidden = !state.project.demo;
    phase.className = stale && !running ? 'run-phase status-stale' : 'run-phase';
    const old = stale
      ? ' The results shown are from an earlier run: they do not reflect the files and changes since.'
      : '';
    if (!ready) phase.textContent = 'Opening your project…';
    else if (running) phase.textContent = `${run.phase || 'Working'} — ${Math.round(run.fraction * 100)}%`;
    else if (run.status === 'cancelled')
      phase.textContent = result
        ? `Run cancelled. The previous results are still shown.${stale ? ' They do not reflect your latest changes.' : ''}`
        : 'Run cancelled: there are no results yet. Run again to analyse the files.';
    // The error banner under this bar says the run stopped, with the file and why: saying it here
    // too read as two messages. Only whether the results on show are old is left to say.
    else if (run.status === 'error')
      phase.textContent = run.error ? old.trim() : `The last run stopped.${old}`;
    else if (stale) phase.textContent = `${run.status === 'idle' ? run.phase : ''}${old}`.trim();
    else if (result) {
      phase.className = 'run-phase status-ok';
      const people = store.getState().result?.scorecards.length ?? 0;
      // Notes on the network metrics are not problems in the data: counted apart (as in Quality).
      const metricNotes = result.quality.issues.filter(isMetricNote).length;
      const dataNotes = result.quality.issues.length - metricNotes;
      phase.textContent = `Analysis up to date: ${counted(people, 'public servant')}, ${counted(result.ties.length, 'nomination')}, ${counted(dataNotes, 'data note')}, ${counted(metricNotes, 'note')} on the network metrics.`;
    } else phase.textContent = run.phase || 'No data yet: add files in Import, or load the demo.';
  }

  function renderBanner(): void {
    const { notice, run, route } = store.getState();
    const onImport = route.view === 'import';
    const key = [notice, run.status === 'error' ? run.error : null, onImport];
    if (lastNotice && JSON.stringify(lastNotice) === JSON.stringify(key)) return;
    lastNotice = key;
    clear(banner);
    if (run.status === 'error' && run.error) {
      const e = run.error;
      const where = [
        e.wave === 'baseline' ? 'baseline wave' : e.wave === 'current' ? 'current wave' : null,
        e.file,
        e.row != null ? `row ${e.row}` : null,
        e.column != null ? `column “${e.column}”` : null,
      ]
        .filter(Boolean)
        .join(', ');
      // On Import already, the files to fix are right below: no button to where the user is.
      const go = onImport ? '' : h('button', { type: 'button', text: 'Go to Import' });
      if (go) go.addEventListener('click', () => store.navigate({ view: 'import' }));
      banner.appendChild(
        h(
          'div',
          { class: 'banner error', role: 'alert', 'data-testid': 'run-error' },
          h('strong', { text: 'The analysis stopped. ' }),
          `${where ? `${where}: ` : ''}${e.message}`,
          go,
        ),
      );
    }
    if (notice) {
      const close = h('button', { type: 'button', text: 'Dismiss' });
      close.addEventListener('click', () => store.dismissNotice());
      banner.appendChild(
        h(
          'div',
          { class: `banner ${notice.kind}`, role: notice.kind === 'error' ? 'alert' : 'status' },
          notice.text,
          close,
        ),
      );
    }
  }

  function renderView(): void {
    const { route, project, epoch } = store.getState();
    projectName.textContent = project.name;
    const active = route.view === 'person' ? 'people' : route.view;
    for (const [view, a] of navLinks) {
      if (view === active) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    if (current && current.name === route.view && current.id === route.id && current.epoch === epoch) {
      current.view.update();
      return;
    }
    // Focus moves to the new heading only when the user navigated (not when a project was reopened).
    const moveFocus = current !== null && current.epoch === epoch;
    current?.view.destroy();
    clear(main);
    const view = FACTORIES[route.view](main, store);
    current = { name: route.view, id: route.id, epoch, view };
    view.update();
    document.title = `${TITLES[route.view]} · Civic Ties`;
    if (moveFocus) {
      // After navigation, focus the new view's heading so keyboard and screen-reader users land on it.
      const heading = main.querySelector('h2');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: false });
      }
      announce(`${TITLES[route.view]} view`);
    }
  }

  const render = (): void => {
    renderRun();
    renderBanner();
    renderView();
  };
  store.subscribe(render);
  render();
}
