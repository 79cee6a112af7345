import type { Store } from '../../store/store.js';

/**
 * Ctrl-C (SIGINT) or SIGTERM aborts the controller: the run stops scheduling and ends cleanly with its completed
 * matches stored. A second signal exits at once. Returns the function that removes the handlers.
 */
export function interruptOnSignals(controller: AbortController): () => void {
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nStopping: no new matches start; matches in flight are abandoned and stay pending (Ctrl-C again to quit at once).\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/**
 * One line saying what a run is missing and how to resume, or undefined when every planned match is done:
 * "Incomplete: 4 of 6 matches not played (4 infrastructure errors, e.g. ...). Run the same command again to resume."
 */
export function incompleteSummary(store: Store, runId: string): string | undefined {
  const pending = store.pendingMatches(runId);
  if (pending.length === 0) return undefined;
  const { total } = store.counts(runId);
  const errors = pending.filter((m) => m.status === 'error');
  const notStarted = pending.length - errors.length;
  const parts: string[] = [];
  if (errors.length > 0) {
    const first = errors.find((m) => m.error_message)?.error_message ?? 'no message';
    parts.push(`${errors.length} ended in infrastructure errors, e.g. ${first.replace(/\s+/g, ' ')}`);
  }
  if (notStarted > 0) parts.push(`${notStarted} not started`);
  return `Incomplete (exit 3): ${pending.length} of ${total} matches of run '${runId}' have no result (${parts.join('; ')}). Run the same command again to resume them.`;
}
