import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { isIntIn } from '../core/norm.js';
import { PRESETS, type ElementName, type SkillId } from './catalogue.js';

/** A character that fights: its element and its skill cycle (0–3 distinct skills of that element, in order). */
export interface TbCharacter {
  readonly element: ElementName;
  readonly skills: readonly SkillId[];
}

/** A validated Turn-based plan: up to three characters with distinct elements, front first. */
export interface TbPlan {
  readonly characters: readonly TbCharacter[];
}

export type TbPreset = keyof typeof PRESETS;

export const PRESET_NAMES: readonly TbPreset[] = ['default', 'paper'];

export function isPreset(name: string): name is TbPreset {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** Settings of a preset; throws on an unknown name (a caller error). */
export function presetConfig(preset = 'default'): PlanGameConfig {
  if (!isPreset(preset)) {
    throw new Error(`unknown turn-based preset '${preset}'; valid presets: ${PRESET_NAMES.join(', ')}`);
  }
  const values = PRESETS[preset];
  return {
    preset,
    budgets: [values.budgets[0], values.budgets[1]],
    params: { hp0: values.hp[0], hp1: values.hp[1] },
  };
}

/**
 * Character HP of a side from `config.params` (`hp0` Defender, `hp1` Invader). A missing or invalid value (not an
 * integer in 1..1,000,000) falls back to the default preset, so simulation stays total.
 */
export function hpOf(config: PlanGameConfig, side: SideIndex): number {
  const value = config.params[side === 0 ? 'hp0' : 'hp1'];
  return isIntIn(value, 1, 1_000_000) ? value : PRESETS.default.hp[side];
}
