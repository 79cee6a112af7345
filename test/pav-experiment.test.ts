import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import type { MoveRequest } from '../arena/agents/agent.js';
import { createAgent } from '../arena/agents/registry.js';
import { runPrmExperiment } from '../arena/experiment/prm.js';
import { experimentScorers } from '../arena/experiment/prm-scorers.js';
import { DEFAULT_RECIPE, trainVerifierModel } from '../arena/verifier/pipeline.js';
import { createRng } from '../games/core/rng.js';
import { createTicTacToe } from '../games/tic-tac-toe/index.js';
import type { MoveGame } from '../games/core/move-game.js';
import { experimentCell, experimentCells, type ExperimentCell } from '../metrics/experiment.js';
import { experimentComparisons } from '../metrics/experiment-compare.js';

registerBuiltinAgents();
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
const ttt = createTicTacToe() as MoveGame;

/** A tiny tic-tac-toe outcome model and progress model trained on the same exact labels (fast, not good). */
async function tinyModels(): Promise<{ orm: string; pav: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pav-models-'));
  dirs.push(dir);
  const recipe = { ...DEFAULT_RECIPE, seed: 2, game: 'tic-tac-toe', positions: 40, prover: 'solver', outcome: 'random', exact: true, epochs: 1, hidden: [8] };
  const out = { orm: join(dir, 'orm.onnx'), pav: join(dir, 'pav.onnx') };
  await writeFile(out.orm, (await trainVerifierModel({ ...recipe, target: 'orm' })).bytes);
  await writeFile(out.pav, (await trainVerifierModel(recipe)).bytes);
  return out;
}

describe('the PRM experiment with learned and rollout verifiers, compute in CPU time', () => {
  it('is deterministic for fixed seeds (results and raw counts; CPU time is measured, so it is only positive)', async () => {
    const models = await tinyModels();
    const scorers = experimentScorers({ base: 'greedy:error=0.5', rollouts: 4, provers: ['greedy', 'best:k=2,base=(greedy)'], alphas: [1], ormModel: models.orm, pavModel: models.pav, pavProver: 'solver' });
    expect(scorers.map((s) => s.verifier)).toEqual(['none', 'rollout-orm', 'rollout-pav', 'rollout-pav', 'learned-orm', 'learned-pav']);
    const run = async (): Promise<ExperimentCell[]> => (await runPrmExperiment({ game: ttt, base: 'greedy:error=0.5', opponent: 'random', seeds: [1], games: 2, budgets: [1, 4], scorers })).map(experimentCell);
    const [a, b] = [await run(), await run()];
    const outcome = (cells: ExperimentCell[]): string[] => cells.map((c) => `${c.scorer}/${c.budget}: ${c.wins}-${c.draws}-${c.losses} ${c.simulations} ${c.decisions}`);
    expect(outcome(a)).toEqual(outcome(b));
    for (const c of a) {
      if (c.budget === 1) expect(c.compute).toBe(0);
      else {
        expect(c.simulations).toBeGreaterThan(0);
        expect(c.compute).toBeGreaterThan(0);
      }
    }
    // one inference per distinct candidate for learned scorers, far fewer than the rollout scorers' playouts
    const sims = (name: string): number => a.find((c) => c.scorer === name && c.budget === 4)?.simulations ?? 0;
    expect(sims('ORM learned')).toBeLessThanOrEqual(4);
    expect(sims('ORM rollout (M=4)')).toBeGreaterThan(sims('ORM learned'));
  }, 60_000);

  it('an outcome model scores no progress; a progress model does; both record their CPU time per decision', async () => {
    const models = await tinyModels();
    const state = [4, 0].reduce((s, c) => ttt.apply(s, c), ttt.initial());
    const request: MoveRequest = { kind: 'move', game: ttt, state, player: ttt.toMove(state), legal: ttt.legalActions(state), ply: 2, gameIndex: 0, attempt: 1, feedback: [] };
    for (const [file, progress] of [[models.orm, false], [models.pav, true]] as const) {
      const d = await createAgent(`prm:base=random,verifier=(onnx:${file}),n=8`, {}, 'move').decideMove?.(request, { rng: createRng(3) });
      const meta = d?.meta as { candidates: { a?: number | null }[]; verifierCpuMs: number };
      expect(meta.verifierCpuMs).toBeGreaterThan(0);
      const scored = meta.candidates.filter((c) => c.a !== undefined);
      expect(scored.length).toBeGreaterThan(0);
      expect(scored.every((c) => (progress ? typeof c.a === 'number' : c.a === null))).toBe(true);
    }
  }, 60_000);
});

