import { adaptiveDecision, unreachable, type AdaptivePlan } from '../../../metrics/sequential/adaptive.js';
import { UsageError } from '../../errors.js';
import type { AdaptiveDecide } from '../../tournament/adaptive.js';
import type { BudgetCaps, TournamentConfig } from '../../tournament/config.js';

/** The statistics' view of an adaptive schedule: agents in config order, the target, α = 1 − confidence. */
export function adaptivePlan(config: TournamentConfig): AdaptivePlan | undefined {
  const s = config.schedule;
  if (s.type !== 'adaptive') return undefined;
  const target = s.target === 'separate' ? ({ type: 'separate' } as const) : ({ type: 'precision', agent: s.target.agent, elo: s.target.elo } as const);
  return { agents: config.agents.map((a) => a.name), target, alpha: 1 - s.confidence };
}

/**
 * The decision function an adaptive run is given (the arena may not import the statistics; this layer composes
 * them), after checking that the target can be reached within the schedule's max_matches: one line and exit 2 if
 * not. A lower budget cap is allowed (a run may be stopped at a cap and continued with a higher one); the returned
 * warning says so.
 */
export function adaptiveDecider(config: TournamentConfig, caps: BudgetCaps | undefined): { decide: AdaptiveDecide; warning?: string } | undefined {
  const plan = adaptivePlan(config);
  if (!plan || config.schedule.type !== 'adaptive') return undefined;
  const problem = unreachable(plan, config.schedule.maxMatches ?? Infinity);
  if (problem !== undefined) throw new UsageError(`adaptive schedule: ${problem}`);
  const capped = caps?.matches !== undefined ? unreachable(plan, caps.matches) : undefined;
  return { decide: (results) => adaptiveDecision(plan, results), ...(capped !== undefined ? { warning: `the budget will stop this run before its target: ${capped}; raise the cap and run again to continue` } : {}) };
}
