import { planSchema } from './schema.js';
import type { PlanGame } from '../core/plan-game.js';
import { mutatePlan, randomPlan } from './plans.js';
import { simulate } from './simulate.js';
import { battleReport } from './report.js';
import { catalogueText, exampleJson, rulesText } from './text.js';
import { PRESET_NAMES, presetConfig, type TbPlan } from './types.js';
import { validate } from './validate.js';
import { planDescriptor, type PlanGameDescriptor } from '../core/descriptor.js';

export type { TbCharacter, TbPlan } from './types.js';
export type { TbLog, TbLogEvent, TbLogFrame, TbLogFighter } from './log.js';

/** Turn-based (SPEC §4): three elemental characters a side, fixed skill cycles, rounds of Invaders then Defenders. */
export const turnBased: PlanGame<TbPlan> = {
  family: 'plan',
  id: 'turn-based',
  version: 1,
  title: 'Turn-based',
  sides: [
    { id: 'defender', label: 'Defender', planKey: 'defenders', winnerLabel: 'Defenders' },
    { id: 'invader', label: 'Invader', planKey: 'invaders', winnerLabel: 'Invaders' },
  ],
  initAttempts: 3,
  finalBattleAfterLastRevision: true,
  presets: PRESET_NAMES,
  config: presetConfig,
  validate,
  planSchema,
  emptyPlan: () => ({ characters: [] }),
  simulate,
  rulesText,
  rulesListOpponentCatalogue: true,
  battleReport,
  catalogueText,
  planNames: (plan) => [...new Set(plan.characters.flatMap((c) => c.skills))],
  exampleJson,
  randomPlan,
  mutatePlan,
};

/** turnBased as it registers itself (plan games take no id parameters). */
export const turnBasedDescriptor: PlanGameDescriptor = planDescriptor(turnBased as PlanGame);
