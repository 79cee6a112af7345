import type { PlanGameConfig } from '../core/plan-game.js';

/**
 * Budget presets (SPEC §2.8 Balance): 'default' Human 5000 / Demon 1000 after the balance review; 'paper' keeps the
 * original 2000 / 1500 for comparison with the paper. Tower Defense has no other numeric settings.
 */
const PRESETS: Readonly<Record<string, readonly [number, number]>> = {
  default: [5000, 1000],
  paper: [2000, 1500],
};

export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);

export function config(preset = 'default'): PlanGameConfig {
  const budgets = Object.hasOwn(PRESETS, preset) ? PRESETS[preset] : undefined;
  if (budgets === undefined) {
    throw new Error(`unknown tower-defense preset '${preset}'; valid presets: ${PRESET_NAMES.join(', ')}`);
  }
  return { preset, budgets, params: {} };
}
