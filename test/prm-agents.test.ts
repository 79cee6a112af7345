import { describe, expect, it } from 'vitest';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import type { Agent, MoveRequest } from '../arena/agents/agent.js';
import { playPureGame } from '../arena/agents/move/self-play.js';
import { createAgent } from '../arena/agents/registry.js';
import { resolveGame } from '../arena/games/registry.js';
import { runPlanMatch } from '../arena/match/plan-match.js';
import type { PlanMatchSpec } from '../arena/trace/events.js';
import { createConnectFour } from '../games/connect-four/index.js';
import type { MoveGame } from '../games/core/move-game.js';
import { createRng } from '../games/core/rng.js';

registerBuiltinAgents();
const c4 = createConnectFour() as MoveGame;

/** Points of `spec` against `opponent` over `games` Connect Four games, alternating the first move. */
async function points(spec: string, opponent: string, games: number): Promise<number> {
  let total = 0;
  for (let g = 0; g < games; g++) {
    const root = createRng(`prm game ${g}`);
    const r = await playPureGame(c4, [createAgent(spec, {}, 'move'), createAgent(opponent, {}, 'move')], [{ rng: root.fork('a') }, { rng: root.fork('b') }], (g % 2) as 0 | 1);
    total += r.scores[0];
  }
  return total;
}

function request(state: unknown): MoveRequest {
  return { kind: 'move', game: c4, state, player: c4.toMove(state), legal: c4.legalActions(state), ply: 0, gameIndex: 0, attempt: 1, feedback: [] };
}

describe('prm agents, move games', () => {
  it('beat greedy more often than their base agent does, on the same seeds', async () => {
    // a noisy greedy base (the experiment's base agent): 5 points alone, 9 guided, with these seeds
    const base = await points('greedy:error=0.5', 'greedy', 16);
    const guided = await points('prm:base=(greedy:error=0.5),verifier=rollout,n=8,rollouts=8', 'greedy', 16);
    expect(guided).toBeGreaterThan(base + 2);
  });

  it('trace every candidate, its scores and the choice, and count the verifier compute', async () => {
    const agent: Agent = createAgent('prm:base=(mcts:iterations=50,error=0.3),verifier=rollout,n=6,rollouts=4', {}, 'move');
    const d = await agent.decideMove?.(request(c4.initial()), { rng: createRng(4) });
    const meta = d?.meta as { candidates: { action: string; score: number }[]; chosen: string; distinct: number; verifierSimulations: number; alpha: number };
    expect(meta.candidates).toHaveLength(6);
    expect(meta.alpha).toBe(1);
    const best = Math.max(...meta.candidates.map((c) => c.score));
    expect(meta.candidates.find((c) => c.action === meta.chosen)?.score).toBe(best);
    expect(c4.actionText(c4.initial(), d?.action)).toBe(meta.chosen);
    // rollout verifier: 4 random + 4 prover playouts per distinct candidate; the base's MCTS iterations on top
    expect(meta.verifierSimulations).toBe(meta.distinct * 8);
    expect(d?.usage.simulations).toBeGreaterThanOrEqual(meta.verifierSimulations + 50);
    // same seed, same decision
    const again = await createAgent('prm:base=(mcts:iterations=50,error=0.3),verifier=rollout,n=6,rollouts=4', {}, 'move').decideMove?.(request(c4.initial()), { rng: createRng(4) });
    expect(again?.action).toBe(d?.action);
  });

  it('scores outcome only with the orm verifier, and rejects bad specs', async () => {
    const agent = createAgent('prm:base=random,verifier=orm,n=4,rollouts=4', {}, 'move');
    const d = await agent.decideMove?.(request(c4.initial()), { rng: createRng(1) });
    const meta = d?.meta as { candidates: { a: number | null }[]; verifier: string; verifierSimulations: number; distinct: number };
    expect(meta.verifier).toBe('orm:rollouts=4');
    expect(meta.candidates.every((c) => c.a === null)).toBe(true);
    expect(meta.verifierSimulations).toBe(meta.distinct * 4);
    expect(() => createAgent('prm:base=random,verifier=magic', {}, 'move')).toThrow(/unknown verifier/);
    expect(() => createAgent('prm:base=random,n=0', {}, 'move')).toThrow(/n must be/);
    expect(() => createAgent('prm:base=(prm:base=random)', {}, 'move')).toThrow(/cannot itself be prm/);
  });
});

describe('prm agents, plan games', () => {
  it('beam-search revisions with the simulator and trace the candidates', async () => {
    const resolved = resolveGame('tower-defense');
    if (resolved.family !== 'plan') throw new Error('tower-defense is a plan game');
    const game = resolved.game;
    const spec: PlanMatchSpec = {
      family: 'plan', game: resolved.id, config: game.config(), rounds: 3, reviseFirst: 0, seed: 2,
      seats: [{ side: 0, agent: 'prm', name: 'prm' }, { side: 1, agent: 'random', name: 'random' }],
      roundNumbering: 'reference', planReportFeedback: false,
    };
    const prm = createAgent('prm:base=random,n=3,beam=2,depth=1,expand=2,pool=2', {}, 'plan');
    const trace = await runPlanMatch(game, spec, [prm, createAgent('random', {}, 'plan')], { log: false });
    const subs = trace.filter((e) => e.type === 'plan_submission' && e.side === 0);
    expect(subs.length).toBeGreaterThanOrEqual(2);
    for (const s of subs) {
      if (s.type !== 'plan_submission') continue;
      const meta = s.meta as { candidates: { source: string; score: number; canonical: string }[]; chosen: string; verifierSimulations: number };
      expect(meta.candidates.filter((c) => c.source.startsWith('base#'))).toHaveLength(3);
      const best = Math.max(...meta.candidates.map((c) => c.score));
      expect(meta.candidates.find((c) => c.canonical === meta.chosen)?.score).toBe(best);
      expect(s.usage.simulations).toBe(meta.verifierSimulations);
      expect(meta.verifierSimulations).toBeGreaterThan(0);
    }
  });
});
