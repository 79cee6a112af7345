import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import type { Rng } from '../core/rng.js';
import { GOLD_COST_FACTOR, ROSTER, SHOP, type UnitSpec, unitByName } from './catalogue.js';
import { SIDES, abRules, priorityKey } from './config.js';
import type { AbPlanUnit } from './types.js';
import { validate } from './validate.js';

/** Chance that a randomly bought unit is Gold when Gold is affordable. */
const GOLD_CHANCE = 0.2;
/** Chance that a random plan carries a priority list. */
const PRIORITY_CHANCE = 0.5;
const MAX_RANDOM_PRIORITY = 4;
/** Chance that a random plan aims for a full line (otherwise a uniform size from 1 to maxUnits). */
const FULL_CHANCE = 0.5;

function unitCost(u: AbPlanUnit): number {
  const spec = unitByName(u.name);
  return spec === undefined ? 0 : spec.cost * (u.gold ? GOLD_COST_FACTOR : 1);
}

function planCost(units: readonly AbPlanUnit[]): number {
  let s = 0;
  for (const u of units) s += unitCost(u);
  return s;
}

/** A random purchasable unit of `side` costing at most `room`, Gold now and then; undefined if none fits. */
function randomUnit(side: SideIndex, rng: Rng, room: number): AbPlanUnit | undefined {
  const fits = SHOP[side].filter((u) => u.cost <= room);
  if (fits.length === 0) return undefined;
  const spec: UnitSpec = rng.pick(fits);
  const gold = spec.cost * GOLD_COST_FACTOR <= room && rng.chance(GOLD_CHANCE);
  return { name: spec.name, gold };
}

function randomPriority(side: SideIndex, rng: Rng): string[] {
  if (!rng.chance(PRIORITY_CHANCE)) return [];
  const enemy = ROSTER[side === 0 ? 1 : 0].map((u) => u.name);
  return rng.shuffle(enemy).slice(0, rng.int(1, MAX_RANDOM_PRIORITY));
}

/** The raw JSON value a player would submit for a line and a priority list. */
function toRaw(side: SideIndex, units: readonly AbPlanUnit[], priority: readonly string[]): unknown {
  const raw: Record<string, unknown> = {
    [SIDES[side].planKey]: units.map((u) => ({ name: u.name, tier: u.gold ? 'Gold' : 'Bronze' })),
  };
  if (priority.length > 0) raw[priorityKey(side)] = [...priority];
  return raw;
}

/**
 * A random valid plan within budget: half the time a full line is aimed for, otherwise a uniform size from 1 to
 * `maxUnits`; units are drawn among those that still fit the budget left (Gold with probability 0.2 when it fits);
 * half the plans carry a short priority list.
 */
export function randomPlan(side: SideIndex, rng: Rng, config: PlanGameConfig): unknown {
  const { maxUnits } = abRules(config);
  const budget = config.budgets[side];
  const size = rng.chance(FULL_CHANCE) ? maxUnits : rng.int(1, maxUnits);
  const units: AbPlanUnit[] = [];
  let room = budget;
  while (units.length < size) {
    const u = randomUnit(side, rng, room);
    if (u === undefined) break;
    units.push(u);
    room -= unitCost(u);
  }
  return toRaw(side, units, randomPriority(side, rng));
}

type Mutation = (side: SideIndex, units: AbPlanUnit[], priority: string[], rng: Rng, room: number, maxUnits: number) => boolean;

const MUTATIONS: readonly Mutation[] = [
  // Replace one unit by another that fits.
  (side, units, _p, rng, room) => {
    if (units.length === 0) return false;
    const i = rng.int(0, units.length - 1);
    const u = randomUnit(side, rng, room + unitCost(units[i] as AbPlanUnit));
    if (u === undefined || (u.name === units[i]?.name && u.gold === units[i]?.gold)) return false;
    units[i] = u;
    return true;
  },
  // Toggle one unit's tier.
  (_s, units, _p, rng, room) => {
    if (units.length === 0) return false;
    const i = rng.int(0, units.length - 1);
    const u = units[i] as AbPlanUnit;
    const toggled = { name: u.name, gold: !u.gold };
    if (unitCost(toggled) - unitCost(u) > room) return false;
    units[i] = toggled;
    return true;
  },
  // Move one unit to another position.
  (_s, units, _p, rng) => {
    if (units.length < 2) return false;
    const from = rng.int(0, units.length - 1);
    const [u] = units.splice(from, 1);
    let to = rng.int(0, units.length);
    if (to === from) to = to === units.length ? 0 : to + 1;
    units.splice(to, 0, u as AbPlanUnit);
    return true;
  },
  // Add a unit at a random position.
  (side, units, _p, rng, room, maxUnits) => {
    if (units.length >= maxUnits) return false;
    const u = randomUnit(side, rng, room);
    if (u === undefined) return false;
    units.splice(rng.int(0, units.length), 0, u);
    return true;
  },
  // Remove a unit.
  (_s, units, _p, rng) => {
    if (units.length < 2) return false;
    units.splice(rng.int(0, units.length - 1), 1);
    return true;
  },
  // Change the priority list: add, drop or move one entry.
  (side, _u, priority, rng) => {
    const enemy = ROSTER[side === 0 ? 1 : 0].map((u) => u.name).filter((n) => !priority.includes(n));
    const op = rng.int(0, 2);
    if (op === 0 && enemy.length > 0) {
      priority.splice(rng.int(0, priority.length), 0, rng.pick(enemy));
      return true;
    }
    if (priority.length === 0) return false;
    const [name] = priority.splice(rng.int(0, priority.length - 1), 1);
    if (op === 2 && name !== undefined) priority.splice(rng.int(0, priority.length), 0, name);
    return true;
  },
];

/**
 * A small random change that keeps the plan valid and within budget. The input is validated first: items that
 * would not fight are dropped and, if it is over budget, units are dropped at random until it fits. Anything that
 * is not a plan of this side gives a fresh random plan.
 */
export function mutatePlan(side: SideIndex, value: unknown, rng: Rng, config: PlanGameConfig): unknown {
  const checked = validate(side, value, config);
  if (checked.report.shape !== 'ok') return randomPlan(side, rng, config);
  const { maxUnits } = abRules(config);
  const budget = config.budgets[side];
  const units = checked.plan.units.slice();
  const priority = checked.plan.priority.slice();
  while (units.length > 0 && planCost(units) > budget) units.splice(rng.int(0, units.length - 1), 1);
  for (let attempt = 0; attempt < 20; attempt++) {
    const mutation = rng.pick(MUTATIONS);
    if (mutation(side, units, priority, rng, budget - planCost(units), maxUnits)) break;
  }
  return toRaw(side, units, priority);
}
