import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import type { Rng } from '../core/rng.js';
import { SIDE_ELEMENTS, SKILLS_PER_CHARACTER, elementSkills, skillInfo, type ElementName, type SkillId } from './catalogue.js';
import { PLAN_KEYS, validate } from './validate.js';

interface Draft {
  element: ElementName;
  skills: SkillId[];
}

function budgetOf(side: SideIndex, config: PlanGameConfig): number {
  const b = config.budgets[side];
  return Number.isFinite(b) && b > 0 ? b : 0;
}

function toValue(side: SideIndex, drafts: readonly Draft[]): unknown {
  return { [PLAN_KEYS[side]]: drafts.map((d) => ({ element: d.element, skills: [...d.skills] })) };
}

function costOf(drafts: readonly Draft[]): number {
  let sum = 0;
  for (const d of drafts) for (const id of d.skills) sum += skillInfo(id).cost;
  return sum;
}

/** Adds random skills of the drafts' elements, in random order, while they fit the budget and the skill cap. */
function fill(drafts: Draft[], rng: Rng, room: number): void {
  let left = room;
  const candidates = rng.shuffle(drafts.flatMap((d) => elementSkills(d.element).map((s) => [d, s] as const)));
  for (const [draft, skill] of candidates) {
    if (draft.skills.length >= SKILLS_PER_CHARACTER || draft.skills.includes(skill.id) || skill.cost > left) continue;
    if (rng.chance(0.1)) continue;
    draft.skills.push(skill.id);
    left -= skill.cost;
  }
}

/** A full lineup (every element, three skills each, random orders), redrawn until it fits; null if none does soon. */
function fullPlan(side: SideIndex, rng: Rng, budget: number): Draft[] | null {
  for (let attempt = 0; attempt < 64; attempt++) {
    const drafts: Draft[] = rng.shuffle(SIDE_ELEMENTS[side]).map((element) => ({
      element,
      skills: rng.shuffle(elementSkills(element).map((s) => s.id)).slice(0, SKILLS_PER_CHARACTER),
    }));
    if (costOf(drafts) <= budget) return drafts;
  }
  return null;
}

/**
 * A random valid plan within budget, as a raw reply value. Mostly a uniformly drawn full lineup (three characters
 * with three skills each, the distribution the balance review measured); otherwise, for variety, one to three
 * characters filled with random skills while they fit, which also uses most of the budget.
 */
export function randomPlan(side: SideIndex, rng: Rng, config: PlanGameConfig): unknown {
  const budget = budgetOf(side, config);
  const full = rng.chance(0.8) ? fullPlan(side, rng, budget) : null;
  if (full !== null) return toValue(side, full);
  const count = rng.chance(0.7) ? 3 : rng.int(1, 2);
  const drafts: Draft[] = rng
    .shuffle(SIDE_ELEMENTS[side])
    .slice(0, count)
    .map((element) => ({ element, skills: [] }));
  fill(drafts, rng, budget);
  return toValue(side, drafts);
}

function otherSkills(d: Draft): SkillId[] {
  return elementSkills(d.element)
    .map((s) => s.id)
    .filter((id) => !d.skills.includes(id));
}

/** Tries one kind of change in place; false when it does not apply to this plan. */
function tryChange(kind: number, drafts: Draft[], side: SideIndex, rng: Rng, left: number): boolean {
  const withSkills = drafts.filter((d) => d.skills.length > 0);
  switch (kind) {
    case 0: {
      // Replace one skill with another of the same element that fits.
      if (withSkills.length === 0) return false;
      const d = rng.pick(withSkills);
      const at = rng.int(0, d.skills.length - 1);
      const old = skillInfo(d.skills[at] as SkillId).cost;
      const options = otherSkills(d).filter((id) => skillInfo(id).cost - old <= left);
      if (options.length === 0) return false;
      d.skills[at] = rng.pick(options);
      return true;
    }
    case 1: {
      // Add a skill where there is a free slot.
      const open = drafts.filter((d) => d.skills.length < SKILLS_PER_CHARACTER);
      if (open.length === 0) return false;
      const d = rng.pick(open);
      const options = otherSkills(d).filter((id) => skillInfo(id).cost <= left);
      if (options.length === 0) return false;
      d.skills.splice(rng.int(0, d.skills.length), 0, rng.pick(options));
      return true;
    }
    case 2: {
      if (withSkills.length === 0) return false;
      const d = rng.pick(withSkills);
      d.skills.splice(rng.int(0, d.skills.length - 1), 1);
      return true;
    }
    case 3: {
      // Reorder a cycle.
      const several = drafts.filter((d) => d.skills.length >= 2);
      if (several.length === 0) return false;
      const d = rng.pick(several);
      const i = rng.int(0, d.skills.length - 1);
      const j = (i + rng.int(1, d.skills.length - 1)) % d.skills.length;
      [d.skills[i], d.skills[j]] = [d.skills[j] as SkillId, d.skills[i] as SkillId];
      return true;
    }
    case 4: {
      // Reorder the lineup.
      if (drafts.length < 2) return false;
      const i = rng.int(0, drafts.length - 1);
      const j = (i + rng.int(1, drafts.length - 1)) % drafts.length;
      [drafts[i], drafts[j]] = [drafts[j] as Draft, drafts[i] as Draft];
      return true;
    }
    default: {
      // Field a missing element, or drop a character.
      const missing = SIDE_ELEMENTS[side].filter((e) => !drafts.some((d) => d.element === e));
      if (missing.length > 0 && (drafts.length <= 1 || rng.chance(0.5))) {
        const draft: Draft = { element: rng.pick(missing), skills: [] };
        fill([draft], rng, left);
        drafts.splice(rng.int(0, drafts.length), 0, draft);
        return true;
      }
      if (drafts.length <= 1) return false;
      drafts.splice(rng.int(0, drafts.length - 1), 1);
      return true;
    }
  }
}

/**
 * A small random change to a raw plan that keeps it valid and within budget: the used part of the plan (as
 * validation reads it) with one skill replaced, added, removed or moved, two characters swapped, or a character
 * added or removed. Anything that is not a readable plan within budget gives a fresh random plan.
 */
export function mutatePlan(side: SideIndex, value: unknown, rng: Rng, config: PlanGameConfig): unknown {
  const budget = budgetOf(side, config);
  const validated = validate(side, value, config);
  if (validated.report.shape !== 'ok') return randomPlan(side, rng, config);
  const drafts: Draft[] = validated.plan.characters.map((c) => ({ element: c.element, skills: [...c.skills] }));
  const cost = costOf(drafts);
  if (cost > budget) return randomPlan(side, rng, config);
  for (let attempt = 0; attempt < 24; attempt++) {
    if (tryChange(rng.int(0, 5), drafts, side, rng, budget - cost)) return toValue(side, drafts);
  }
  return randomPlan(side, rng, config);
}
