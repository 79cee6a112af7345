import { describe, expect, it } from 'vitest';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import { createAgent } from '../arena/agents/registry.js';
import { resolveGame } from '../arena/games/registry.js';
import { runMoveMatch } from '../arena/match/move-match.js';
import { runPlanMatch } from '../arena/match/plan-match.js';
import type { PlanMatchSpec, TraceEvent } from '../arena/trace/events.js';
import { createRng } from '../games/core/rng.js';
import { createTicTacToe, type TicTacToeState } from '../games/tic-tac-toe/index.js';
import { extractRecords } from '../metrics/steps/extract.js';
import { S } from '../metrics/steps/record.js';
import { TacticalConnectFourBoard } from '../games/connect-four/tactical.js';
import { genericGreedyCandidates } from '../arena/search/provers.js';
import { createConnectFour } from '../games/connect-four/index.js';
import type { MoveBoard } from '../games/core/move-game.js';
import { annotateMatch, estimateProgress, exactOptimalProgress, exactProgress, parseProver, planProgress } from '../arena/progress/index.js';
import { summarizeProgress } from '../metrics/progress/summary.js';

registerBuiltinAgents();
const ttt = createTicTacToe();

/** Running tic-tac-toe positions reached by seeded random play, 0..6 plies deep. */
function positions(count: number, seed: string): TicTacToeState[] {
  const rng = createRng(seed);
  const out: TicTacToeState[] = [];
  while (out.length < count) {
    let s = ttt.initial();
    const depth = rng.int(0, 6);
    for (let i = 0; i < depth && !ttt.isTerminal(s); i++) s = ttt.apply(s, rng.pick(ttt.legalActions(s)));
    if (!ttt.isTerminal(s)) out.push(s);
  }
  return out;
}

