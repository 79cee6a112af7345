import { fitBradleyTerry } from '../../../metrics/ratings/bradley-terry.js';
import { unreachable, type AdaptivePlan } from '../../../metrics/sequential/adaptive.js';
import { simulateMany } from '../../../metrics/sequential/simulate.js';
import { UsageError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { pairResult } from '../../tournament/adaptive.js';

export interface AdaptiveForecastInput {
  readonly confidence: number;
  /** Precision target (`--target-agent`, `--target-elo`); absent: separate every adjacent pair. */
  readonly agent?: string;
  readonly elo?: number;
  readonly simulations: number;
  readonly maxMatches: number;
  readonly seed: number;
}

/**
 * The adaptive schedule's expected cost, learned from a stored run: the agents' strengths are the run's
 * Bradley–Terry ratings (one virtual draw per agent, so every agent has one), its cost per match the run's means;
 * the adaptive schedule and a round-robin stopping by the same rule are simulated on those strengths.
 */
export function adaptiveForecast(store: Store, runId: string, input: AdaptiveForecastInput): string[] {
  const rows = store.matches(runId, { status: 'completed' });
  if (rows.length === 0) throw new UsageError(`run '${runId}' has no completed match to learn from`);
  const agents: string[] = [];
  for (const m of rows) for (const a of [m.agent0, m.agent1]) if (!agents.includes(a)) agents.push(a);
  if (agents.length < 2) throw new UsageError(`run '${runId}' has fewer than two agents with results`);
  const elo = Object.fromEntries(fitBradleyTerry(agents, rows.map(pairResult), { prior: 1 }));
  const target = input.agent !== undefined ? ({ type: 'precision', agent: input.agent, elo: input.elo ?? 50 } as const) : ({ type: 'separate' } as const);
  const plan: AdaptivePlan = { agents, target, alpha: 1 - input.confidence };
  const problem = unreachable(plan, input.maxMatches);
  if (problem !== undefined) throw new UsageError(problem);
  const common = { elo, plan, maxMatches: input.maxMatches, setSize: 2 };
  const adaptive = simulateMany({ ...common, schedule: 'adaptive' }, input.simulations, input.seed);
  const roundRobin = simulateMany({ ...common, schedule: 'round-robin' }, input.simulations, input.seed);
  const n = rows.length;
  const per = { tokens: rows.reduce((s, m) => s + m.tokens, 0) / n, usd: rows.reduce((s, m) => s + m.cost_usd, 0) / n, hours: rows.reduce((s, m) => s + m.wall_ms, 0) / n / 3_600_000 };
  const cost = (matches: number) => `${Math.round(matches)} matches, ${Math.round(matches * per.tokens)} tokens, $${(matches * per.usd).toFixed(2)}, ${(matches * per.hours).toFixed(2)} h of model time`;
  const goal = target.type === 'separate' ? 'every adjacent pair separated' : `${target.agent} known to ±${target.elo} Elo against each opponent`;
  const reached = (share: number) => (share < 1 ? `; reached the goal within ${input.maxMatches} matches in ${(share * 100).toFixed(0)}% of simulations` : '');
  const strengths = [...agents].sort((x, y) => (elo[y] ?? 0) - (elo[x] ?? 0)).map((a) => `${a} ${Math.round((elo[a] ?? 0) - (elo[agents[0] as string] ?? 0))}`);
  return [
    `Adaptive schedule, learned from run '${runId}' (${n} matches; Elo relative to ${agents[0]}: ${strengths.join(', ')}):`,
    `  goal: ${goal}, ${(input.confidence * 100).toFixed(0)}% anytime-valid; ${input.simulations} simulated runs`,
    `  adaptive:    ${cost(adaptive.meanMatches)} expected${reached(adaptive.reached)}`,
    `  round-robin: ${cost(roundRobin.meanMatches)} expected (same rule, every pair each batch)${reached(roundRobin.reached)}`,
    `  per match measured: ${per.tokens.toFixed(0)} tokens, $${per.usd.toFixed(4)}, ${(per.hours * 3600).toFixed(1)} s`,
  ];
}
