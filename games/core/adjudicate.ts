import type { SideIndex } from './plan-game.js';

export type AdjudicationReason = 'battle' | 'over_budget' | 'both_over_budget' | 'equal_overrun';

export interface Adjudication {
  /** The winner after the budget rule; null means no winner (a loss for both in the paper's accounting). */
  readonly winner: SideIndex | null;
  readonly reason: AdjudicationReason;
  /** max(cost − budget, 0) by side. */
  readonly over: readonly [number, number];
}

/**
 * The budget rule of SPEC §1.4: exactly one side over budget loses; neither over keeps the battle result; both
 * over: the smaller relative overrun wins, and equal relative overruns give no winner. Overruns are compared
 * exactly by cross-multiplication (integers), never with floating-point division.
 */
export function adjudicate(
  costs: readonly [number, number],
  budgets: readonly [number, number],
  battleWinner: SideIndex | null,
): Adjudication {
  const over: [number, number] = [Math.max(costs[0] - budgets[0], 0), Math.max(costs[1] - budgets[1], 0)];
  if (over[0] === 0 && over[1] === 0) return { winner: battleWinner, reason: 'battle', over };
  if (over[0] > 0 && over[1] === 0) return { winner: 1, reason: 'over_budget', over };
  if (over[1] > 0 && over[0] === 0) return { winner: 0, reason: 'over_budget', over };
  const lhs = over[0] * budgets[1];
  const rhs = over[1] * budgets[0];
  if (lhs === rhs) return { winner: null, reason: 'equal_overrun', over };
  return { winner: lhs < rhs ? 0 : 1, reason: 'both_over_budget', over };
}
