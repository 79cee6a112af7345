/**
 * Tower Defense (SPEC §2): Humans place stationary units on a 5 × 11 grid, Demons walk in from the right; a demon
 * reaching the left edge wins for the Demons. The pure rules module behind the arena's plan-game loop.
 */
import { planSchema } from './schema.js';
import type { PlanGame } from '../core/plan-game.js';
import { DEMONS, HUMANS } from './catalogue.js';
import { config, PRESET_NAMES } from './config.js';
import { mutatePlan, randomPlan } from './plans.js';
import { simulate } from './simulate.js';
import { battleReport } from './report.js';
import { catalogueText, exampleJson, rulesText } from './text.js';
import type { TdPlan } from './types.js';
import { emptyPlan, validate } from './validate.js';
import { planDescriptor, type PlanGameDescriptor } from '../core/descriptor.js';

export type { TdDemon, TdHuman, TdPlan } from './types.js';
export type { TdLog, TdLogEvent, TdLogFrame } from './log.js';

function planNames(plan: TdPlan): string[] {
  const names = plan.side === 'human' ? plan.humans.map((h) => HUMANS[h.kind]?.name) : plan.demons.map((d) => DEMONS[d.kind]?.name);
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

export const towerDefense: PlanGame<TdPlan> = {
  family: 'plan',
  id: 'tower-defense',
  version: 1,
  title: 'Tower Defense',
  sides: [
    { id: 'human', label: 'Human', planKey: 'humans', winnerLabel: 'Human' },
    { id: 'demon', label: 'Demon', planKey: 'demons', winnerLabel: 'Demon' },
  ],
  initAttempts: 5,
  finalBattleAfterLastRevision: false,
  presets: PRESET_NAMES,
  config,
  validate,
  planSchema,
  emptyPlan,
  simulate,
  rulesText,
  rulesListOpponentCatalogue: true,
  battleReport,
  catalogueText,
  planNames,
  exampleJson,
  randomPlan,
  mutatePlan,
};

/** towerDefense as it registers itself (plan games take no id parameters). */
export const towerDefenseDescriptor: PlanGameDescriptor = planDescriptor(towerDefense as PlanGame);
