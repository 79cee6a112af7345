import type { BattleResult, PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { abConfig, priorityKey, SIDES } from './config.js';
import { simulate } from './simulate.js';
import type { AbBattleLog, AbLogUnit, AbPlan } from './types.js';
import { validate } from './validate.js';

/** Test support: builds plans from short unit lists ("Name" Bronze, "Name*" Gold) through validation. */
export function plan(side: SideIndex, units: readonly string[], priority?: readonly string[]): AbPlan {
  const raw: Record<string, unknown> = {
    [SIDES[side].planKey]: units.map((u) => (u.endsWith('*') ? { name: u.slice(0, -1), tier: 'Gold' } : { name: u })),
  };
  if (priority !== undefined) raw[priorityKey(side)] = priority;
  return validate(side, raw, abConfig()).plan;
}

/** "Name atk/hp", with "*" for Gold, " DS" for a Divine Shield and " bN" for a burn of N. */
export function fmt(u: AbLogUnit): string {
  return `${u.name}${u.gold ? '*' : ''} ${u.atk}/${u.hp}${u.shield ? ' DS' : ''}${u.burn > 0 ? ` b${u.burn}` : ''}`;
}

export interface Fought {
  readonly result: BattleResult;
  readonly log: AbBattleLog;
  /** Both lines ("Defender | Invader") after start effects (turn 0) or after turn `n`. */
  after(n: number): string;
}

export function fight(
  defenders: readonly string[],
  invaders: readonly string[],
  options: { readonly pd?: readonly string[]; readonly pi?: readonly string[]; readonly config?: PlanGameConfig } = {},
): Fought {
  const result = simulate(plan(0, defenders, options.pd), plan(1, invaders, options.pi), options.config ?? abConfig(), { log: true });
  const log = result.log as AbBattleLog;
  const show = (lines: readonly (readonly AbLogUnit[])[]): string => lines.map((l) => l.map(fmt).join(', ')).join(' | ');
  return {
    result,
    log,
    after(n: number): string {
      if (n === 0) return show(log.lines);
      const turn = log.turns[n - 1];
      if (turn === undefined) throw new RangeError(`no turn ${n}`);
      return show(turn.lines);
    },
  };
}
