import { stringify } from 'yaml';
import { parseManifest, type RunManifest } from '../../manifest/manifest.js';
import type { Store } from '../../store/store.js';
import { UsageError } from '../../errors.js';

/** A stored run's manifest, validated; runs made before manifests were recorded have none (a usage error). */
export function runManifestOf(store: Store, runId: string): RunManifest {
  const stored = store.runManifest(runId);
  if (stored === undefined) throw new UsageError(`run '${runId}' has no manifest (it was made by an arena version that did not record one)`);
  try {
    return parseManifest(stored, `run '${runId}'`);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}

/** The text `arena runs --show` prints: the run's identity, then its manifest. */
export function showManifest(store: Store, runId: string, json: boolean): string {
  const row = store.getRun(runId);
  const manifest = runManifestOf(store, runId);
  const doc = { run: row?.name ?? runId, kind: row?.kind, status: row?.status, created: row?.created_at, manifest };
  return json ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc);
}
