import { stringify } from 'yaml';
import { parseManifest, type RunManifest } from '../../manifest/manifest.js';
import type { Store } from '../../store/store.js';
import { UsageError } from '../../errors.js';
import { provenanceNotes, provenanceOf, rowProvenance, type Provenance } from '../../manifest/provenance.js';
import { PACKAGE_VERSION } from '../version.js';

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

/** The run's provenance as a leaderboard shows it (an old run without a manifest has only its kind to go on). */
export function runProvenance(store: Store, runId: string): Provenance {
  const stored = store.runManifest(runId);
  let manifest: RunManifest | undefined;
  try {
    manifest = stored === undefined ? undefined : parseManifest(stored, `run '${runId}'`);
  } catch {
    manifest = undefined;
  }
  return provenanceOf(manifest, PACKAGE_VERSION, store.getRun(runId)?.kind ?? '');
}

/**
 * A formatted leaderboard with its provenance: JSON gets a `provenance` object (agent → notes); the text formats
 * get note lines naming each row built from cached replies, another arena version or imported data.
 */
export function withProvenance(text: string, format: string, p: Provenance, agents: readonly string[]): string {
  const notes = provenanceNotes(p, agents);
  if (format === 'json') {
    const value = JSON.parse(text) as Record<string, unknown>;
    const rows: [string, string[]][] = agents.map((a) => [a, rowProvenance(p, a)]);
    return JSON.stringify({ ...value, provenance: Object.fromEntries(rows.filter(([, words]) => words.length > 0)) }, null, 2);
  }
  if (notes.length === 0 || format === 'csv') return text;
  return `${text}\n\nProvenance:\n${notes.map((n) => `  ${n}`).join('\n')}`;
}
