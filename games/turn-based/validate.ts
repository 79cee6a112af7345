import { norm } from '../core/norm.js';
import type { PlanGameConfig, PlanItemReport, SideIndex, ValidatedPlan, ViolationCode } from '../core/plan-game.js';
import {
  ELEMENTS,
  SKILLS,
  SKILLS_PER_CHARACTER,
  elementSide,
  type ElementName,
  type SkillId,
  type SkillInfo,
} from './catalogue.js';
import type { TbCharacter, TbPlan } from './types.js';

export const PLAN_KEYS = ['defenders', 'invaders'] as const;
const LABELS = ['Defender', 'Invader'] as const;

const ELEMENT_BY_NORM = new Map<string, ElementName>(ELEMENTS.map((element) => [norm(element), element]));
const SKILL_BY_NORM = new Map<string, SkillInfo>(SKILLS.map((skill) => [norm(skill.id), skill]));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Canonical JSON of a used plan, as a reply would carry it. Order is kept: it decides targets and skill cycles. */
export function canonicalPlan(side: SideIndex, plan: TbPlan): string {
  const characters = plan.characters.map((c) => ({ element: c.element, skills: [...c.skills] }));
  return JSON.stringify({ [PLAN_KEYS[side]]: characters });
}

function emptyResult(side: SideIndex, shape: 'wrong_shape', message: string): ValidatedPlan<TbPlan> {
  const plan: TbPlan = { characters: [] };
  return { plan, report: { shape, cost: 0, items: [], message }, canonical: canonicalPlan(side, plan) };
}

/** Why a character is not used: the code and sentence its listed skills inherit. */
interface Unused {
  readonly code: ViolationCode;
  readonly detail: string;
}

/**
 * SPEC §4.2 with REVIEW T1/T2/C2. Cost = every listed string naming a skill of this side, wherever it stands. A
 * character fights when its element is one of the side's and not taken by an earlier character; its cycle is the
 * first three entries that are skills of its element and not repeats (filter, then take). A member that is not an
 * object, has a non-text element, or whose `skills` is not a list is an unknown item (free, ignored, skills
 * included); a non-text skill is an unknown item. Never throws; linear in the plan size.
 */
export function validate(side: SideIndex, value: unknown, _config: PlanGameConfig): ValidatedPlan<TbPlan> {
  const key = PLAN_KEYS[side];
  if (!isRecord(value)) return emptyResult(side, 'wrong_shape', `the reply is not a JSON object with a "${key}" list`);
  const list = value[key];
  if (!Array.isArray(list)) return emptyResult(side, 'wrong_shape', `the "${key}" key is missing or is not a list`);

  const items: PlanItemReport[] = [];
  const characters: TbCharacter[] = [];
  const taken = new Set<ElementName>();
  let cost = 0;

  for (let i = 0; i < list.length; i++) {
    const path = `${key}[${i}]`;
    const member: unknown = list[i];
    if (!isRecord(member)) {
      items.push({ path, name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail: 'not an object' });
      continue;
    }
    const rawElement = member['element'];
    const rawSkills = member['skills'];
    if (typeof rawElement !== 'string') {
      const detail = 'its "element" is not text, so the character and its skills are ignored (free)';
      items.push({ path, name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail });
      continue;
    }
    if (!Array.isArray(rawSkills)) {
      const detail = 'its "skills" is not a list, so the character is ignored (free)';
      items.push({ path, name: rawElement, status: 'unknown', code: 'item/malformed', cost: 0, detail });
      continue;
    }

    const element = ELEMENT_BY_NORM.get(norm(rawElement));
    let unused: Unused | null = null;
    if (element === undefined) {
      const detail = `"${rawElement}" is not an element; ${LABELS[side]} elements are the only ones allowed`;
      items.push({ path, name: rawElement, status: 'unknown', code: 'item/unknown_name', cost: 0, detail });
      unused = { code: 'item/wrong_element', detail: `its character's element "${rawElement}" is unknown` };
    } else if (elementSide(element) !== side) {
      const detail = `${element} is not a ${LABELS[side]} element`;
      items.push({ path, name: element, status: 'unknown', code: 'item/wrong_element', cost: 0, detail });
      unused = { code: 'item/wrong_element', detail: `its character's element ${element} is not a ${LABELS[side]} element` };
    } else if (taken.has(element)) {
      // Distinct elements out of three also enforce the cap of three characters.
      const detail = `an earlier character is already ${element}`;
      items.push({ path, name: element, status: 'ignored', code: 'item/duplicate_element', cost: 0, detail });
      unused = { code: 'item/duplicate_element', detail: `its character is not used (an earlier character is already ${element})` };
    } else {
      taken.add(element);
      items.push({ path, name: element, status: 'used', cost: 0 });
    }

    const cycle: SkillId[] = [];
    for (let j = 0; j < rawSkills.length; j++) {
      const skillPath = `${path}.skills[${j}]`;
      const raw: unknown = rawSkills[j];
      if (typeof raw !== 'string') {
        items.push({ path: skillPath, name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail: 'not text' });
        continue;
      }
      const skill = SKILL_BY_NORM.get(norm(raw));
      if (skill === undefined) {
        const detail = `"${raw}" is not a skill`;
        items.push({ path: skillPath, name: raw, status: 'unknown', code: 'item/unknown_name', cost: 0, detail });
        continue;
      }
      if (skill.side !== side) {
        const detail = `${skill.id} is a ${LABELS[skill.side]} skill`;
        items.push({ path: skillPath, name: skill.id, status: 'unknown', code: 'item/wrong_side_skill', cost: 0, detail });
        continue;
      }
      cost += skill.cost;
      const charged = { path: skillPath, name: skill.id, cost: skill.cost } as const;
      if (unused !== null) {
        items.push({ ...charged, status: 'ignored', code: unused.code, detail: unused.detail });
      } else if (skill.element !== element) {
        const detail = `${skill.id} is a ${skill.element} skill, not ${element ?? ''}`;
        items.push({ ...charged, status: 'ignored', code: 'item/wrong_element', detail });
      } else if (cycle.includes(skill.id)) {
        items.push({ ...charged, status: 'ignored', code: 'item/duplicate_skill', detail: 'already listed for this character' });
      } else if (cycle.length >= SKILLS_PER_CHARACTER) {
        const detail = `the character already has ${SKILLS_PER_CHARACTER} skills`;
        items.push({ ...charged, status: 'ignored', code: 'item/over_skill_cap', detail });
      } else {
        cycle.push(skill.id);
        items.push({ ...charged, status: 'used' });
      }
    }
    if (unused === null && element !== undefined) characters.push({ element, skills: cycle });
  }

  const plan: TbPlan = { characters };
  return { plan, report: { shape: 'ok', cost, items }, canonical: canonicalPlan(side, plan) };
}
