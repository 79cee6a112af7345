import type { SkillId } from './catalogue.js';

/**
 * Status slots, keyed by (type, source skill) as REVIEW T4 says: re-applying a skill's status replaces that slot,
 * statuses of different skills coexist. Burning stacks get one slot per source too: a character acts once per
 * round in a cycle of three, and no Burning lasts more than three rounds, so a source's earlier stack has always
 * expired before the same skill can add another one.
 */
export const BURN_SPLASH = 0;
export const BURN_WHIRL = 1;
export const WARMTH = 2;
export const REFLECT = 3;
export const SURGE = 4;
export const SHIELD_WATER = 5;
export const SHIELD_ABYSS = 6;
export const VULN_ICE = 7;
export const VULN_NIGHT = 8;
export const FEAR = 9;
export const REGEN = 10;
export const SEED = 11;
export const TOTEM = 12;
export const POISON = 13;
export const SHIELD_ROCK = 14;
export const THORNS = 15;
export const GRANITE = 16;
export const QUICKSAND = 17;
export const FAITH = 18;
export const LINK = 19;
export const WEAKENED = 20;
export const SANCTUARY = 21;
export const EMPOWERED = 22;
export const SHIELD_FOREST = 23;
export const SHIELD_PULSE = 24;
export const STATUS_COUNT = 25;

export interface StatusInfo {
  /** Type name shown in logs and the rules text. */
  readonly type: string;
  /** The skill whose slot this is; null for Tidal Surge, one counter fed by two skills (REVIEW T4). */
  readonly source: SkillId | null;
  /** Debuffs: Burning, Vulnerable, Seed, Poison, Weakened (SPEC §4.3); every other status is a buff. */
  readonly debuff: boolean;
}

function info(type: string, source: SkillId | null, debuff = false): StatusInfo {
  return { type, source, debuff };
}

/** Indexed by slot. */
export const STATUSES: readonly StatusInfo[] = [
  info('Burning', 'flame_splash', true),
  info('Burning', 'flame_whirlwind', true),
  info('Warmth', 'residual_warmth'),
  info('Reflect Shield', 'hell_curtain'),
  info('Tidal Surge', null),
  info('Shield', 'water_barrier'),
  info('Shield', 'abyss_resonance'),
  info('Vulnerable', 'ice_branded', true),
  info('Vulnerable', 'night_ambush', true),
  info('Fear Whisper', 'fear_whisper'),
  info('Regen', 'bud_healing'),
  info('Seed', 'parasitic_seed', true),
  info('Life Totem', 'life_totem'),
  info('Poison', 'poison_vine', true),
  info('Shield', 'rock_armor'),
  info('Thorns', 'rock_armor'),
  info('Granite', 'granite_barrier'),
  info('Quicksand', 'quicksand_trap'),
  info('Faith Emblem', 'faith_emblem'),
  info('Divine Link', 'divine_link'),
  info('Weakened', 'luminous_dispel', true),
  info('Sanctuary', 'angelic_sanctuary'),
  info('Empowered', 'divine_sword'),
  info('Shield', 'forest_reincarnation'),
  info('Shield', 'earth_pulse'),
];

export const DEBUFF_SLOTS: readonly number[] = STATUSES.flatMap((s, i) => (s.debuff ? [i] : []));
export const BUFF_SLOTS: readonly number[] = STATUSES.flatMap((s, i) => (s.debuff ? [] : [i]));
export const SHIELD_SLOTS: readonly number[] = [SHIELD_WATER, SHIELD_ABYSS, SHIELD_ROCK, SHIELD_FOREST, SHIELD_PULSE];

/** Duration in rounds of "until the end of the next round" (Warmth, Vulnerable). */
export const NEXT_ROUND = 2;

/** `until` value of statuses that never expire by time (permanent, or until used or triggered). */
export const FOREVER = 1 << 30;
