import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import type { MoveRequest, PlanDecision } from '../arena/agents/agent.js';
import { createAgent } from '../arena/agents/registry.js';
import { runCli } from '../arena/cli/main.js';
import { experimentComparisons } from '../metrics/experiment-compare.js';
import type { ExperimentCell } from '../metrics/experiment.js';
import { resolveGame } from '../arena/games/registry.js';
import { startTestServer, type TestServer } from '../arena/llm/index.js';
import { runPlanMatch } from '../arena/match/plan-match.js';
import { parseProver } from '../arena/search/provers.js';
import { boardOf } from '../arena/search/board.js';
import type { PlanMatchSpec, TraceEvent } from '../arena/trace/events.js';
import type { MoveBoard, MoveGame } from '../games/core/move-game.js';
import type { PlanGame, SideIndex } from '../games/core/plan-game.js';
import { createRng, hashSeed } from '../games/core/rng.js';
import { createTicTacToe } from '../games/tic-tac-toe/index.js';

registerBuiltinAgents();
const ttt = createTicTacToe() as MoveGame;
const dirs: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function request(moves: readonly number[]): MoveRequest {
  const state = moves.reduce((s, m) => ttt.apply(s, m), ttt.initial());
  return { kind: 'move', game: ttt, state, player: ttt.toMove(state), legal: ttt.legalActions(state), ply: moves.length, gameIndex: 0, attempt: 1, feedback: [] };
}

interface BeamMeta {
  search: string;
  lines: { moves: string[]; score: number; done: boolean }[];
  chosen: string;
  verifierSimulations: number;
  verifierCpuMs: number;
  proposals: number;
  distinct: number;
}

describe('beam search for move games', () => {
  it('plays the only forced win (a fork, not an immediate win) with the exact verifier, its best line ending in the win', async () => {
    // X on 0, 2, 6 and O on 1, 3, O to move: only O 4 wins (it blocks both diagonals and forks on 4-5 and 4-7).
    const req = request([0, 1, 2, 3, 6]);
    expect(req.legal.filter((a) => ttt.outcome(ttt.apply(req.state, a)) !== null)).toEqual([]);
    const agent = createAgent('prm:base=random,verifier=exact,n=12,search=beam,beam=2,depth=2', {}, 'move');
    for (const seed of [1, 2, 3]) {
      const d = await agent.decideMove?.(req, { rng: createRng(seed) });
      const meta = d?.meta as unknown as BeamMeta;
      expect(d?.action).toBe(4);
      expect(meta.search).toBe('beam');
      const best = meta.lines[0];
      expect(best?.moves[0]).toBe(ttt.actionText(req.state, 4));
      // O 4, X blocks one threat, O completes the other: a finished line won by the mover
      expect(best?.moves).toHaveLength(3);
      expect(best?.done).toBe(true);
      expect(best?.score).toBe(1);
      const end = best?.moves.reduce<{ s: unknown; ok: boolean }>((acc, text) => {
        const parsed = ttt.parseAction(acc.s, text);
        return parsed.ok ? { s: ttt.apply(acc.s, parsed.action), ok: acc.ok } : { s: acc.s, ok: false };
      }, { s: req.state, ok: true });
      expect(end?.ok).toBe(true);
      expect(ttt.outcome(end?.s)?.[req.player]).toBe(1);
    }
  });

  it('keeps B lines of D further plies, counts the verifier compute of every expansion, and repeats itself for a seed', async () => {
    const req = request([4]);
    const spec = 'prm:base=random,verifier=exact,n=6,search=beam,beam=3,depth=2';
    const d = await createAgent(spec, {}, 'move').decideMove?.(req, { rng: createRng(7) });
    const meta = d?.meta as unknown as BeamMeta;
    expect(meta.lines.length).toBeLessThanOrEqual(3);
    expect(meta.lines.length).toBeGreaterThan(0);
    for (const l of meta.lines) expect(l.moves.length).toBe(3);
    // the exact verifier counts one evaluation a candidate: the root's distinct candidates plus every expansion's
    expect(meta.verifierSimulations).toBeGreaterThan(meta.distinct);
    // three lines expanded at each of two plies, n proposals each
    expect(meta.proposals).toBe(2 * 3 * 6);
    expect(meta.verifierCpuMs).toBeGreaterThan(0);
    const bestOfN = await createAgent('prm:base=random,verifier=exact,n=6', {}, 'move').decideMove?.(req, { rng: createRng(7) });
    expect((bestOfN?.meta as { verifierSimulations: number }).verifierSimulations).toBe(meta.distinct);
    const again = await createAgent(spec, {}, 'move').decideMove?.(req, { rng: createRng(7) });
    const strip = (m: unknown): unknown => ({ ...(m as object), verifierCpuMs: 0 });
    expect(strip(again?.meta)).toEqual(strip(d?.meta));
    expect(() => createAgent('prm:base=random,search=deep', {}, 'move')).toThrow(/search takes best-of-n or beam/);
    expect(() => createAgent('prm:base=random,search=beam,reply=(prm:base=random)', {}, 'move')).toThrow(/cannot itself be prm/);
  });
});

