import { existsSync } from 'node:fs';
import { MIGRATIONS } from '../../store/migrations.js';
import { DEFAULT_STORE, Store } from '../../store/store.js';
import { UsageError } from '../../errors.js';

/**
 * Opens an existing results store. Reading commands open it read-only, so they never create tables in, migrate or
 * otherwise change the file; `write` (for commands that add a run) reopens it for writing once it is known to be an
 * arena store. A missing file, a file that is not SQLite or a SQLite file without the arena's tables is a usage
 * error naming it.
 */
export function openExistingStore(path: string | undefined, options: { readonly write?: boolean } = {}): Store {
  const file = path ?? DEFAULT_STORE;
  if (!existsSync(file)) throw new UsageError(`no results store at '${file}'; run a tournament first or pass --store <file>`);
  let store: Store;
  let version: number;
  let hasRuns: boolean;
  try {
    store = new Store(file, { readonly: true });
    version = store.schemaVersion();
    hasRuns = store.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'runs'`).get() !== undefined;
  } catch (err) {
    throw new UsageError(`'${file}' is not an arena results store (${err instanceof Error ? err.message : String(err)})`);
  }
  if (version === 0 || !hasRuns) {
    store.close();
    throw new UsageError(`'${file}' is not an arena results store (it has no arena tables); pass the store a tournament wrote with --store <file>`);
  }
  if (version < MIGRATIONS.length && !options.write) {
    store.close();
    throw new UsageError(`results store '${file}' has schema version ${version}, older than this arena's ${MIGRATIONS.length}; running \`arena tournament\` on it migrates it`);
  }
  if (!options.write) return store;
  store.close();
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
