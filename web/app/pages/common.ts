import type { RunInfo, RunsResponse } from '../../shared/api.js';
import { el } from '../dom.js';
import type { Source } from '../source.js';

/** What every page gets: where to draw, the data source, the route parameters, and a cleanup registry. */
export interface PageContext {
  readonly root: HTMLElement;
  readonly source: Source;
  readonly params: URLSearchParams;
  /** Registers a function to run when the page is left (listeners on document, timers). */
  onLeave(fn: () => void): void;
}

/** The run shown when none is asked for: the newest tournament run (not a regression run), else the newest run. */
export function defaultRun(runs: RunsResponse): RunInfo | undefined {
  return runs.runs.find((r) => r.kind !== 'regress' && r.regression === null) ?? runs.runs[0];
}

/** The run a page shows: the `run` parameter (id or name), else the default run. */
export function pickRun(runs: RunsResponse, wanted: string | null): RunInfo {
  const run = (wanted ? (runs.runs.find((r) => r.id === wanted) ?? runs.runs.find((r) => r.name === wanted)) : undefined) ?? defaultRun(runs);
  if (!run) throw new Error('the results store has no runs yet');
  return run;
}

export function runOptions(runs: RunsResponse): { value: string; text: string }[] {
  return runs.runs.map((r) => ({ value: r.id, text: `${r.name} (${r.kind}, ${r.counts.completed}/${r.counts.total})` }));
}

/** The page's heading; it also names the browser tab (and history entry) after the page. */
export function heading(text: string, sub?: string): HTMLElement {
  document.title = `${text} — Arena`;
  return el('div', { class: 'heading' }, el('h1', {}, text), sub ? el('p', { class: 'sub' }, sub) : null);
}

/** Marks the page as fully drawn (tests and the benchmark wait for this). */
export function ready(page: string): void {
  document.body.dataset['page'] = page;
  document.body.dataset['ready'] = '1';
  (window as Window & { __arenaReadyAt?: number }).__arenaReadyAt = performance.now();
}

export function canvasBox(id: string, title: string, cls = 'chart'): { box: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = el('canvas', { id, ariaLabel: title });
  return { box: el('figure', { class: cls }, el('figcaption', {}, title), el('div', { class: 'canvas-wrap' }, canvas)), canvas };
}