describe('the greedy:error=E prover', () => {
  it('mixes uniform and greedy play in its exact distribution', () => {
    const req = request([0, 4, 8]);
    const board = boardOf(ttt, req.state) as MoveBoard<unknown>;
    const greedy = parseProver('greedy').distribution?.(board) ?? [];
    const noisy = parseProver('greedy:error=0.5');
    expect(noisy.name).toBe('greedy:error=0.5');
    const dist = noisy.distribution?.(board) ?? [];
    expect(dist.reduce((s, x) => s + x.p, 0)).toBeCloseTo(1, 12);
    const legal = board.legal();
    for (const { action, p } of dist) {
      const g = greedy.find((x) => JSON.stringify(x.action) === JSON.stringify(action))?.p ?? 0;
      expect(p).toBeCloseTo(0.5 / legal.length + 0.5 * g, 12);
    }
    expect(() => parseProver('greedy:error=2')).toThrow(/error/);
  });
});

describe('experiment comparisons across bases and search methods', () => {
  it('compare a PAV only with the ORMs of its own base and search method', () => {
    const c = (scorer: string, budget: number, winRate: number, compute: number): ExperimentCell => ({ scorer, budget, games: 100, wins: winRate * 100, draws: 0, losses: 100 - winRate * 100, winRate, low: winRate - 0.05, high: winRate + 0.05, compute, cpuMs: compute, simulations: budget, wallMs: 1, decisions: 10 });
    const scorers = [
      { name: 'orm-a', verifier: 'rollout-orm', base: 'a', search: 'best-of-n' },
      { name: 'pav-a', verifier: 'rollout-pav', base: 'a', search: 'best-of-n' },
      { name: 'orm-a-beam', verifier: 'rollout-orm', base: 'a', search: 'beam' },
      { name: 'pav-a-beam', verifier: 'rollout-pav', base: 'a', search: 'beam' },
      { name: 'orm-b', verifier: 'rollout-orm', base: 'b', search: 'best-of-n' },
    ];
    const cells = scorers.flatMap((s) => [c(s.name, 1, 0.2, 0), c(s.name, 2, 0.3, 1)]);
    expect(experimentComparisons(scorers, cells).map((x) => `${x.pav}/${x.orm}`)).toEqual(['pav-a/orm-a', 'pav-a-beam/orm-a-beam']);
  });
});

/** The experiment's JSON without what is measured rather than computed (CPU and wall time, and what follows from them). */
function deterministicPart(json: string): unknown {
  const report = JSON.parse(json) as { cells: Record<string, unknown>[]; comparisons: Record<string, unknown>[] };
  return {
    ...report,
    cells: report.cells.map(({ compute: _c, cpuMs: _m, wallMs: _w, ...rest }) => rest),
    comparisons: report.comparisons.map((x) => ({ pav: x.pav, orm: x.orm, plateau: x.plateau })),
  };
}

async function cliExperiment(args: readonly string[]): Promise<{ code: number; json: string; stdout: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'prm-search-'));
  dirs.push(dir);
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await runCli(['experiment', 'prm', ...args, '--out-dir', dir]);
  out.mockRestore();
  err.mockRestore();
  return { code, json: code === 0 ? await readFile(join(dir, 'experiment-prm.json'), 'utf8') : '', stdout };
}

