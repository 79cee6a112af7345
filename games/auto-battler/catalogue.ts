import type { SideIndex } from '../core/plan-game.js';
import { norm } from '../core/norm.js';

/**
 * Auto-battler unit catalogue (SPEC §3.2–§3.3 normative values, REVIEW-AB-TB C3). Side 0 is the Defender, side 1
 * the Invader. Each side buys only its 11 catalogue units; Skeleton and Soldier exist only as summons.
 */

export type Element = 'Fire' | 'Nature' | 'Water' | 'Earth' | 'Guardian' | 'Rogue';

/** The element wheel: each element beats the next one, and Earth beats Fire. Guardian and Rogue are neutral. */
export const ELEMENT_WHEEL: readonly Element[] = ['Fire', 'Nature', 'Water', 'Earth'];

/** Damage multiplier of an attack hit on a unit whose element the attacker's beats, rounded down. */
export const ELEMENT_BONUS_NUM = 3;
export const ELEMENT_BONUS_DEN = 2;

/** Gold multiplies cost by 3 and Attack, Health and every ability number by 2. */
export const GOLD_COST_FACTOR = 3;
export const GOLD_STAT_FACTOR = 2;

/** Unit type ids (array indices into UNITS). Invaders 0–10, Skeleton 11, Defenders 12–22, Soldier 23. */
export const FIRE_LIZARD = 0;
export const WATER_ELEMENTAL = 1;
export const POISON_FROG = 2;
export const MOLTEN_HOUND = 3;
export const BATTLE_FRENZY = 4;
export const BANDIT_LEADER = 5;
export const LAVA_GOLEM = 6;
export const TIDE_GUARDIAN = 7;
export const TIDE_LORD = 8;
export const PHOENIX = 9;
export const SHADOW_OVERLORD = 10;
export const SKELETON = 11;
export const SAPLING = 12;
export const ROCK_BEETLE = 13;
export const FOREST_SEER = 14;
export const STONE_WARRIOR = 15;
export const ELITE_SOLDIER = 16;
export const PALADIN = 17;
export const BLACK_ROCK = 18;
export const VINE_PROTECTOR = 19;
export const KING = 20;
export const MOUNTAIN_GIANT = 21;
export const ANCIENT_TREANT = 22;
export const SOLDIER = 23;
export const UNIT_TYPE_COUNT = 24;

/** Bronze ability numbers (a Gold unit doubles each of them). */
export const ABILITY = {
  fireLizardKillerDamage: 2,
  waterElementalGrowth: 1,
  moltenHoundDamage: 1,
  battleFrenzyLoss: 4,
  lavaGolemBurn: 3,
  saplingGrowth: 1,
  forestSeerBuff: 1,
  eliteSoldierAttack: 1,
  paladinGain: 2,
  blackRockHealthPerAlly: 3,
  vineProtectorHeal: 2,
  mountainGiantReduction: 2,
  ancientTreantBuff: 2,
} as const;

export interface UnitSpec {
  readonly type: number;
  readonly name: string;
  readonly side: SideIndex;
  readonly element: Element;
  /** Bronze Attack and Health. */
  readonly atk: number;
  readonly hp: number;
  /** Bronze cost; 0 for summons, which cannot be bought. */
  readonly cost: number;
  readonly taunt: boolean;
  readonly shield: boolean;
  /** True for Skeleton and Soldier: summoned only, never purchasable. */
  readonly summon: boolean;
}

function unit(
  type: number,
  name: string,
  side: SideIndex,
  element: Element,
  atk: number,
  hp: number,
  cost: number,
  keywords: { taunt?: boolean; shield?: boolean; summon?: boolean } = {},
): UnitSpec {
  return {
    type,
    name,
    side,
    element,
    atk,
    hp,
    cost,
    taunt: keywords.taunt === true,
    shield: keywords.shield === true,
    summon: keywords.summon === true,
  };
}

