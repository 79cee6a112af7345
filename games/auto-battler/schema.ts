import { oneOfText, planObject, type JsonSchema } from '../core/json-schema.js';
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { ROSTER, SHOP } from './catalogue.js';
import { SIDES, abRules, priorityKey } from './config.js';

/**
 * The JSON Schema of a side's plan, from the catalogue and config the validator reads: the side's purchasable units
 * with their tier, at most `maxUnits` of them, and the optional target priority over the enemy roster. The budget
 * is checked by the validator alone.
 */
export function planSchema(side: SideIndex, config: PlanGameConfig): JsonSchema {
  const enemy = side === 0 ? 1 : 0;
  const unit = { type: 'object', properties: { name: oneOfText(SHOP[side].map((u) => u.name)), tier: oneOfText(['Bronze', 'Gold']) }, required: ['name'] };
  const priority = { type: 'array', items: oneOfText(ROSTER[enemy].map((u) => u.name)) };
  return planObject(SIDES[side].planKey, { type: 'array', items: unit, maxItems: abRules(config).maxUnits }, { [priorityKey(side)]: priority });
}
