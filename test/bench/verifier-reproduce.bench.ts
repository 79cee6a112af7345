import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_VERIFIER_MODEL } from '../../arena/verifier/runtime.js';
import type { BenchResult } from './types.js';

/**
 * Reproduces the shipped Connect Four verifier with the documented command, `npx arena verifier train --game
 * connect-four --seed 1` (the built CLI, in a fresh directory, so it writes out/verifiers/connect-four-verifier.onnx),
 * and fails unless the file is byte for byte the shipped one. It runs the built CLI (`npm run build` after changing
 * the sources). Takes about 2 minutes: run it alone with `npm run bench verifier-reproduce`.
 */
export async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-verifier-reproduce-'));
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(process.cwd(), 'arena/cli/bin.js'), 'verifier', 'train', '--game', 'connect-four', '--seed', '1'], { cwd: dir, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`verifier train failed (exit ${run.status}): ${run.stderr.trim().split('\n').at(-1) ?? ''}`);
  const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
  const made = readFileSync(join(dir, 'out', 'verifiers', 'connect-four-verifier.onnx'));
  const shipped = readFileSync(DEFAULT_VERIFIER_MODEL);
  if (!made.equals(shipped)) {
    throw new Error(`the documented command does not reproduce the shipped model: ${made.length} bytes sha256 ${sha(made)}, shipped ${shipped.length} bytes sha256 ${sha(shipped)}`);
  }
  return [{ name: 'verifier train (documented command), reproduces the shipped model', value: Number(seconds.toFixed(1)), unit: 's', note: `byte for byte, sha256 ${sha(made).slice(0, 16)}` }];
}
