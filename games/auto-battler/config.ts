import type { PlanGameConfig, PlanSide, SideIndex } from '../core/plan-game.js';

/** Side descriptors: side 0 is the Defender, side 1 the Invader (SPEC §1.1). */
export const SIDES: readonly [PlanSide, PlanSide] = [
  { id: 'defender', label: 'Defender', planKey: 'defenders', winnerLabel: 'Defenders' },
  { id: 'invader', label: 'Invader', planKey: 'invaders', winnerLabel: 'Invaders' },
];

/** The optional target priority key of a side's plan, e.g. `target_priority_for_invaders`. */
export function priorityKey(side: SideIndex): string {
  return `target_priority_for_${SIDES[side].planKey}`;
}

export const PRESETS = ['default', 'paper'] as const;

/** Units on one side of the board at any time, and the first units of a plan that fight (SPEC §3.2). */
export const DEFAULT_MAX_UNITS = 7;
/** Turn cap of SPEC §3.3 item 9 (REVIEW A9: each side's turn counts one). */
export const DEFAULT_MAX_TURNS = 200;

/**
 * Both presets use budgets 20 / 20 (REVIEW-AB-TB "Balance": unchanged from the paper). Params: `maxUnits`, `maxTurns`.
 */
export function abConfig(preset = 'default'): PlanGameConfig {
  if (!(PRESETS as readonly string[]).includes(preset)) {
    throw new Error(`unknown auto-battler preset "${preset}"; valid presets: ${PRESETS.join(', ')}`);
  }
  return { preset, budgets: [20, 20], params: { maxUnits: DEFAULT_MAX_UNITS, maxTurns: DEFAULT_MAX_TURNS } };
}

export interface AbRules {
  readonly maxUnits: number;
  readonly maxTurns: number;
}

/** The numeric rules of a config; a missing or non-positive-integer param falls back to its default. */
export function abRules(config: PlanGameConfig): AbRules {
  return {
    maxUnits: positiveInt(config.params['maxUnits'], DEFAULT_MAX_UNITS),
    maxTurns: positiveInt(config.params['maxTurns'], DEFAULT_MAX_TURNS),
  };
}

function positiveInt(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}