/** Every unit type, indexed by type id. */
export const UNITS: readonly UnitSpec[] = [
  unit(FIRE_LIZARD, 'FireLizard', 1, 'Fire', 2, 2, 1),
  unit(WATER_ELEMENTAL, 'WaterElemental', 1, 'Water', 2, 2, 1),
  unit(POISON_FROG, 'PoisonFrog', 1, 'Water', 1, 1, 2),
  unit(MOLTEN_HOUND, 'MoltenHound', 1, 'Fire', 3, 1, 2),
  unit(BATTLE_FRENZY, 'BattleFrenzy', 1, 'Guardian', 7, 4, 2),
  unit(BANDIT_LEADER, 'BanditLeader', 1, 'Rogue', 8, 3, 3),
  unit(LAVA_GOLEM, 'LavaGolem', 1, 'Fire', 1, 8, 3, { taunt: true }),
  unit(TIDE_GUARDIAN, 'TideGuardian', 1, 'Water', 4, 2, 3, { shield: true }),
  unit(TIDE_LORD, 'TideLord', 1, 'Water', 4, 10, 4),
  unit(PHOENIX, 'Phoenix', 1, 'Fire', 5, 5, 4),
  unit(SHADOW_OVERLORD, 'ShadowOverlord', 1, 'Rogue', 4, 4, 4),
  unit(SKELETON, 'Skeleton', 1, 'Rogue', 3, 1, 0, { summon: true }),
  unit(SAPLING, 'Sapling', 0, 'Nature', 2, 2, 1),
  unit(ROCK_BEETLE, 'RockBeetle', 0, 'Earth', 1, 5, 1, { taunt: true }),
  unit(FOREST_SEER, 'ForestSeer', 0, 'Nature', 1, 2, 2),
  unit(STONE_WARRIOR, 'StoneWarrior', 0, 'Earth', 2, 5, 2, { taunt: true }),
  unit(ELITE_SOLDIER, 'EliteSoldier', 0, 'Guardian', 1, 1, 2),
  unit(PALADIN, 'Paladin', 0, 'Guardian', 3, 6, 3, { shield: true }),
  unit(BLACK_ROCK, 'BlackRock', 0, 'Earth', 2, 1, 3),
  unit(VINE_PROTECTOR, 'VineProtector', 0, 'Nature', 3, 4, 3),
  unit(KING, 'King', 0, 'Guardian', 3, 12, 4),
  unit(MOUNTAIN_GIANT, 'MountainGiant', 0, 'Earth', 4, 9, 4, { taunt: true }),
  unit(ANCIENT_TREANT, 'AncientTreant', 0, 'Nature', 2, 3, 4),
  unit(SOLDIER, 'Soldier', 0, 'Guardian', 1, 1, 0, { shield: true, summon: true }),
];

export function unitSpec(type: number): UnitSpec {
  const spec = UNITS[type];
  if (spec === undefined) throw new RangeError(`unknown unit type ${type}`);
  return spec;
}

/** Purchasable units of a side, in catalogue (cost) order. */
export const SHOP: readonly [readonly UnitSpec[], readonly UnitSpec[]] = [
  UNITS.filter((u) => u.side === 0 && !u.summon),
  UNITS.filter((u) => u.side === 1 && !u.summon),
];

/** Every unit a side can meet on the board (its shop plus its summons). */
export const ROSTER: readonly [readonly UnitSpec[], readonly UnitSpec[]] = [
  UNITS.filter((u) => u.side === 0),
  UNITS.filter((u) => u.side === 1),
];

const byNorm = (units: readonly UnitSpec[]): ReadonlyMap<string, UnitSpec> =>
  new Map(units.map((u) => [norm(u.name), u] as const));

const SHOP_BY_NORM = [byNorm(SHOP[0]), byNorm(SHOP[1])] as const;
const ROSTER_BY_NORM = [byNorm(ROSTER[0]), byNorm(ROSTER[1])] as const;
const ALL_BY_NORM = byNorm(UNITS);
const ALL_BY_NAME: ReadonlyMap<string, UnitSpec> = new Map(UNITS.map((u) => [u.name, u] as const));

/** The purchasable unit of `side` whose normalised name equals norm(text), if any. */
export function shopUnit(side: SideIndex, text: string): UnitSpec | undefined {
  return SHOP_BY_NORM[side].get(norm(text));
}

/** A unit of `side`'s roster (summons included) by normalised name: what a priority list entry can name. */
export function rosterUnit(side: SideIndex, text: string): UnitSpec | undefined {
  return ROSTER_BY_NORM[side].get(norm(text));
}

/** Any unit by normalised name (to explain why a name is not purchasable). */
export function anyUnit(text: string): UnitSpec | undefined {
  return ALL_BY_NORM.get(norm(text));
}

/** A unit by its exact catalogue name. */
export function unitByName(name: string): UnitSpec | undefined {
  return ALL_BY_NAME.get(name);
}
