import type { SideIndex } from '../core/plan-game.js';
import { ELEMENT_WHEEL, UNITS } from './catalogue.js';
import type { AbLogUnit } from './types.js';

/** Mutable state of one unit. Pooled across battles, never reused within one, so `killer` references stay valid. */
export class Unit {
  id = 0;
  type = 0;
  side: SideIndex = 0;
  gold = false;
  /** Index in ELEMENT_WHEEL, or -1 for Guardian and Rogue. */
  el = -1;
  atk = 0;
  hp = 0;
  maxHp = 0;
  taunt = false;
  shield = false;
  burn = 0;
  revived = false;
  /** The source of the last hit that took Health (null after a burn tick). */
  killer: Unit | null = null;
  onBoard = false;
}

export const NO_RANK = 1 << 30;
export const TYPE_EL = Int8Array.from(UNITS, (u) => ELEMENT_WHEEL.indexOf(u.element));
export const NATURE = ELEMENT_WHEEL.indexOf('Nature');
/** BEATS[e] is the wheel element that wheel element e beats. */
export const BEATS = Int8Array.from(ELEMENT_WHEEL, (_, e) => (e + 1) % ELEMENT_WHEEL.length);

export function totalHp(line: readonly Unit[]): number {
  let s = 0;
  for (const u of line) s += u.hp;
  return s;
}

export function logUnit(u: Unit): AbLogUnit {
  const spec = UNITS[u.type];
  return {
    id: u.id,
    name: spec === undefined ? '?' : spec.name,
    gold: u.gold,
    atk: u.atk,
    hp: u.hp,
    maxHp: u.maxHp,
    shield: u.shield,
    taunt: u.taunt,
    burn: u.burn,
  };
}

export function snapshot(line: readonly Unit[]): AbLogUnit[] {
  return line.map(logUnit);
}
