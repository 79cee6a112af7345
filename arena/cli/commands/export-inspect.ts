import { strToU8, zipSync } from 'fflate';
import { inspectArchiveMembers, inspectLog } from '../../../metrics/export/inspect.js';
import { UsageError } from '../../errors.js';
import { PACKAGE_VERSION } from '../version.js';
import type { ExportSource } from './export-tables.js';

/** An export as an Inspect log file: `.eval` (the zip archive Inspect writes) or `.json` (the whole log in one document). */
export function inspectFile(out: string, source: ExportSource, now: () => Date = () => new Date()): Uint8Array | string {
  const created = new Date(source.created ?? now().toISOString()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const log = inspectLog(source.matches, { run: source.run, created, arenaVersion: source.manifest?.arena.version ?? PACKAGE_VERSION, ...(source.manifest ? { manifest: source.manifest } : {}) });
  if (out.endsWith('.json')) return `${JSON.stringify(log, null, 2)}\n`;
  if (!out.endsWith('.eval')) throw new UsageError(`--out for --format inspect must end in .eval (Inspect's archive) or .json, got '${out}'`);
  const members = inspectArchiveMembers(log);
  // Deterministic archive: fixed member times, members in Inspect's own order.
  const mtime = new Date(created);
  return zipSync(Object.fromEntries(Object.entries(members).map(([name, text]) => [name, [strToU8(text), { mtime, level: 6 }]])));
}