describe('rollout progress estimates', () => {
  for (const name of ['random', 'greedy']) {
    it(`agree with the exact advantage under the ${name} prover within 3 standard errors`, () => {
      const prover = parseProver(name);
      const memo = new Map<string, number>();
      const rng = createRng(`agree ${name}`);
      let inside = 0;
      let total = 0;
      for (const s of positions(30, `pos ${name}`)) {
        const a = rng.pick(ttt.legalActions(s));
        const est = estimateProgress(ttt, s, a, prover, { rollouts: 200, rng: rng.fork(total) });
        const exact = exactProgress(ttt, s, a, prover, memo);
        expect(est.rollouts).toBe(200);
        expect(est.prover).toBe(name);
        total++;
        if (Math.abs(est.advantage - exact.advantage) <= 3 * est.stderr + 1e-12) inside++;
      }
      expect(inside / total).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('is zero in expectation for the prover’s own moves', () => {
    const prover = parseProver('random');
    const rng = createRng('own moves');
    let sum = 0;
    let varSum = 0;
    const list = positions(120, 'own');
    for (const [i, s] of list.entries()) {
      const est = estimateProgress(ttt, s, rng.pick(ttt.legalActions(s)), prover, { rollouts: 64, rng: rng.fork(i) });
      sum += est.advantage;
      varSum += est.stderr ** 2;
    }
    const mean = sum / list.length;
    // se of the mean combines the rollout noise and the spread over positions; both are bounded by this
    const se = Math.sqrt(varSum) / list.length + 0.05;
    expect(Math.abs(mean)).toBeLessThan(3 * se);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const s = positions(1, 'repro')[0] as TicTacToeState;
    const a = ttt.legalActions(s)[0] as number;
    const p = parseProver('mcts:iterations=20');
    const one = estimateProgress(ttt, s, a, p, { rollouts: 16, rng: createRng(5) });
    const two = estimateProgress(ttt, s, a, p, { rollouts: 16, rng: createRng(5) });
    expect(two).toEqual(one);
    expect(one.prover).toBe('mcts:iterations=20');
  });

  it('is exact under the solver: winning moves have A = 0, a losing reply A = −1/2 or less', () => {
    const s = [0, 3, 1, 4].reduce((st, c) => ttt.apply(st, c), ttt.initial()); // X to move; c1 (2) wins
    const win = exactOptimalProgress(ttt, s, 2, new Map());
    expect(win).toMatchObject({ q: 1, v: 1, advantage: 0, stderr: 0, rollouts: 0, prover: 'solver' });
    const afterCorner = ttt.apply(ttt.initial(), 0);
    const edge = estimateProgress(ttt, afterCorner, 1, parseProver('solver'), { rollouts: 1, rng: createRng(1) });
    expect(edge.advantage).toBe(-0.5); // O's edge reply loses a drawn game
  });

  it('computes the greedy prover’s Connect Four candidates in place exactly as the generic cloning version does', () => {
    const c4 = createConnectFour();
    const rng = createRng('tactics');
    let checked = 0;
    for (let g = 0; g < 60; g++) {
      let s = c4.initial();
      while (!c4.isTerminal(s)) {
        const fast = TacticalConnectFourBoard.from(s).greedyCandidates();
        const slow = genericGreedyCandidates(c4.board?.(s) as MoveBoard<unknown>);
        expect(fast).toEqual(slow);
        checked++;
        s = c4.apply(s, rng.pick(c4.legalActions(s)));
      }
    }
    expect(checked).toBeGreaterThan(600);
  });

  it('rejects unknown provers and bad parameters', () => {
    expect(() => parseProver('oracle')).toThrow(/unknown prover/);
    expect(() => parseProver('mcts:iterations=0')).toThrow(/iterations/);
    expect(parseProver('best:k=3,base=(greedy)').name).toBe('best:k=3,base=(greedy),rollouts=1');
  });
});

describe('trace annotation', () => {
  it('annotates every move, keeps seqs, ends with match_end, and feeds the move metrics', async () => {
    const spec = { family: 'move' as const, game: 'tic-tac-toe', params: {}, games: 2, seed: 3, seats: [{ side: 0, agent: 'random', name: 'random' }, { side: 1, agent: 'greedy', name: 'greedy' }] as const };
    const trace = await runMoveMatch(spec, [createAgent('random', {}, 'move'), createAgent('greedy', {}, 'move')]);
    const annotated = annotateMatch(trace, { prover: parseProver('solver'), rollouts: 1, seed: 1 });
    const moves = trace.filter((e) => e.type === 'move');
    const progress = annotated.filter((e) => e.type === 'progress');
    expect(progress.length).toBe(moves.length);
    expect(annotated.map((e) => e.seq)).toEqual(annotated.map((_, i) => i));
    expect(annotated[annotated.length - 1]?.type).toBe('match_end');
    for (const e of progress) if (e.type === 'progress') expect(moves.some((m) => m.seq === e.step)).toBe(true);
    // re-annotating replaces, never duplicates
    expect(annotateMatch(annotated, { prover: parseProver('solver'), rollouts: 1, seed: 1 })).toEqual(annotated);
    const { records } = extractRecords([annotated]);
    expect(records.reduce((n, r) => n + (r.stats[S.advN] ?? 0), 0)).toBe(moves.length);
    const summary = summarizeProgress([annotated]);
    const greedy = summary.find((x) => x.agent === 'greedy');
    expect(greedy?.games).toBe(2);
    expect(greedy?.meanAdvantage).not.toBeNull();
  });

  it('annotates plan revisions with exact progress against the opponent plan in force', async () => {
    const resolved = resolveGame('tower-defense');
    if (resolved.family !== 'plan') throw new Error('tower-defense is a plan game');
    const game = resolved.game;
    const spec: PlanMatchSpec = {
      family: 'plan', game: resolved.id, config: game.config(), rounds: 4, reviseFirst: 0, seed: 9,
      seats: [{ side: 0, agent: 'counter:evals=30', name: 'counter' }, { side: 1, agent: 'restless', name: 'restless' }],
      roundNumbering: 'reference', planReportFeedback: false,
    };
    const trace: TraceEvent[] = await runPlanMatch(game, spec, [createAgent('counter:evals=30', {}, 'plan'), createAgent('restless', {}, 'plan')], { log: false });
    const annotated = annotateMatch(trace, { prover: parseProver('random'), rollouts: 0, seed: 1 });
    const revisions = trace.filter((e) => e.type === 'plan_submission' && e.phase === 'revision' && e.accepted);
    const progress = annotated.filter((e) => e.type === 'progress');
    expect(progress.length).toBe(revisions.length);
    for (const p of progress) if (p.type === 'progress') expect(p.prover).toBe('exact');
    // against the next battle: the revision's exact progress is the change of the reviser's score
    const rounds = trace.filter((e) => e.type === 'round_result');
    for (const p of progress) {
      if (p.type !== 'progress') continue;
      const sub = revisions.find((r) => r.seq === p.step);
      if (sub?.type !== 'plan_submission') continue;
      const next = rounds.find((r) => r.seq > sub.seq);
      const prev = [...rounds].reverse().find((r) => r.seq < sub.seq);
      if (next?.type !== 'round_result' || prev?.type !== 'round_result') continue;
      expect(p.advantage).toBeCloseTo((next.scores[sub.side] ?? 0) - (prev.scores[sub.side] ?? 0), 9);
    }
    const pooled = planProgress({ game, config: spec.config, side: 0, before: null, after: null, opponent: null, mutations: 3, rng: createRng(1) });
    expect(pooled).toMatchObject({ advantage: 0, rollouts: 8 });
  });
});
