import { norm } from '../core/norm.js';
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import {
  ABILITY,
  ANCIENT_TREANT,
  BANDIT_LEADER,
  BATTLE_FRENZY,
  BLACK_ROCK,
  ELITE_SOLDIER,
  FIRE_LIZARD,
  FOREST_SEER,
  GOLD_COST_FACTOR,
  GOLD_STAT_FACTOR,
  KING,
  LAVA_GOLEM,
  MOLTEN_HOUND,
  MOUNTAIN_GIANT,
  PALADIN,
  PHOENIX,
  POISON_FROG,
  ROCK_BEETLE,
  SAPLING,
  SHADOW_OVERLORD,
  SHOP,
  SKELETON,
  SOLDIER,
  STONE_WARRIOR,
  TIDE_GUARDIAN,
  TIDE_LORD,
  VINE_PROTECTOR,
  WATER_ELEMENTAL,
  type UnitSpec,
  unitSpec,
} from './catalogue.js';
import { abRules } from './config.js';

/** "2 (Gold 4)": a Bronze ability number and its Gold value. */
function n(bronze: number): string {
  return `${bronze} (Gold ${bronze * GOLD_STAT_FACTOR})`;
}

/** "3/1 (Gold 6/2)" for a summon. */
function stats(type: number): string {
  const s = unitSpec(type);
  return `${s.atk}/${s.hp} (Gold ${s.atk * GOLD_STAT_FACTOR}/${s.hp * GOLD_STAT_FACTOR})`;
}

/** The ability sentence of a unit, with the numbers from the catalogue constants. */
function abilityText(type: number, maxUnits: number): string {
  switch (type) {
    case FIRE_LIZARD:
      return `Deathrattle: deals ${n(ABILITY.fireLizardKillerDamage)} damage to the enemy whose hit killed it, if that enemy is still alive.`;
    case WATER_ELEMENTAL:
      return `Gains ${n(ABILITY.waterElementalGrowth)} Attack at the start of each of its attacks, before it hits.`;
    case POISON_FROG:
      return 'Poisonous: a unit that loses Health to its hit is left at 0 Health at most, so it dies (a Divine Shield still blocks the hit).';
    case MOLTEN_HOUND:
      return `Deathrattle: deals ${n(ABILITY.moltenHoundDamage)} damage to every living enemy.`;
    case BATTLE_FRENZY:
      return `Loses ${n(ABILITY.battleFrenzyLoss)} Attack after each of its attacks (never below 0).`;
    case BANDIT_LEADER:
      return (
        'When its attack leaves the target below 0 Health, the excess (how far below 0) hits the enemy the targeting rule ' +
        'would pick now among the others still above 0 Health. No element bonus; the carried hit does not carry again and ' +
        'triggers no reactions.'
      );
    case LAVA_GOLEM:
      return (
        `Taunt. A unit that attacks it (even with an attack that does nothing or kills it) is burned for ` +
        `${n(ABILITY.lavaGolemBurn)}: for the rest of the battle it takes that much ` +
        'damage at the start of each of its turns. Burns do not stack: the amount of the golem attacked last replaces any earlier one.'
      );
    case TIDE_GUARDIAN:
      return 'Divine Shield. Attacks twice each turn, choosing a target for each attack.';
    case TIDE_LORD:
      return 'Doubles its Attack every time a hit takes Health from it.';
    case PHOENIX:
      return (
        'Each attack also hits the enemies directly left and right of its target with its Attack. The first time it dies it ' +
        'returns at full Health in the same place instead (once per battle).'
      );
    case SHADOW_OVERLORD:
      return `Deathrattle: a ${stats(SKELETON)} Skeleton (Rogue, no ability) appears in its place if its line has fewer than ${maxUnits} units.`;
    case SAPLING:
      return `Gains ${n(ABILITY.saplingGrowth)} Health (current and maximum) at the start of each of its attacks.`;
    case ROCK_BEETLE:
      return 'Taunt.';
    case FOREST_SEER:
      return `Start of battle: every other Nature unit of its side gains ${n(ABILITY.forestSeerBuff)} Attack and the same Health.`;
    case STONE_WARRIOR:
      return `Taunt. Deathrattle: a Bronze RockBeetle appears in its place if its line has fewer than ${maxUnits} units.`;
    case ELITE_SOLDIER:
      return `Start of battle: the units directly left and right of it gain Divine Shield and ${n(ABILITY.eliteSoldierAttack)} Attack.`;
    case PALADIN:
      return `Divine Shield. Gains ${n(ABILITY.paladinGain)} Attack whenever another unit of its side loses its Divine Shield.`;
    case BLACK_ROCK:
      return `Start of battle: gains ${n(ABILITY.blackRockHealthPerAlly)} Health for each other unit of its side.`;
    case VINE_PROTECTOR:
      return `Deathrattle: every other living unit of its side heals ${n(ABILITY.vineProtectorHeal)} Health, up to its maximum.`;
    case KING:
      return (
        `After each of its attacks, if its line has fewer than ${maxUnits} units, a ${stats(SOLDIER)} Soldier ` +
        '(Guardian, Divine Shield, no ability; Gold when the King is Gold) appears directly to its right.'
      );
    case MOUNTAIN_GIANT:
      return (
        `Taunt. Whenever it is the target of an attack (even one that is blocked, does nothing or kills it), the attacker ` +
        `loses ${n(ABILITY.mountainGiantReduction)} Attack (never below 0).`
      );
    case ANCIENT_TREANT:
      return `Start of battle: every other unit of its side gains ${n(ABILITY.ancientTreantBuff)} Attack and the same Health.`;
    default:
      return '';
  }
}

/** One catalogue line, e.g. "- FireLizard (Fire): Attack 2, Health 2, cost 1; Gold 4/4, cost 3. Deathrattle: ...". */
export function unitLine(spec: UnitSpec, maxUnits: number): string {
  const g = GOLD_STAT_FACTOR;
  return (
    `- ${spec.name} (${spec.element}): Attack ${spec.atk}, Health ${spec.hp}, cost ${spec.cost}; ` +
    `Gold ${spec.atk * g}/${spec.hp * g}, cost ${spec.cost * GOLD_COST_FACTOR}. ${abilityText(spec.type, maxUnits)}`
  );
}

/** Catalogue lines of a side's purchasable units; `only` (matched by normalised name) limits them. */
export function catalogueText(side: SideIndex, config: PlanGameConfig, only?: ReadonlySet<string>): string {
  const { maxUnits } = abRules(config);
  const wanted = only === undefined ? undefined : new Set([...only].map(norm));
  return SHOP[side]
    .filter((u) => wanted === undefined || wanted.has(norm(u.name)))
    .map((u) => unitLine(u, maxUnits))
    .join('\n');
}
