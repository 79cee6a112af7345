import { build, version as esbuildVersion } from 'esbuild';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleUrls, type WorkerBoot } from './module-urls.js';
import { STAMP_FILE, stampOf, staleReason } from './stamp.js';

/** The repository root, and where the built CLI goes (gitignored). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/[\\/]$/, '');
export const OUT_DIR = join(ROOT, 'dist', 'cli');
export const CLI_ENTRY = join(OUT_DIR, 'main.js');

/**
 * Packages loaded from node_modules at run time instead of bundled: native addons and ML runtimes (which the
 * commands load only when they need them), the browser driver, and esbuild itself (the web app is bundled on
 * `serve`/`report`). Everything else, boardgame.io included (it has no `exports` map for Node to resolve its
 * subpaths by), goes into the bundle.
 */
export const EXTERNAL = ['better-sqlite3', 'onnxruntime-node', '@tensorflow/tfjs', 'playwright-core', 'esbuild'];

const SOURCE_DIRS = ['arena', 'games', 'metrics', 'web'];
const BOOT_IMPORT = /await import\(\s*['"](\.\/[^'"]+\.ts)['"]\s*\)/;

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/**
 * The worker threads' boot files: an `.mjs` that registers tsx and imports a TypeScript worker. Each worker is
 * bundled as an entry named after its boot file, and `new URL('./x-boot.mjs', import.meta.url)` points at it.
 */
export function findWorkerBoots(root = ROOT): WorkerBoot[] {
  const boots: WorkerBoot[] = [];
  for (const file of SOURCE_DIRS.flatMap((d) => walk(join(root, d), []))) {
    if (!file.endsWith('.mjs')) continue;
    const text = readFileSync(file, 'utf8');
    const target = BOOT_IMPORT.exec(text)?.[1];
    if (!text.includes('tsx/esm/api') || target === undefined) continue;
    const out = basename(file, '.mjs');
    const clash = boots.find((b) => b.out === out);
    if (clash || out === 'main') throw new Error(`two bundle entries named ${out}: ${relative(root, file)} and ${clash?.boot ?? 'arena/cli/main.ts'}`);
    boots.push({ boot: relative(root, file), entry: relative(root, join(file, '..', target)), out });
  }
  return boots;
}

/** Files whose change makes the bundle stale besides its inputs: the build itself and the package manifests. */
function buildFiles(root: string): string[] {
  const own = readdirSync(fileURLToPath(new URL('.', import.meta.url))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  return [...own.map((f) => relative(root, fileURLToPath(new URL(f, import.meta.url)))), 'package.json', 'package-lock.json'];
}

export interface BuildReport {
  readonly files: number;
  readonly bytes: number;
  readonly ms: number;
}

/**
 * Bundles arena/cli/main.ts and every worker entry into `outDir` (ESM, code-split, so each command's modules load
 * only when it runs). Writes to a fresh folder first and swaps it in, so a reader never sees half a build.
 */
export async function buildCli(root = ROOT, outDir = OUT_DIR): Promise<BuildReport> {
  const started = performance.now();
  const workers = findWorkerBoots(root);
  const staging = `${outDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [{ in: 'arena/cli/main.ts', out: 'main' }, ...workers.map((w) => ({ in: w.entry, out: w.out }))],
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none of its own.
    banner: { js: "import { createRequire as __arenaCreateRequire } from 'node:module'; const require = __arenaCreateRequire(import.meta.url);" },
    plugins: [moduleUrls(root, outDir, workers)],
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = [...Object.keys(result.metafile.inputs), ...buildFiles(root)];
  writeFileSync(join(staging, STAMP_FILE), `${JSON.stringify(stampOf(root, inputs, esbuildVersion))}\n`);
  const old = `${outDir}.${process.pid}.old`;
  try {
    renameSync(outDir, old);
  } catch {
    // Nothing built before.
  }
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
  const outputs = Object.values(result.metafile.outputs);
  return { files: outputs.length, bytes: outputs.reduce((n, o) => n + o.bytes, 0), ms: performance.now() - started };
}

/** Why the built CLI is out of date with its sources, or null when it is current. */
export function bundleStaleReason(root = ROOT, outDir = OUT_DIR): string | null {
  return staleReason(root, outDir, esbuildVersion);
}

/** Builds when the bundle is missing or stale; returns what it did, or null when the bundle was current. */
export async function ensureCli(root = ROOT, outDir = OUT_DIR): Promise<(BuildReport & { readonly reason: string }) | null> {
  const reason = bundleStaleReason(root, outDir);
  if (reason === null) return null;
  return { ...(await buildCli(root, outDir)), reason };
}

// `tsx arena/cli/bundle/build.ts [--if-stale]`: the `build` and `prepare` scripts.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifStale = process.argv.includes('--if-stale');
  const done = ifStale ? await ensureCli() : { ...(await buildCli()), reason: 'requested' };
  if (done) process.stdout.write(`built the CLI into ${relative(ROOT, OUT_DIR)}: ${done.files} files, ${(done.bytes / 1e6).toFixed(1)} MB in ${done.ms.toFixed(0)} ms (${done.reason})\n`);
}
