// The index weights editor: one slider per component with its rationale, reset to defaults. Any
// change re-runs the analysis in the worker (debounced); weights are saved with the project.
import {
  COMPONENT_KEYS,
  COMPONENT_LABELS,
  DEFAULT_WEIGHTS,
  WEIGHTS_OVERVIEW,
  WEIGHTS_RATIONALE,
} from '../../core/scorecard/weights';
import { h } from '../dom';
import type { Store } from '../store';

export function weightsEditor(store: Store): { element: HTMLElement; update(): void } {
  const details = h('details', { class: 'panel', 'data-testid': 'weights-editor' });
  details.appendChild(
    h('summary', {}, h('strong', { text: 'Index weights' }), ' — how the relational-capital index is built'),
  );
  details.appendChild(h('p', { class: 'small muted', text: WEIGHTS_OVERVIEW }));
  const total = h('p', { class: 'small', 'aria-live': 'polite' });
  const inputs = new Map<string, { input: HTMLInputElement; out: HTMLOutputElement }>();
  for (const key of COMPONENT_KEYS) {
    const id = `weight-${key}`;
    const input = h('input', {
      type: 'range',
      id,
      min: 0,
      max: 40,
      step: 2.5,
      'aria-describedby': `${id}-why`,
    });
    const out = h('output', { for: id });
    input.addEventListener('input', () => {
      out.textContent = `${input.value}%`;
    });
    input.addEventListener('change', () => {
      const weights: Record<string, number> = { ...store.getState().project.weights };
      weights[key] = Number(input.value) / 100;
      store.setWeights(weights);
    });
    details.appendChild(
      h('div', { class: 'slider-row' }, h('label', { for: id, text: COMPONENT_LABELS[key] }), input, out),
    );
    details.appendChild(h('p', { class: 'small muted', id: `${id}-why`, text: WEIGHTS_RATIONALE[key] }));
    inputs.set(key, { input, out });
  }
  const reset = h('button', { type: 'button', text: 'Reset to defaults' });
  reset.addEventListener('click', () => store.resetWeights());
  details.append(total, reset);

  function update(): void {
    const weights = store.getState().project.weights;
    let sum = 0;
    for (const key of COMPONENT_KEYS) {
      const w = weights[key] ?? DEFAULT_WEIGHTS[key];
      sum += w;
      const entry = inputs.get(key)!;
      if (document.activeElement !== entry.input) entry.input.value = String(Math.round(w * 1000) / 10);
      entry.out.textContent = `${Math.round(w * 1000) / 10}%`;
    }
    const changed = Object.keys(weights).length > 0;
    total.textContent = `Weights add up to ${Math.round(sum * 1000) / 10}%; they are rescaled to 100% over the components each person has.${changed ? ' You have changed the defaults.' : ''}`;
  }
  update();
  return { element: details, update };
}
