// The Report view: the self-contained HTML report and every export (scorecards, change, metrics,
// network for Gephi/networkx, quality, mapping), residents pseudonymised unless the user chooses
// names; and the project file (export to move the work, import to continue it elsewhere).
import { toCsv, toGexf, toGraphml, edgesCsv, nodesCsv } from '../../core/export';
import { SCORECARD_COLUMNS, CHANGE_COLUMNS } from '../../core/scorecard';
import { buildNetwork } from '../../core/network/build';
import { computeLayout } from '../../core/layout';
import type { PipelineResult } from '../../core/pipeline';
import { clear, download, h, announce } from '../dom';
import { parseProjectFile, serialiseProjectFile } from '../project-file';
import { mergedMapping, type Store } from '../store';
import type { View, ViewFactory } from './view';

interface ReportModule {
  buildReport(
    result: PipelineResult,
    options: {
      positions?: Record<string, { x: number; y: number }>;
      includeNames: boolean;
      baseline?: PipelineResult | null;
    },
  ): string;
}
// Loaded on demand: the report builder (charts, templates) is only needed when someone downloads it.
const reportModules = import.meta.glob<ReportModule>('../../core/report/index.ts');

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'civic-ties'
  );
}

function positionsFor(store: Store, result: PipelineResult): Record<string, { x: number; y: number }> {
  const saved = store.getState().project.layout;
  if (saved && Object.keys(saved).length > 0) return saved;
  const network = buildNetwork(result.actors, result.ties);
  return computeLayout(network.union, { seed: 1 });
}

/** Scorecards without the ids of the people who named each person (respondent keys stay private). */
function publicScorecards(result: PipelineResult): Record<string, unknown>[] {
  return result.scorecards.map((card) => {
    const { civilNamers: _drop, ...rest } = card as unknown as Record<string, unknown> & {
      civilNamers?: unknown;
    };
    return rest;
  });
}