describe('arena experiment prm with beam search and crossed bases', () => {
  it('gives the same JSON for the same seeds (apart from CPU and wall time), recording each cell’s base and search', async () => {
    const args = ['--game', 'tic-tac-toe', '--seeds', '1', '--games', '2', '--budgets', '1,3', '--rollouts', '2', '--search', 'best-of-n,beam', '--beam', '2', '--depth', '2', '--base', 'greedy;greedy:error=0.5', '--prover', 'random;greedy', '--opponent', 'random'];
    const [a, b] = [await cliExperiment(args), await cliExperiment(args)];
    expect(a.code).toBe(0);
    expect(deterministicPart(a.json)).toEqual(deterministicPart(b.json));
    const report = JSON.parse(a.json) as { bases: string[]; searches: string[]; scorers: { name: string; base: string; search: string; prover: string | null }[]; cells: { scorer: string; search: string; base: string; simulations: number; budget: number }[] };
    expect(report.bases).toEqual(['greedy', 'greedy:error=0.5']);
    expect(report.searches).toEqual(['best-of-n', 'beam']);
    // per base: unguided, then ORM, PAV μ=random, PAV μ=greedy, learned ORM, learned PAV for each search method
    expect(report.scorers.filter((s) => s.base === 'greedy:error=0.5' && s.search === 'beam').map((s) => s.prover)).toEqual([null, 'random', 'greedy', null, 'solver']);
    const beamCell = report.cells.find((c) => c.search === 'beam' && c.base === 'greedy:error=0.5' && c.budget === 3 && c.scorer.includes('ORM rollout'));
    const flatCell = report.cells.find((c) => c.search === 'best-of-n' && c.base === 'greedy:error=0.5' && c.budget === 3 && c.scorer.includes('ORM rollout'));
    // beam search scores the lines' continuations too
    expect(beamCell?.simulations).toBeGreaterThan(flatCell?.simulations ?? Infinity);
    expect(a.stdout).toContain('beam(B=2,D=2)');
  }, 120_000);

  it('rejects plan-only options on a move game and an unknown search method', async () => {
    expect((await cliExperiment(['--game', 'tic-tac-toe', '--rounds', '3'])).code).toBe(2);
    expect((await cliExperiment(['--game', 'tic-tac-toe', '--search', 'greedy'])).code).toBe(2);
    expect((await cliExperiment(['--game', 'tower-defense', '--prover', 'random'])).code).toBe(2);
  });

  it('--verifiers learned plays only the unguided base and the learned scorers; bad kinds and contradictions are usage errors', async () => {
    const r = await cliExperiment(['--game', 'tic-tac-toe', '--seeds', '1', '--games', '2', '--budgets', '1,2', '--verifiers', 'learned', '--alpha', '0.5,1', '--opponent', 'random']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.json) as { scorers: { verifier: string }[]; comparisons: unknown[] };
    expect(report.scorers.map((s) => s.verifier)).toEqual(['none', 'learned-orm', 'learned-pav', 'learned-pav']);
    expect(report.comparisons.length).toBeGreaterThan(0);
    expect((await cliExperiment(['--game', 'tic-tac-toe', '--verifiers', 'rollouts'])).code).toBe(2);
    expect((await cliExperiment(['--game', 'tic-tac-toe', '--verifiers', 'learned', '--no-onnx'])).code).toBe(2);
    expect((await cliExperiment(['--game', 'tic-tac-toe', '--verifiers', 'rollout', '--pav-model', 'x.onnx'])).code).toBe(2);
    expect((await cliExperiment(['--game', 'tower-defense', '--verifiers', 'learned'])).code).toBe(2);
  }, 120_000);
});

