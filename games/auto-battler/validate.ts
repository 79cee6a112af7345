import { norm } from '../core/norm.js';
import type { PlanGameConfig, PlanItemReport, SideIndex, ValidatedPlan } from '../core/plan-game.js';
import { GOLD_COST_FACTOR, anyUnit, rosterUnit, shopUnit } from './catalogue.js';
import { SIDES, abRules, priorityKey } from './config.js';
import type { AbPlan, AbPlanUnit } from './types.js';

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** The canonical form: line order and priority order both matter, so neither is sorted. */
export function canonicalOf(plan: AbPlan): string {
  return JSON.stringify({ units: plan.units.map((u) => [u.name, u.gold ? 'Gold' : 'Bronze']), priority: plan.priority });
}

export const EMPTY_PLAN: AbPlan = Object.freeze({ units: Object.freeze([]), priority: Object.freeze([]) });

function emptyResult(shape: 'wrong_shape', message: string): ValidatedPlan<AbPlan> {
  return { plan: EMPTY_PLAN, report: { shape, cost: 0, items: [], message }, canonical: canonicalOf(EMPTY_PLAN) };
}

/**
 * Validates a parsed plan value for a side (SPEC §3.2, REVIEW C2/C3). Never throws. Every item whose normalised
 * name is one of the side's 11 purchasable units is charged (×3 for Gold); the first `maxUnits` of them fight and
 * later ones are ignored (`item/over_unit_cap`). Anything else costs 0 and is reported as unknown.
 */
export function validate(side: SideIndex, value: unknown, config: PlanGameConfig): ValidatedPlan<AbPlan> {
  const { label, planKey } = SIDES[side];
  if (!isObject(value)) return emptyResult('wrong_shape', `the plan is not a JSON object with a "${planKey}" list`);
  const list = own(value, planKey);
  if (list === undefined) return emptyResult('wrong_shape', `the plan has no "${planKey}" key`);
  if (!Array.isArray(list)) return emptyResult('wrong_shape', `"${planKey}" is not a list`);

  const { maxUnits } = abRules(config);
  const other = SIDES[side === 0 ? 1 : 0].label;
  const items: PlanItemReport[] = [];
  const units: AbPlanUnit[] = [];
  let cost = 0;
  for (let i = 0; i < list.length; i++) {
    const path = `${planKey}[${i}]`;
    const item: unknown = list[i];
    if (!isObject(item)) {
      items.push({ path, name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail: 'not an object with a "name": ignored' });
      continue;
    }
    const name = own(item, 'name');
    if (typeof name !== 'string') {
      items.push({ path, name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail: '"name" is missing or not text: ignored' });
      continue;
    }
    const spec = shopUnit(side, name);
    if (spec === undefined) {
      const known = anyUnit(name);
      const why =
        known === undefined
          ? `not one of the ${label} units`
          : known.side !== side
            ? `${known.name} is a ${other} unit`
            : `${known.name} is only summoned and cannot be bought`;
      items.push({ path, name, status: 'unknown', code: 'item/unknown_name', cost: 0, detail: `${why}: ignored, cost 0` });
      continue;
    }
    const tier = own(item, 'tier');
    const tierText = typeof tier === 'string' ? norm(tier) : '';
    const gold = tierText === 'gold';
    const itemCost = spec.cost * (gold ? GOLD_COST_FACTOR : 1);
    cost += itemCost;
    if (units.length >= maxUnits) {
      items.push({
        path,
        name: spec.name,
        status: 'ignored',
        code: 'item/over_unit_cap',
        cost: itemCost,
        detail: `beyond the first ${maxUnits} units: paid for but does not fight`,
      });
      continue;
    }
    units.push({ name: spec.name, gold });
    const tierNote =
      tier === undefined || tierText === 'gold' || tierText === 'bronze' ? undefined : 'tier is not "Gold": fights as Bronze';
    items.push(
      tierNote === undefined
        ? { path, name: spec.name, status: 'used', cost: itemCost }
        : { path, name: spec.name, status: 'used', cost: itemCost, detail: tierNote },
    );
  }

  const priority = readPriority(side, value, items);
  const plan: AbPlan = { units, priority };
  return { plan, report: { shape: 'ok', cost, items }, canonical: canonicalOf(plan) };
}

/** The priority list (REVIEW C2): not a list counts as absent; non-text and unknown entries are ignored. */
function readPriority(side: SideIndex, value: JsonObject, items: PlanItemReport[]): string[] {
  const key = priorityKey(side);
  const raw = own(value, key);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    items.push({ path: key, name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail: 'not a list: no priority used' });
    return [];
  }
  const enemy: SideIndex = side === 0 ? 1 : 0;
  const priority: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const path = `${key}[${i}]`;
    const entry: unknown = raw[i];
    if (typeof entry !== 'string') {
      items.push({ path, name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail: 'not a unit name: ignored' });
      continue;
    }
    const spec = rosterUnit(enemy, entry);
    if (spec === undefined) {
      items.push({
        path,
        name: entry,
        status: 'unknown',
        code: 'item/unknown_name',
        cost: 0,
        detail: `not one of the ${SIDES[enemy].label} units: ignored`,
      });
      continue;
    }
    if (priority.includes(spec.name)) {
      items.push({ path, name: spec.name, status: 'used', cost: 0, detail: 'repeats an earlier entry: no effect' });
      continue;
    }
    priority.push(spec.name);
    items.push({ path, name: spec.name, status: 'used', cost: 0 });
  }
  return priority;
}
