import type { BattleResult, PlanGameConfig, SideIndex } from '../core/plan-game.js';
import type { ElementName, SkillId } from './catalogue.js';
import type { TbLog, TbLogFrame } from './log.js';
import { simulate } from './simulate.js';
import { presetConfig, type TbPlan } from './types.js';

/** Test helpers for hand-worked battles (used by the *.test.ts files only). */

export const PAPER = presetConfig('paper');
export const DEFAULT = presetConfig('default');

/** A config with custom HP (Defender, Invader). */
export function hpConfig(hp0: number, hp1: number): PlanGameConfig {
  return { preset: 'custom', budgets: [20, 20], params: { hp0, hp1 } };
}

/** A plan from [element, ...skills] tuples, front first. */
export function lineup(...characters: readonly (readonly [ElementName, ...SkillId[]])[]): TbPlan {
  return { characters: characters.map(([element, ...skills]) => ({ element, skills })) };
}

export interface Fought {
  readonly result: BattleResult;
  readonly log: TbLog;
  /** HP by side after the frame of `actor` ([side, index]) in `round`, or after that round's end phase. */
  hp(round: number, actor: readonly [SideIndex, number] | 'end'): readonly [readonly number[], readonly number[]];
  frame(round: number, actor: readonly [SideIndex, number] | 'end'): TbLogFrame;
}

export function fight(defenders: TbPlan, invaders: TbPlan, config: PlanGameConfig = PAPER): Fought {
  const result = simulate(defenders, invaders, config, { log: true });
  const log = result.log as TbLog;
  const frame = (round: number, actor: readonly [SideIndex, number] | 'end'): TbLogFrame => {
    const found = log.frames.find(
      (f) => f.round === round && (actor === 'end' ? f.actor === null : f.actor?.[0] === actor[0] && f.actor[1] === actor[1]),
    );
    if (!found) throw new Error(`no frame for round ${round} ${String(actor)}`);
    return found;
  };
  return { result, log, frame, hp: (round, actor) => frame(round, actor).hp };
}

/** Frame actor shorthands: defender i, invader i. */
export const D = (i: number): readonly [SideIndex, number] => [0, i];
export const I = (i: number): readonly [SideIndex, number] => [1, i];