function cell(scorer: string, budget: number, winRate: number, compute: number, half = 0.05): ExperimentCell {
  return { scorer, budget, games: 100, wins: winRate * 100, draws: 0, losses: 100 - winRate * 100, winRate, low: winRate - half, high: winRate + half, compute, cpuMs: compute, simulations: budget, wallMs: 1, decisions: 10 };
}

describe('experiment comparisons', () => {
  it('convert each cell to CPU ms by its scorer’s cost per unit over all its cells, keeping the cell’s own measurement', () => {
    const tally = (scorer: string, compute: number, simulations: number, decisions: number) => ({ scorer, budget: 2, games: 10, wins: 5, draws: 0, losses: 5, compute, simulations, wallMs: 1, decisions });
    // scorer x: 10 ms over 100 units and 30 ms over 100 units (a noisy cell): 0.2 ms a unit
    const cells = experimentCells([tally('x', 1, 10, 10), tally('x', 3, 10, 10), tally('y', 0, 0, 10), tally('y', 0.5, 1, 10)]);
    expect(cells.map((c) => c.compute)).toEqual([2, 2, 0, 0.5]);
    expect(cells.map((c) => c.cpuMs)).toEqual([1, 3, 0, 0.5]);
  });

  it('pair each PAV scorer with the ORM of its kind, with the ratio at the ORM plateau and its range over PAV’s intervals', () => {
    const scorers = [
      { name: 'orm-r', verifier: 'rollout-orm' },
      { name: 'pav-r', verifier: 'rollout-pav' },
      { name: 'orm-l', verifier: 'learned-orm' },
      { name: 'pav-l', verifier: 'learned-pav' },
    ];
    const cells = [
      cell('orm-r', 1, 0.2, 0), cell('orm-r', 2, 0.3, 2), cell('orm-r', 4, 0.4, 4),
      cell('pav-r', 1, 0.2, 0), cell('pav-r', 2, 0.45, 2), cell('pav-r', 4, 0.5, 4),
      cell('orm-l', 1, 0.2, 0), cell('orm-l', 2, 0.2, 0.1),
      cell('pav-l', 1, 0.2, 0), cell('pav-l', 2, 0.3, 0.1),
    ];
    const all = experimentComparisons(scorers, cells);
    expect(all.map((c) => `${c.pav}/${c.orm}`)).toEqual(['pav-r/orm-r', 'pav-l/orm-l', 'pav-l/orm-r', 'pav-r/orm-l']);
    const [rollout, learned] = all;
    expect(rollout?.pav).toBe('pav-r');
    expect(rollout?.orm).toBe('orm-r');
    // 0.4 reached between 0 (0.2) and 2 CPU ms (0.45): linear from the compute-free point, 0.2 / 0.25 of the way
    expect(rollout?.pavCpuMs).toBeCloseTo(1.6, 9);
    expect(rollout?.ratio).toBeCloseTo(4 / 1.6, 9);
    expect(rollout?.ratioLow).toBeLessThan(rollout?.ratio ?? 0);
    expect(rollout?.ratioHigh).toBeGreaterThan(rollout?.ratio ?? 0);
    expect(rollout?.verdict).toContain('2.50x as compute-efficient');
    // the learned ORM never improves on n = 1: no ratio
    expect(learned?.ratio).toBeNull();
    expect(learned?.verdict).toContain('never improves');
  });
});
