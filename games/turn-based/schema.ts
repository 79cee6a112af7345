import { oneOfText, planObject, type JsonSchema } from '../core/json-schema.js';
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { CHARACTERS_PER_SIDE, SIDE_ELEMENTS, SKILLS_PER_CHARACTER, elementSkills, type ElementName } from './catalogue.js';
import { PLAN_KEYS } from './validate.js';

/**
 * The JSON Schema of a side's plan, from the catalogue the validator reads: up to three characters, each one of the
 * side's elements with up to three distinct skills of that element. Two characters of one element and the budget
 * are checked by the validator alone.
 */
export function planSchema(side: SideIndex, _config: PlanGameConfig): JsonSchema {
  const character = (element: ElementName): JsonSchema => ({
    type: 'object',
    properties: {
      element: { const: element },
      skills: { type: 'array', items: oneOfText(elementSkills(element).map((s) => s.id)), maxItems: SKILLS_PER_CHARACTER, uniqueItems: true },
    },
    required: ['element', 'skills'],
  });
  const list = { type: 'array', items: { anyOf: SIDE_ELEMENTS[side].map(character) }, maxItems: CHARACTERS_PER_SIDE };
  return planObject(PLAN_KEYS[side], list);
}
