import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { mlpFromOnnx } from '../../arena/verifier/onnx-export.js';
import { recipeArgs, type VerifierRecipe } from '../../arena/verifier/pipeline.js';
import { DEFAULT_VERIFIER_MODEL } from '../../arena/verifier/runtime.js';
import type { BenchResult } from './types.js';

/**
 * Reproduces every other shipped verifier model (the learned ORM and PAV pairs) with the one command its recipe
 * gives (`arena verifier train` with the recipe's options, as models/README.md lists them), with the built CLI in
 * a fresh directory, and fails unless each file is byte for byte the shipped one. Takes many minutes: run it alone
 * with `npm run bench verifier-reproduce-all`.
 */
export async function bench(): Promise<BenchResult[]> {
  const dir = dirname(DEFAULT_VERIFIER_MODEL);
  const out: BenchResult[] = [];
  const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.onnx') && join(dir, f) !== DEFAULT_VERIFIER_MODEL).sort()) {
    const shipped = readFileSync(join(dir, file));
    const recipe = JSON.parse(mlpFromOnnx(new Uint8Array(shipped)).metadata.recipe ?? '{}') as VerifierRecipe;
    const cwd = mkdtempSync(join(tmpdir(), 'arena-verifier-reproduce-'));
    const start = performance.now();
    const run = spawnSync(process.execPath, [join(process.cwd(), 'arena/cli/bin.js'), 'verifier', 'train', ...recipeArgs(recipe), '--out', 'model.onnx'], { cwd, encoding: 'utf8' });
    const seconds = (performance.now() - start) / 1000;
    if (run.status !== 0) throw new Error(`verifier train for ${file} failed (exit ${run.status}): ${run.stderr.trim().split('\n').at(-1) ?? ''}`);
    const made = readFileSync(join(cwd, 'model.onnx'));
    if (!made.equals(shipped)) throw new Error(`the recipe's command does not reproduce ${basename(file)}: sha256 ${sha(made)}, shipped ${sha(shipped)}`);
    out.push({ name: `verifier train reproduces ${file}`, value: Number(seconds.toFixed(1)), unit: 's', note: `byte for byte, sha256 ${sha(made).slice(0, 16)}` });
  }
  return out;
}
