import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import { experimentSvg } from '../web/charts/experiment.js';
import { runPrmExperiment } from '../arena/experiment/prm.js';
import { experimentCell, plateauRatio, type ExperimentCell } from '../metrics/experiment.js';
import { createAgent } from '../arena/agents/registry.js';
import { runCli } from '../arena/cli/main.js';
import { runMoveMatch } from '../arena/match/move-match.js';
import { Store } from '../arena/store/store.js';
import { createConnectFour } from '../games/connect-four/index.js';
import type { MoveGame } from '../games/core/move-game.js';

registerBuiltinAgents();
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function cell(scorer: string, budget: number, winRate: number, compute: number): ExperimentCell {
  return { scorer, budget, games: 100, wins: winRate * 100, draws: 0, losses: 100 - winRate * 100, winRate, low: winRate - 0.1, high: winRate + 0.1, compute, cpuMs: compute, simulations: compute, wallMs: 1, decisions: 10 };
}

describe('the PRM experiment', () => {
  it('finds the compute at which PAV reaches the ORM plateau, interpolating between budgets', () => {
    const orm = [cell('orm', 1, 0.2, 0), cell('orm', 2, 0.3, 20), cell('orm', 4, 0.4, 40), cell('orm', 8, 0.4, 80)];
    const pav = [cell('pav', 1, 0.2, 0), cell('pav', 2, 0.3, 40), cell('pav', 4, 0.5, 80)];
    const r = plateauRatio(orm, pav);
    expect(r?.plateau).toBe(0.4);
    expect(r?.ormCompute).toBe(40);
    // halfway from 0.3 to 0.5 in log compute between 40 and 80
    expect(r?.pavCompute).toBeCloseTo(40 * Math.SQRT2, 9);
    expect(r?.ratio).toBeCloseTo(1 / Math.SQRT2, 9);
    expect(plateauRatio(orm, [cell('pav', 2, 0.35, 40)])).toBeNull();
    expect(plateauRatio([cell('orm', 1, 0.3, 0), cell('orm', 2, 0.2, 10)], pav)).toBeNull();
  });

  it('plays every scorer on the same games and draws a chart of the cells', async () => {
    const played = await runPrmExperiment({
      game: createConnectFour() as MoveGame,
      base: 'random',
      opponent: 'greedy',
      seeds: [1],
      games: 2,
      budgets: [1, 3],
      scorers: [
        { name: 'unguided', guided: false, spec: () => 'random' },
        { name: 'orm', guided: true, spec: (n) => `prm:base=random,verifier=orm,n=${n},rollouts=2` },
      ],
    });
    const cells = played.map(experimentCell);
    expect(cells.map((c) => `${c.scorer}/${c.budget}`)).toEqual(['unguided/1', 'orm/1', 'orm/3']);
    for (const c of cells) expect(c.wins + c.draws + c.losses).toBe(2);
    expect(cells[1]?.compute).toBe(0);
    expect(cells[2]?.compute).toBeGreaterThan(0);
    const svg = experimentSvg(cells, 'a & b');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('a &amp; b');
    expect(svg.match(/<circle/g)?.length).toBe(1);
  });

  it('interleaves the cells game by game, so the scorers\' order changes no result and every cell is reported in grid order', async () => {
    const scorers = [
      { name: 'unguided', guided: false, spec: () => 'greedy:error=0.5' },
      { name: 'orm', guided: true, spec: (n: number) => `prm:base=(greedy:error=0.5),verifier=orm,n=${n},rollouts=2` },
      { name: 'pav', guided: true, spec: (n: number) => `prm:base=(greedy:error=0.5),verifier=rollout,n=${n},rollouts=2` },
    ];
    const run = async (order: typeof scorers) => {
      const rounds: number[] = [];
      const cells = await runPrmExperiment({ game: createConnectFour() as MoveGame, base: 'greedy:error=0.5', opponent: 'greedy', seeds: [1, 2], games: 3, budgets: [2, 4], scorers: order }, (played, total) => rounds.push(played / total));
      return { rounds, results: new Map(cells.map((c) => [`${c.scorer}/${c.budget}`, `${c.wins}-${c.draws}-${c.losses}/${c.simulations}`])), names: cells.map((c) => `${c.scorer}/${c.budget}`) };
    };
    const a = await run(scorers);
    const b = await run([...scorers].reverse());
    expect(a.names).toEqual(['unguided/1', 'orm/2', 'orm/4', 'pav/2', 'pav/4']);
    expect(b.names).toEqual(['pav/2', 'pav/4', 'orm/2', 'orm/4', 'unguided/1']);
    expect(b.results).toEqual(a.results);
    expect(a.rounds).toEqual([1, 2, 3, 4, 5, 6].map((k) => k / 6));
  });
});

describe('arena progress on a stored run', () => {
  it('writes the annotated traces into a new run <name>-progress and leaves the original as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prm-progress-'));
    dirs.push(dir);
    const file = join(dir, 'arena.db');
    const store = new Store(file);
    const spec = { family: 'move' as const, game: 'tic-tac-toe', params: {}, games: 1, seed: 5, seats: [{ side: 0, agent: 'random', name: 'random' }, { side: 1, agent: 'greedy', name: 'greedy' }] as const };
    const trace = await runMoveMatch(spec, [createAgent('random', {}, 'move'), createAgent('greedy', {}, 'move')]);
    store.createRun({ id: 'r1', name: 'r1', kind: 'tournament', config: {}, configHash: 'x', seed: 5 });
    store.planMatches('r1', [{ key: 'm1', ord: 0, game: 'tic-tac-toe', family: 'move', agents: ['random', 'greedy'], seed: 5, spec }]);
    store.recordMatch('r1', 'm1', { status: 'completed', winner: null, scores: [0.5, 0.5], tokens: 0, costUsd: 0, wallMs: 0 }, trace);
    store.close();
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await runCli(['progress', '--run', 'r1', '--store', file, '--prover', 'solver']);
    const again = await runCli(['progress', '--run', 'r1', '--store', file, '--prover', 'solver']);
    out.mockRestore();
    expect(code).toBe(0);
    expect(again).toBe(2);
    const check = new Store(file);
    expect(JSON.stringify(check.trace('r1', 'm1'))).toBe(JSON.stringify(trace));
    const annotated = check.trace('r1-progress', 'm1') ?? [];
    expect(annotated.filter((e) => e.type === 'progress').length).toBe(trace.filter((e) => e.type === 'move').length);
    expect(check.getRun('r1-progress')?.kind).toBe('progress');
    check.close();
  });

  it('annotates trace files into a new file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prm-progress-'));
    dirs.push(dir);
    const spec = { family: 'move' as const, game: 'connect-four', params: {}, games: 1, seed: 2, seats: [{ side: 0, agent: 'greedy', name: 'greedy' }, { side: 1, agent: 'random', name: 'random' }] as const };
    const trace = await runMoveMatch(spec, [createAgent('greedy', {}, 'move'), createAgent('random', {}, 'move')]);
    const input = join(dir, 't.jsonl');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(input, trace.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await runCli(['progress', input, '--prover', 'greedy', '--rollouts', '4']);
    out.mockRestore();
    expect(code).toBe(0);
    const lines = (await readFile(join(dir, 't.progress.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.filter((l) => l.includes('"type":"progress"')).length).toBe(trace.filter((e) => e.type === 'move').length);
  });
});
