import { existsSync } from 'node:fs';
import { DEFAULT_STORE, Store } from '../../store/store.js';
import { UsageError } from '../../errors.js';

/** Opens the results store for reading; a missing file is a usage error naming it. */
export function openExistingStore(path: string | undefined): Store {
  const file = path ?? DEFAULT_STORE;
  if (!existsSync(file)) throw new UsageError(`no results store at '${file}'; run a tournament first or pass --store <file>`);
  return new Store(file);
}

/** Resolves a run by id or name, or the newest run when none is given; unknown names list the runs. */
export function pickRun(store: Store, run: string | undefined): string {
  if (run === undefined) {
    const newest = store.listRuns()[0];
    if (!newest) throw new UsageError(`the results store '${store.path}' has no runs yet`);
    return newest.id;
  }
  const row = store.getRun(run);
  if (!row) throw new UsageError(`unknown run '${run}'; runs in ${store.path}: ${store.listRuns().map((r) => r.name).join(', ') || '(none)'}`);
  return row.id;
}
