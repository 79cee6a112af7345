import { spawnSync } from 'node:child_process';
import { ensureCli } from '../../arena/cli/bundle/build.js';
import type { BenchResult } from './types.js';

/**
 * Whole-process wall time of the built CLI (`node arena/cli/bin.js`, what `npx arena` runs), side by side with
 * `node -e 0` in one interleaved loop, medians over several runs. Goals on this machine: `arena --help` and
 * `arena games` under 300 ms, a 10-round Auto-battler match with built-in agents under 500 ms. For scale, the
 * same `games` through tsx on the sources (`npm run arena`), and through `npx` (which adds npm's own start-up).
 */

interface Case {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly goalMs?: number;
  readonly runs?: number;
}

const MATCH = ['match', '--game', 'auto-battler', '--seat', 'defender=counter', '--seat', 'invader=random', '--rounds', '10', '--seed', '7'];
const node = process.execPath;

const CASES: readonly Case[] = [
  { name: 'node -e 0', command: node, args: ['-e', '0'] },
  { name: 'arena --help', command: node, args: ['arena/cli/bin.js', '--help'], goalMs: 300 },
  { name: 'arena games', command: node, args: ['arena/cli/bin.js', 'games'], goalMs: 300 },
  { name: 'arena rules tower-defense --side demon', command: node, args: ['arena/cli/bin.js', 'rules', 'tower-defense', '--side', 'demon'], goalMs: 300 },
  { name: 'arena match (auto-battler, 10 rounds, counter vs random)', command: node, args: ['arena/cli/bin.js', ...MATCH], goalMs: 500 },
  { name: 'tsx arena/cli/main.ts games (the sources, no bundle)', command: node, args: ['node_modules/tsx/dist/cli.mjs', 'arena/cli/main.ts', 'games'], runs: 3 },
  { name: 'npx arena games (npm exec start-up included)', command: 'npx', args: ['arena', 'games'], runs: 3 },
];

const RUNS = 7;

function wallMs(c: Case): number {
  const started = performance.now();
  const p = spawnSync(c.command, c.args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - started;
  if (p.status !== 0) throw new Error(`${c.name} exited with ${p.status}: ${p.stderr}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function bench(): Promise<BenchResult[]> {
  await ensureCli();
  const times = new Map<Case, number[]>(CASES.map((c) => [c, []]));
  for (const c of CASES) wallMs(c); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    for (const c of CASES) if (i < (c.runs ?? RUNS)) times.get(c)?.push(wallMs(c));
  }
  const base = median(times.get(CASES[0] as Case) ?? []);
  return CASES.map((c) => {
    const ms = median(times.get(c) ?? []);
    const goal = c.goalMs === undefined ? '' : `; goal < ${c.goalMs} ms: ${ms < c.goalMs ? 'met' : 'MISSED'}`;
    const ratio = c === CASES[0] ? 'the baseline' : `${(ms / base).toFixed(2)}x node -e 0`;
    return { name: c.name, value: Math.round(ms), unit: 'ms', note: `median of ${c.runs ?? RUNS}; ${ratio}${goal}` };
  });
}
