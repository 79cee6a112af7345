import type { TraceEvent } from '../../arena/trace/events.js';
import type { SideIndex } from '../../games/core/plan-game.js';
import { createRng } from '../../games/core/rng.js';
import { change, KEEP, planTrace } from './plan-trace.js';

export interface TournamentSpec {
  readonly seed: number;
  readonly matches: number;
  readonly agents?: readonly string[];
  readonly games?: readonly ('tower-defense' | 'auto-battler' | 'turn-based')[];
  /** Rounds R per match (default: uniform in 2..8). */
  readonly rounds?: number;
  /** Probability that seat 0 wins a battle (default 0.45; draws 0.1, the rest seat 1). */
  readonly p0?: number;
}

/** A seeded synthetic tournament of plan matches (random pairings, roles, revise-first sides, winners, revisions). */
export function syntheticTournament(spec: TournamentSpec): TraceEvent[][] {
  const rng = createRng(spec.seed);
  const agents = spec.agents ?? ['m-a', 'm-b', 'm-c', 'm-d'];
  const games = spec.games ?? ['tower-defense', 'auto-battler', 'turn-based'];
  const p0 = spec.p0 ?? 0.45;
  const out: TraceEvent[][] = [];
  for (let i = 0; i < spec.matches; i++) {
    const game = rng.pick(games);
    const rounds = spec.rounds ?? rng.int(2, 8);
    const battles = game === 'tower-defense' ? rounds : rounds + 1;
    const seats = rng.shuffle(agents).slice(0, 2) as [string, string];
    const budgets: [number, number] = game === 'tower-defense' ? [2000, 1500] : [20, 20];
    const winners = Array.from({ length: battles }, (): SideIndex | null => {
      const u = rng.float();
      return u < p0 ? 0 : u < p0 + 0.1 ? null : 1;
    });
    const revisions = Array.from({ length: battles - 1 }, () => (rng.chance(0.5) ? change(15 + rng.int(0, 10)) : KEEP));
    const initial: [{ cost: number }[], { cost: number }[]] = [[{ cost: 15 + rng.int(0, 8) }], [{ cost: 15 + rng.int(0, 8) }]];
    out.push(planTrace({ id: `t${i}`, game, seats, rounds, budgets, reviseFirst: rng.pick([0, 1] as const), initial, winners, revisions }));
  }
  return out;
}
