import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './types.js';

/** Runs every `*.bench.ts` (or those whose path contains one of the CLI arguments) and prints their figures. */
function findBenches(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findBenches(path, out);
    else if (name.endsWith('.bench.ts')) out.push(path);
  }
  return out;
}

const root = process.cwd();
const filters = process.argv.slice(2);
const files = ['games', 'arena', 'metrics', 'web', 'test']
  .flatMap((d) => findBenches(join(root, d), []))
  .filter((f) => filters.length === 0 || filters.some((flt) => f.includes(flt)))
  .sort();
if (files.length === 0) {
  process.stderr.write(`no benchmark matches ${filters.join(', ')}\n`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const rel = relative(root, file);
  process.stdout.write(`\n## ${rel}\n`);
  try {
    const mod = (await import(pathToFileURL(file).href)) as { bench?: () => Promise<BenchResult[]> };
    if (typeof mod.bench !== 'function') throw new Error('exports no bench()');
    for (const r of await mod.bench()) {
      const value = Number.isInteger(r.value) ? String(r.value) : r.value.toPrecision(4);
      process.stdout.write(`  ${r.name.padEnd(58)} ${value.padStart(12)} ${r.unit}${r.note ? `  (${r.note})` : ''}\n`);
    }
  } catch (err) {
    failed++;
    process.stdout.write(`  FAILED: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
