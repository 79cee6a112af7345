import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No engine process outlives a killed tournament: a real `arena tournament` of Stockfish agents (engines in child
 * processes of its worker threads) is stopped with SIGINT, SIGTERM or SIGKILL while engines are searching, and every
 * engine process it started must be gone shortly after.
 */

/** Pids of running (not zombie) engine processes whose parent is `parent`. */
function enginesOf(parent: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.includes('stockfish-19-lite-single.js')) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (/^State:\s+Z/m.test(status)) continue;
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) === parent) out.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

function running(pid: number): boolean {
  if (!existsSync(`/proc/${pid}`)) return false;
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function killedTournament(signal: NodeJS.Signals): Promise<{ engines: number[]; left: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-chess-kill-'));
  const config = join(dir, 't.yaml');
  writeFileSync(
    config,
    ['name: kill', 'seed: 1', 'games:', '  - { id: chess, games: 4 }', 'agents:', '  a: { spec: "stockfish:movetime=300", anchor: true }', '  b: "stockfish:movetime=300,skill=5"', 'repetitions: 2', ''].join('\n'),
  );
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [join(process.cwd(), 'arena/cli/bin.js'), 'tournament', config, '--store', join(dir, 'a.db'), '--quiet', '--workers', '2'], { env, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const pid = child.pid ?? -1;
  let engines: number[] = [];
  for (let i = 0; i < 600 && engines.length < 2; i++) {
    await sleep(50);
    engines = enginesOf(pid);
  }
  await sleep(300);
  engines = [...new Set([...engines, ...enginesOf(pid)])];
  child.kill(signal);
  await exited;
  let left = engines.filter(running);
  for (let i = 0; i < 100 && left.length > 0; i++) {
    await sleep(50);
    left = left.filter(running);
  }
  return { engines, left };
}

describe('chess engine processes and a killed tournament', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGKILL'] as const)('%s leaves no engine process behind', async (signal) => {
    const { engines, left } = await killedTournament(signal);
    expect(engines.length).toBeGreaterThanOrEqual(2);
    expect(left).toEqual([]);
  }, 120_000);
});
