import type { RunInfo } from '../../shared/api.js';
import { bar, el } from '../dom.js';
import { int } from '../format.js';
import type { PageContext } from './common.js';

/** How often a page of a running run (served live) draws itself again with fresh data. */
export const LIVE_REFRESH_MS = 3000;

/** True while a run's tournament is still writing to the store. */
export function isRunning(run: RunInfo): boolean {
  return run.status === 'running';
}

/** A running run's progress: matches finished of planned, errors, and a bar. Null for a finished run. */
export function runProgress(run: RunInfo): HTMLElement | null {
  if (!isRunning(run)) return null;
  const done = run.counts.completed + run.counts.errors;
  return el(
    'div',
    { class: 'run-progress', id: 'run-progress' },
    el('span', {}, `Running: ${int(done)} of ${int(run.counts.total)} matches finished (${int(run.counts.errors)} errors); this page refreshes by itself.`),
    bar(run.counts.total > 0 ? done / run.counts.total : 0),
  );
}

/**
 * Redraws the page after a while when its run is still running and the data comes from the live server (the
 * server re-reads runs that changed). The redraw replays the current route, so filters and page stay.
 */
export function refreshWhileRunning(ctx: PageContext, run: RunInfo): void {
  if (ctx.source.kind !== 'server' || !isRunning(run)) return;
  const timer = setTimeout(() => window.dispatchEvent(new HashChangeEvent('hashchange')), LIVE_REFRESH_MS);
  ctx.onLeave(() => clearTimeout(timer));
}