export const mountReport: ViewFactory = (container, store): View => {
  container.append(
    h('h2', { text: 'Report and exports' }),
    h('p', {
      class: 'muted',
      text: 'Everything is written on this computer. Public servants keep their names (they are assessed in their public role); residents, volunteers and service users are shown by type and a pseudonym unless you choose otherwise.',
    }),
  );
  const names = h('input', { type: 'checkbox', id: 'include-names' });
  names.addEventListener('change', () => {
    if (
      names.checked &&
      !confirm(
        'Include the names of residents, volunteers and service users in the report and exports? Only do this if they agreed to be named.',
      )
    ) {
      names.checked = false;
      return;
    }
    store.setIncludeNames(names.checked);
  });
  const privacy = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'privacy-heading' },
    h('h3', { id: 'privacy-heading', text: 'Names' }),
    h(
      'p',
      {},
      names,
      ' ',
      h('label', {
        for: 'include-names',
        text: 'Include the names of residents, volunteers and service users (off by default: they are pseudonymised)',
      }),
    ),
  );
  const status = h('p', { class: 'small', role: 'status', 'aria-live': 'polite' });
  const downloads = h('section', { class: 'panel', 'aria-labelledby': 'downloads-heading' });
  const projectPanel = h('section', { class: 'panel', 'aria-labelledby': 'project-heading' });
  container.append(privacy, downloads, projectPanel, status);

  function button(label: string, testid: string, action: () => void | Promise<void>): HTMLButtonElement {
    const b = h('button', { type: 'button', 'data-testid': testid, text: label });
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        await action();
      } catch (err) {
        status.textContent = `That download failed: ${err instanceof Error ? err.message : String(err)}`;
      } finally {
        b.disabled = false;
      }
    });
    return b;
  }

  function renderDownloads(): void {
    clear(downloads);
    downloads.appendChild(h('h3', { id: 'downloads-heading', text: 'Downloads' }));
    const { result, project, includeNames } = store.getState();
    if (!result) {
      downloads.appendChild(h('p', { class: 'muted', text: 'Run an analysis first.' }));
      return;
    }
    const base = slug(project.name);
    const nodeMetrics = result.metrics.nodes as unknown as Record<string, Record<string, unknown>>;
    const list = h('div', { class: 'grid-3' });
    const item = (b: HTMLButtonElement, help: string): HTMLElement =>
      h('div', {}, b, h('p', { class: 'small muted', text: help }));
    list.append(
      item(
        button('Report (HTML)', 'download-report', async () => {
          const loader = reportModules['../../core/report/index.ts'];
          if (!loader) throw new Error('the report builder is not part of this build');
          status.textContent = 'Building the report…';
          const { buildReport } = await loader();
          const html = buildReport(result, {
            positions: positionsFor(store, result),
            includeNames: store.getState().includeNames,
            baseline: store.getState().baseline,
          });
          download(`${base}-report.html`, html, 'text/html;charset=utf-8');
          status.textContent =
            'Report downloaded. It opens in any browser, offline; print it to PDF for a page per scorecard.';
        }),
        'One self-contained file: summary, map, charts, methods and a page per public servant.',
      ),
      item(
        button('Scorecards (CSV)', 'download-scorecards-csv', () =>
          download(
            `${base}-scorecards.csv`,
            toCsv(publicScorecards(result), SCORECARD_COLUMNS),
            'text/csv;charset=utf-8',
          ),
        ),
        'One row per public servant; opens in a spreadsheet (formulas neutralised).',
      ),
      item(
        button('Scorecards (JSON)', 'download-scorecards-json', () =>
          download(
            `${base}-scorecards.json`,
            JSON.stringify(publicScorecards(result), null, 2),
            'application/json',
          ),
        ),
        'The same, with the full index breakdown and intervals.',
      ),
      item(
        button('Metrics (JSON)', 'download-metrics', () =>
          download(`${base}-metrics.json`, JSON.stringify(result.metrics, null, 2), 'application/json'),
        ),
        'Every node and graph metric, for the union network and each tie type.',
      ),
      item(
        button('Network (GEXF)', 'download-gexf', () => {
          const network = buildNetwork(result.actors, result.ties);
          download(
            `${base}-network.gexf`,
            toGexf(network.union, nodeMetrics, {
              includeNames,
              positions: positionsFor(store, result),
              layers: network.layers,
            }),
            'application/xml',
          );
        }),
        'Opens in Gephi and networkx, with every metric as a node attribute.',
      ),
      item(
        button('Network (GraphML)', 'download-graphml', () => {
          const network = buildNetwork(result.actors, result.ties);
          download(
            `${base}-network.graphml`,
            toGraphml(network.union, nodeMetrics, {
              includeNames,
              positions: positionsFor(store, result),
              layers: network.layers,
            }),
            'application/xml',
          );
        }),
        'For networkx, igraph, yEd.',
      ),
      // One file per click: a browser may block a second download started by the same click.
      item(
        button('Edges (CSV)', 'download-edges', () =>
          download(`${base}-edges.csv`, edgesCsv(result.ties), 'text/csv;charset=utf-8'),
        ),
        "Who named whom, by tie type, for UCINET or R (as the command line's edges.csv).",
      ),
      item(
        button('Nodes (CSV)', 'download-nodes', () =>
          download(`${base}-nodes.csv`, nodesCsv(result.actors, { includeNames }), 'text/csv;charset=utf-8'),
        ),
        'Every actor with type, sector, role and service, to go with the edges.',
      ),
      item(
        button('Data quality (JSON)', 'download-quality', () =>
          download(`${base}-quality.json`, JSON.stringify(result.quality, null, 2), 'application/json'),
        ),
        'Every problem found, with file, row and column.',
      ),
      item(
        // Both waves' files: a baseline's own column edits are in it too (trial Z found them lost).
        button('Mapping (JSON)', 'download-mapping', () =>
          download(
            `${base}-mapping.json`,
            JSON.stringify(mergedMapping(result, store.getState().baseline), null, 2),
            'application/json',
          ),
        ),
        'How the files were read; reusable with the command line’s --mapping.',
      ),
    );
    if (result.change) {
      list.appendChild(
        item(
          button('Change since baseline (CSV)', 'download-change', () => {
            const rows = (result.change ?? []) as unknown as Record<string, unknown>[];
            const extra = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
              (c) => !CHANGE_COLUMNS.includes(c) && !/Ids$/.test(c),
            );
            download(
              `${base}-change.csv`,
              toCsv(rows, [...CHANGE_COLUMNS.filter((c) => !/Ids$/.test(c)), ...extra]),
              'text/csv;charset=utf-8',
            );
          }),
          'Each indicator before, after, the change and its 95% interval.',
        ),
      );
    }
    downloads.appendChild(list);
  }

  function renderProject(): void {
    clear(projectPanel);
    projectPanel.appendChild(h('h3', { id: 'project-heading', text: 'Project file' }));
    projectPanel.appendChild(
      h('p', {
        class: 'small muted',
        text: 'The project is saved in this browser as you work. To continue on another computer, or keep a copy, export it as one file: it holds your input files, mapping, review decisions, weights and map layout.',
      }),
    );
    const exportButton = button('Export project file', 'export-project', () => {
      const { project } = store.getState();
      download(`${slug(project.name)}.civic-ties.json`, serialiseProjectFile(project), 'application/json');
      announce('Project file downloaded.');
    });
    const input = h('input', {
      type: 'file',
      id: 'import-project',
      accept: '.json,application/json',
      'data-testid': 'import-project',
    });
    const message = h('p', { role: 'alert', 'data-testid': 'import-project-message' });
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      const parsed = parseProjectFile(await file.text());
      if (!parsed.ok) {
        message.className = 'banner error';
        message.textContent = parsed.reason;
        return;
      }
      message.className = '';
      message.textContent = '';
      store.openProject(parsed.project);
    });
    projectPanel.append(
      exportButton,
      h('p', {}, h('label', { for: 'import-project', text: 'Open a project file: ' }), input),
      message,
    );
  }

  let last: unknown = null;
  let lastNames: boolean | null = null;
  renderProject();
  return {
    update() {
      const { result, includeNames } = store.getState();
      names.checked = includeNames;
      if (result === last && includeNames === lastNames) return;
      last = result;
      lastNames = includeNames;
      renderDownloads();
    },
    destroy() {},
  };
};
