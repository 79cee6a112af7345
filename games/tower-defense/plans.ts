/**
 * Random and mutated plans for search agents and tests. Both return the raw JSON value a player would submit and
 * are always valid (every item used) and within budget. Random plans vary in how much of the budget they spend,
 * which lanes they favour, which unit types they prefer and how they time their units.
 */
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import type { Rng } from '../core/rng.js';
import { COLUMNS, DEMONS, HUMANS, LANES, MAX_SPAWN_MS, TICK_MS } from './catalogue.js';
import type { TdPlan } from './types.js';
import { validate } from './validate.js';

interface RawHuman {
  name: string;
  x: number;
  y: number;
  spawn_time: number;
}
interface RawDemon {
  name: string;
  y: number;
  spawn_time: number;
}
type RawUnit = RawHuman | RawDemon;

const SPEC_LISTS = [HUMANS, DEMONS] as const;
const KEYS = ['humans', 'demons'] as const;
const MAX_SPAWN_STEPS = MAX_SPAWN_MS / TICK_MS;

/** How a plan times its units: all at once, mostly at once with stragglers, in a few waves, or spread out. */
type Timing = { readonly kind: 'zero' } | { readonly kind: 'mixed' } | { readonly kind: 'waves'; readonly waves: readonly number[] } | { readonly kind: 'spread'; readonly until: number };

interface Style {
  readonly timing: Timing;
  /** Relative preference per lane and per catalogue entry. */
  readonly laneWeights: readonly number[];
  readonly kindWeights: readonly number[];
}

function randomTime(rng: Rng, maxSteps = MAX_SPAWN_STEPS): number {
  return rng.int(0, maxSteps) * TICK_MS;
}

function drawStyle(side: SideIndex, rng: Rng): Style {
  const roll = rng.int(0, 9);
  let timing: Timing;
  if (roll < (side === 0 ? 5 : 2)) timing = { kind: 'zero' };
  else if (roll < 7) timing = { kind: 'mixed' };
  else if (roll < 9) timing = { kind: 'waves', waves: Array.from({ length: rng.int(2, 4) }, () => randomTime(rng)) };
  else timing = { kind: 'spread', until: rng.int(1, MAX_SPAWN_STEPS) };
  const focus = rng.chance(0.5);
  const laneWeights = Array.from({ length: LANES }, () => (focus ? rng.pick([0, 0, 1, 4]) : 1) + 0.05);
  const kindWeights = SPEC_LISTS[side].map(() => rng.pick([0.1, 1, 1, 3]));
  return { timing, laneWeights, kindWeights };
}

function spawnTime(style: Style, rng: Rng): number {
  const timing = style.timing;
  switch (timing.kind) {
    case 'zero':
      return 0;
    case 'mixed':
      return rng.chance(0.7) ? 0 : randomTime(rng);
    case 'waves':
      return rng.pick(timing.waves);
    case 'spread':
      return randomTime(rng, timing.until);
  }
}

/** Index drawn with probability proportional to its weight among those allowed; -1 when none is allowed. */
function weightedIndex(weights: readonly number[], allowed: (i: number) => boolean, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) if (allowed(i)) total += weights[i] ?? 0;
  if (total <= 0) return -1;
  let r = rng.float() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (!allowed(i)) continue;
    last = i;
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return last;
}

/** A new unit costing at most `room`, in a free cell for humans; null when nothing fits. */
function newUnit(side: SideIndex, used: ReadonlySet<number>, room: number, style: Style, rng: Rng): RawUnit | null {
  const specs = SPEC_LISTS[side];
  const kind = weightedIndex(style.kindWeights, (i) => (specs[i]?.cost ?? Infinity) <= room, rng);
  const spec = specs[kind];
  if (spec === undefined) return null;
  const spawn_time = spawnTime(style, rng);
  if (side === 1) {
    const y = weightedIndex(style.laneWeights, () => true, rng);
    return { name: spec.name, y, spawn_time };
  }
  const y = weightedIndex(style.laneWeights, (lane) => freeInLane(used, lane) > 0, rng);
  if (y < 0) return null;
  const free: number[] = [];
  for (let x = 0; x < COLUMNS; x++) if (!used.has(y * COLUMNS + x)) free.push(x);
  return { name: spec.name, x: rng.pick(free), y, spawn_time };
}

