/**
 * Plan validation (SPEC §1.3, §2.2, §2.8 items 1, 2, 4, 5): total, never throws, linear in the number of items.
 * Every item with a known name is charged, even when it cannot fight; unknown and malformed items cost nothing.
 */
import { isIntIn, norm } from '../core/norm.js';
import type { PlanGameConfig, PlanItemReport, SideIndex, ValidatedPlan, ViolationCode } from '../core/plan-game.js';
import {
  COLUMNS,
  DEMON_INDEX,
  DEMONS,
  HUMAN_INDEX,
  HUMANS,
  LANES,
  MAX_SPAWN_MS,
  TICK_MS,
} from './catalogue.js';
import type { TdDemon, TdHuman, TdPlan } from './types.js';

const PLAN_KEYS = ['humans', 'demons'] as const;
const LABELS = ['Human', 'Demon'] as const;

/** An own property of a JSON object (inherited properties never count as submitted fields). */
function field(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function emptyPlan(side: SideIndex): TdPlan {
  return side === 0 ? { side: 'human', humans: [] } : { side: 'demon', demons: [] };
}

function wrongShape(side: SideIndex, message: string): ValidatedPlan<TdPlan> {
  const plan = emptyPlan(side);
  return { plan, report: { shape: 'wrong_shape', cost: 0, items: [], message }, canonical: canonicalOf(plan) };
}

/**
 * Canonical JSON of the used units. Units are grouped where their order cannot matter: humans by lane then spawn
 * time (humans of different lanes never interact), demons by spawn time (appearance order also breaks ties between
 * lanes); submitted order is kept inside each group because it breaks spawn ties.
 */
export function canonicalOf(plan: TdPlan): string {
  if (plan.side === 'human') {
    const units = plan.humans
      .map((h, i) => ({ h, i }))
      .sort((a, b) => a.h.y - b.h.y || a.h.spawn - b.h.spawn || a.i - b.i)
      .map(({ h }) => ({ name: HUMANS[h.kind]?.name, x: h.x, y: h.y, spawn_time: h.spawn }));
    return JSON.stringify({ humans: units });
  }
  const units = plan.demons
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.spawn - b.d.spawn || a.i - b.i)
    .map(({ d }) => ({ name: DEMONS[d.kind]?.name, y: d.y, spawn_time: d.spawn }));
  return JSON.stringify({ demons: units });
}

export function validate(side: SideIndex, value: unknown, _config: PlanGameConfig): ValidatedPlan<TdPlan> {
  const key = PLAN_KEYS[side];
  if (!isRecord(value)) return wrongShape(side, `the reply must be a JSON object with a "${key}" list`);
  const list = field(value, key);
  if (!Array.isArray(list)) return wrongShape(side, `the "${key}" field is missing or is not a list`);

  const catalogue = side === 0 ? HUMAN_INDEX : DEMON_INDEX;
  const specs = side === 0 ? HUMANS : DEMONS;
  const label = LABELS[side];
  const items: PlanItemReport[] = [];
  const humans: TdHuman[] = [];
  const demons: TdDemon[] = [];
  // Index of the item holding each cell, or -1 (SPEC §2.8 item 4: the first valid item takes the cell).
  const cellOwner = new Int32Array(LANES * COLUMNS).fill(-1);
  let cost = 0;

  for (let i = 0; i < list.length; i++) {
    const path = `${key}[${i}]`;
    const item: unknown = list[i];
    if (!isRecord(item)) {
      items.push({ path, name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail: 'not a JSON object; ignored, costs nothing' });
      continue;
    }
    const rawName = field(item, 'name');
    if (typeof rawName !== 'string') {
      items.push({ path, name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail: '"name" is missing or not a string; ignored, costs nothing' });
      continue;
    }
    const kind = catalogue.get(rawName) ?? catalogue.get(norm(rawName));
    const spec = kind === undefined ? undefined : specs[kind];
    if (kind === undefined || spec === undefined) {
      items.push({ path, name: rawName, status: 'unknown', code: 'item/unknown_name', cost: 0, detail: `not a ${label} unit; ignored, costs nothing` });
      continue;
    }
    cost += spec.cost;
    const ignored = (code: ViolationCode, detail: string): void => {
      items.push({ path, name: spec.name, status: 'ignored', code, cost: spec.cost, detail: `${detail}; ignored but charged` });
    };

    const y = field(item, 'y');
    const x = field(item, 'x');
    if (!isIntIn(y, 0, LANES - 1) || (side === 0 && !isIntIn(x, 0, COLUMNS - 1))) {
      ignored('item/bad_coordinate', side === 0 ? `x must be an integer 0-${COLUMNS - 1} and y an integer 0-${LANES - 1}` : `y must be an integer 0-${LANES - 1}`);
      continue;
    }
    const rawSpawn = field(item, 'spawn_time');
    if (rawSpawn !== undefined && !isIntIn(rawSpawn, 0, MAX_SPAWN_MS)) {
      ignored('item/bad_spawn_time', `spawn_time must be an integer 0-${MAX_SPAWN_MS} (ms)`);
      continue;
    }
    const spawn = rawSpawn === undefined ? 0 : rawSpawn - (rawSpawn % TICK_MS);
    if (side === 0) {
      const col = x as number;
      const cell = y * COLUMNS + col;
      const owner = cellOwner[cell] ?? -1;
      if (owner >= 0) {
        ignored('item/duplicate_cell', `cell x=${col}, y=${y} is already taken by ${key}[${owner}]`);
        continue;
      }
      cellOwner[cell] = i;
      humans.push({ kind, x: col, y, spawn });
    } else {
      demons.push({ kind, y, spawn });
    }
    items.push({ path, name: spec.name, status: 'used', cost: spec.cost });
  }

  const plan: TdPlan = side === 0 ? { side: 'human', humans } : { side: 'demon', demons };
  return { plan, report: { shape: 'ok', cost, items }, canonical: canonicalOf(plan) };
}
