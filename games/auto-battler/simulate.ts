import type { BattleResult, PlanGameConfig } from '../core/plan-game.js';
import { Battle } from './battle.js';
import { abRules } from './config.js';
import type { AbPlan } from './types.js';

const engine = new Battle();

/**
 * Simulates the Defender's plan (side 0) against the Invader's (side 1). Deterministic and total: the turn cap
 * ends every battle. `steps` counts turns. Summary: `turns`, `first` (side that took the first turn), `remain0` and
 * `remain1` (units on the board at the end), `hp0` and `hp1` (their total Health). The log is an `AbBattleLog`.
 */
export function simulate(
  plan0: AbPlan,
  plan1: AbPlan,
  config: PlanGameConfig,
  options?: { readonly log?: boolean },
): BattleResult {
  const { outcome, log } = engine.run(plan0, plan1, abRules(config), options?.log === true);
  return {
    winner: outcome.winner,
    steps: outcome.turns,
    capped: outcome.capped,
    summary: {
      turns: outcome.turns,
      first: outcome.first,
      remain0: outcome.remain[0],
      remain1: outcome.remain[1],
      hp0: outcome.hp[0],
      hp1: outcome.hp[1],
    },
    log,
  };
}
