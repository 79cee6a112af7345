import { planSchema } from './schema.js';
import type { PlanGame } from '../core/plan-game.js';
import { PRESETS, SIDES, abConfig } from './config.js';
import { mutatePlan, randomPlan } from './plans.js';
import { simulate } from './simulate.js';
import { battleReport } from './report.js';
import { catalogueText, exampleJson, rulesText } from './text.js';
import type { AbPlan } from './types.js';
import { EMPTY_PLAN, validate } from './validate.js';
import { planDescriptor, type PlanGameDescriptor } from '../core/descriptor.js';

export type { AbBattleLog, AbLogEvent, AbLogTurn, AbLogUnit, AbPlan, AbPlanUnit } from './types.js';
export { priorityKey } from './config.js';

/** The Auto-battler of SPEC §3 with the REVIEW-AB-TB resolutions. Side 0 Defender, side 1 Invader. */
export const autoBattler: PlanGame<AbPlan> = {
  family: 'plan',
  id: 'auto-battler',
  version: 1,
  title: 'Auto-battler',
  sides: SIDES,
  initAttempts: 3,
  finalBattleAfterLastRevision: true,
  presets: PRESETS,
  config: abConfig,
  validate,
  planSchema,
  emptyPlan: () => EMPTY_PLAN,
  simulate,
  rulesText,
  rulesListOpponentCatalogue: false,
  battleReport,
  catalogueText,
  planNames: (plan) => [...new Set(plan.units.map((u) => u.name))],
  exampleJson,
  randomPlan,
  mutatePlan,
};

/** autoBattler as it registers itself (plan games take no id parameters). */
export const autoBattlerDescriptor: PlanGameDescriptor = planDescriptor(autoBattler as PlanGame);
