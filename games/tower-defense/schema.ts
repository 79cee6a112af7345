import { intIn, oneOfText, planObject, type JsonSchema } from '../core/json-schema.js';
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { COLUMNS, DEMONS, HUMANS, LANES, MAX_SPAWN_MS } from './catalogue.js';

/**
 * The JSON Schema of a side's plan, from the catalogue the validator reads: unit names, grid size and spawn window.
 * Whatever it accepts, item by item, the validator uses; two humans on one cell and the budget are checked by the
 * validator alone (JSON Schema cannot state them).
 */
export function planSchema(side: SideIndex, _config: PlanGameConfig): JsonSchema {
  const spawn = intIn(0, MAX_SPAWN_MS);
  if (side === 0) {
    const item = { type: 'object', properties: { name: oneOfText(HUMANS.map((h) => h.name)), x: intIn(0, COLUMNS - 1), y: intIn(0, LANES - 1), spawn_time: spawn }, required: ['name', 'x', 'y'] };
    return planObject('humans', { type: 'array', items: item });
  }
  const item = { type: 'object', properties: { name: oneOfText(DEMONS.map((d) => d.name)), y: intIn(0, LANES - 1), spawn_time: spawn }, required: ['name', 'y'] };
  return planObject('demons', { type: 'array', items: item });
}
