import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VERIFIER_MODEL } from '../arena/verifier/runtime.js';

const TINY = ['--positions', '20', '--rollouts', '2', '--epochs', '1', '--hidden', '4'];

/** Runs the built CLI as `npx arena` does, in `cwd`. */
function arena(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const p = spawnSync(process.execPath, [join(process.cwd(), 'arena/cli/bin.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: p.status, stdout: p.stdout, stderr: p.stderr };
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('arena verifier train', () => {
  it('writes to out/verifiers/<game>-verifier.onnx by default, prints that path, and leaves the shipped model alone', () => {
    const shipped = sha(DEFAULT_VERIFIER_MODEL);
    const dir = mkdtempSync(join(tmpdir(), 'arena-verifier-'));
    const r = arena(['verifier', 'train', ...TINY], dir);
    expect(r.stderr).not.toMatch(/^arena:/m);
    expect(r.status).toBe(0);
    const out = join('out', 'verifiers', 'connect-four-verifier.onnx');
    expect(r.stdout).toContain(`wrote ${out}:`);
    expect(existsSync(join(dir, out))).toBe(true);
    expect(existsSync(join(dir, 'metrics'))).toBe(false);
    expect(sha(DEFAULT_VERIFIER_MODEL)).toBe(shipped);
  });

  it('writes where --out names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-verifier-'));
    const r = arena(['verifier', 'train', ...TINY, '--out', 'mine/v.onnx'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('wrote mine/v.onnx:');
    expect(existsSync(join(dir, 'mine', 'v.onnx'))).toBe(true);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('arena verifier train --net conv and exact Connect Four labels', () => {
  it('trains a conv net on bounded-solver labels, reports the skipped positions, and eval measures it against exact labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-verifier-conv-'));
    const r = arena(['verifier', 'train', '--positions', '20', '--prover', 'solver', '--exact', '--budget', '20000', '--play', 'greedy', '--net', 'conv', '--filters', '4', '--epochs', '1', '--hidden', '4', '--out', 'c.onnx'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/positions skipped over the solver's budget/);
    const e = arena(['verifier', 'eval', '--model', 'c.onnx', '--positions', '5', '--prover', 'solver', '--exact', '--budget', '20000', '--play', 'greedy'], dir);
    expect(e.status).toBe(0);
    expect(e.stdout).toMatch(/\d+ positions skipped over the solver's budget/);
    expect(e.stdout).toContain('held-out: 5 positions');
  }, 120_000);

  it('rejects options that do not fit together with one-line usage errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-verifier-conv-'));
    for (const [args, message] of [
      [['--net', 'resnet'], '--net must be mlp or conv'],
      [['--filters', '8'], '--filters and --kernel need --net conv'],
      [['--budget', '100'], '--budget needs --exact'],
      [['--game', 'tic-tac-toe', '--net', 'conv'], 'declares a grid'],
      [['--prover', 'greedy', '--exact'], 'exact labels need'],
    ] as const) {
      const r = arena(['verifier', 'train', ...TINY, ...args, '--out', 'x.onnx'], dir);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(message);
    }
  }, 120_000);
});