describe('arena experiment prm on a plan game', () => {
  it('is deterministic for fixed seeds; n = 1 without search spends nothing; ORM, PAV and the unguided planner are all there', async () => {
    const args = ['--game', 'tower-defense', '--seeds', '3', '--games', '2', '--rounds', '2', '--budgets', '1,2', '--alpha', '1', '--search', 'best-of-n,beam', '--beam', '2', '--depth', '1', '--expand', '2', '--pool', '2', '--base', 'random', '--opponent', 'counter'];
    const [a, b] = [await cliExperiment(args), await cliExperiment(args)];
    expect(a.code).toBe(0);
    expect(deterministicPart(a.json)).toEqual(deterministicPart(b.json));
    const report = JSON.parse(a.json) as { family: string; cells: { scorer: string; budget: number; search: string; games: number; errors: number; simulations: number; compute: number }[] };
    expect(report.family).toBe('plan');
    expect([...new Set(report.cells.map((c) => c.scorer))]).toEqual(['unguided random', 'ORM plan (Q)', 'PAV plan (pool=2, α=1)', 'ORM plan (Q) beam(B=2,D=1,E=2)', 'PAV plan (pool=2, α=1) beam(B=2,D=1,E=2)']);
    for (const c of report.cells) {
      expect(c.games + c.errors).toBe(2);
      if (c.search !== 'beam' && c.budget === 1) expect(c.simulations).toBe(0);
      else if (c.search !== 'none') expect(c.simulations).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe('PRM-guided plan revision: compute accounting', () => {
  const resolved = resolveGame('tower-defense');
  if (resolved.family !== 'plan') throw new Error('tower-defense is a plan game');
  const game: PlanGame = resolved.game;
  const spec = (agent: string, seed: number): PlanMatchSpec => ({
    family: 'plan', game: resolved.id, config: game.config(), rounds: 3, reviseFirst: 0, seed,
    seats: [{ side: 0, agent, name: 'tested' }, { side: 1, agent: 'counter', name: 'counter' }],
    roundNumbering: 'reference', planReportFeedback: false,
  });
  const submissions = (trace: readonly TraceEvent[], side: SideIndex) => trace.flatMap((e) => (e.type === 'plan_submission' && e.side === side ? [e] : []));

  it('counts exactly the battles the verifier simulates (ORM: one per candidate against the plan in force; PAV: the pool too, random plans included)', async () => {
    const n = 3;
    const pool = 2;
    const randoms = 3;
    for (const [verifier, extra, perCandidate, baseline] of [['orm', 0, 1, 0], ['rollout', 0, 1 + (pool + 1), pool + 1], ['rollout', randoms, 1 + (pool + 1 + randoms), pool + 1 + randoms]] as const) {
      const text = `prm:base=random,verifier=${verifier},n=${n},pool=${pool},randoms=${extra},search=best-of-n`;
      const trace = await runPlanMatch(game, spec(text, 4), [createAgent(text, {}, 'plan'), createAgent('counter', {}, 'plan')], { log: false });
      const subs = submissions(trace, 0);
      expect(subs.some((s) => s.phase === 'revision')).toBe(true);
      for (const s of subs) {
        const meta = s.meta as { verifierSimulations: number; verifierCpuMs: number; candidates: unknown[] };
        expect(meta.candidates).toHaveLength(n);
        // initial plans are scored blind, against the pool's P + 1 random opponent plans (Q, and for PAV A)
        const expected = s.phase === 'revision' ? baseline + n * perCandidate : n * (verifier === 'orm' ? pool + 1 : 2 * (pool + 1));
        expect(meta.verifierSimulations).toBe(expected);
        expect(s.usage.simulations).toBe(expected);
        expect(meta.verifierCpuMs).toBeGreaterThan(0);
      }
    }
  });

  it('revises an LLM seat’s plans through the test server: N replies a decision, the best scored one submitted', async () => {
    const model = 'prm-plan-seat';
    let k = 0;
    server.setBehaviour(model, { kind: 'script', reply: () => `\`\`\`json\n${JSON.stringify(game.randomPlan(0, createRng(hashSeed('prm seat', k++)), game.config()))}\n\`\`\`` });
    const env = { models: { [model]: { base_url: server.url, model, api_key_env: null, retries: 1, retry_base_ms: 1, retry_max_ms: 5, timeout_s: 10 } } };
    const text = `prm:base=(llm:${model}),verifier=rollout,n=3,pool=2,search=best-of-n`;
    const before = server.requests.length;
    const trace = await runPlanMatch(game, spec(text, 5), [createAgent(text, env, 'plan'), createAgent('counter', {}, 'plan')], { log: false });
    expect(trace.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
    const subs = submissions(trace, 0);
    expect(server.requests.length - before).toBe(3 * subs.length);
    for (const s of subs) {
      const meta = s.meta as { candidates: { source: string; score: number; canonical: string }[]; chosen: string };
      expect(meta.candidates.map((c) => c.source)).toEqual(['base#0', 'base#1', 'base#2']);
      const best = Math.max(...meta.candidates.map((c) => c.score));
      expect(meta.candidates.find((c) => c.canonical === meta.chosen)?.score).toBe(best);
      expect((s.usage as PlanDecision['usage']).calls).toBe(3);
    }
  });
});