function freeInLane(used: ReadonlySet<number>, lane: number): number {
  let n = 0;
  for (let x = 0; x < COLUMNS; x++) if (!used.has(lane * COLUMNS + x)) n++;
  return n;
}

function cellOf(unit: RawUnit): number {
  return 'x' in unit ? unit.y * COLUMNS + unit.x : -1;
}

function costOf(side: SideIndex, unit: RawUnit): number {
  return SPEC_LISTS[side].find((s) => s.name === unit.name)?.cost ?? 0;
}

export function randomPlan(side: SideIndex, rng: Rng, config: PlanGameConfig): unknown {
  const budget = config.budgets[side];
  const style = drawStyle(side, rng);
  const target = rng.chance(0.7) ? budget : rng.int(Math.floor(budget / 4), Math.max(Math.floor(budget / 4), budget));
  const units: RawUnit[] = [];
  const used = new Set<number>();
  let spent = 0;
  for (;;) {
    const unit = newUnit(side, used, Math.min(target, budget) - spent, style, rng);
    if (unit === null) break;
    units.push(unit);
    used.add(cellOf(unit));
    spent += costOf(side, unit);
  }
  return { [KEYS[side]]: units };
}

function rawUnits(plan: TdPlan): RawUnit[] {
  if (plan.side === 'human') {
    return plan.humans.map((h) => ({ name: HUMANS[h.kind]?.name ?? '', x: h.x, y: h.y, spawn_time: h.spawn }));
  }
  return plan.demons.map((d) => ({ name: DEMONS[d.kind]?.name ?? '', y: d.y, spawn_time: d.spawn }));
}

/** One random edit of a valid unit list; returns false when the chosen edit is impossible. */
function mutateOnce(side: SideIndex, units: RawUnit[], room: number, rng: Rng): boolean {
  const style = drawStyle(side, rng);
  const used = new Set(units.map(cellOf));
  const i = units.length > 0 ? rng.int(0, units.length - 1) : -1;
  const unit = units[i];
  const op = rng.int(0, 5);
  if (op === 0 || unit === undefined) {
    const added = newUnit(side, used, room, style, rng);
    if (added === null) return false;
    units.splice(rng.int(0, units.length), 0, added);
    return true;
  }
  if (op === 1) {
    units.splice(i, 1);
    return true;
  }
  if (op === 2) {
    const specs = SPEC_LISTS[side];
    const own = costOf(side, unit);
    const kind = weightedIndex(style.kindWeights, (k) => (specs[k]?.cost ?? Infinity) - own <= room && specs[k]?.name !== unit.name, rng);
    const spec = specs[kind];
    if (spec === undefined) return false;
    unit.name = spec.name;
    return true;
  }
  if (op === 3) {
    const moved = newUnit(side, used, Infinity, style, rng);
    if (moved === null) return false;
    unit.y = moved.y;
    if ('x' in unit && 'x' in moved) unit.x = moved.x;
    return true;
  }
  if (op === 4) {
    const shift = rng.int(1, 40) * TICK_MS * (rng.chance(0.5) ? 1 : -1);
    const base = unit.spawn_time - (unit.spawn_time % TICK_MS);
    unit.spawn_time = rng.chance(0.3) ? randomTime(rng) : Math.min(MAX_SPAWN_MS, Math.max(0, base + shift));
    return true;
  }
  if (units.length < 2) return false;
  const j = rng.int(0, units.length - 1);
  const other = units[j] as RawUnit;
  units[j] = unit;
  units[i] = other;
  return i !== j;
}

export function mutatePlan(side: SideIndex, value: unknown, rng: Rng, config: PlanGameConfig): unknown {
  const budget = config.budgets[side];
  const checked = validate(side, value, config);
  const usable = checked.report.shape === 'ok' && checked.report.cost <= budget;
  if (!usable) return randomPlan(side, rng, config);
  const units = rawUnits(checked.plan);
  const room = budget - units.reduce((sum, u) => sum + costOf(side, u), 0);
  for (let attempt = 0; attempt < 10; attempt++) {
    if (mutateOnce(side, units, room, rng)) break;
  }
  return { [KEYS[side]]: units };
}
