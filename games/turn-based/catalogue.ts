import type { SideIndex } from '../core/plan-game.js';

/**
 * Turn-based catalogue (SPEC §4, turn-based.json `spec` values, REVIEW-AB-TB resolutions). Side 0 is the
 * Defender (Wood, Earth, Light), side 1 the Invader (Fire, Water, Dark). Element and skill indices are stable:
 * the simulator addresses them by number.
 */

export const ELEMENTS = ['Wood', 'Earth', 'Light', 'Fire', 'Water', 'Dark'] as const;
export type ElementName = (typeof ELEMENTS)[number];

/** The three elements of each side, in catalogue order. */
export const SIDE_ELEMENTS: readonly [readonly ElementName[], readonly ElementName[]] = [
  ['Wood', 'Earth', 'Light'],
  ['Fire', 'Water', 'Dark'],
];

/** Pairs (stronger, weaker) of the elemental chart: ×6/5 in that direction, ×4/5 in reverse. */
export const BEATS: readonly (readonly [ElementName, ElementName])[] = [
  ['Fire', 'Wood'],
  ['Wood', 'Earth'],
  ['Earth', 'Water'],
  ['Water', 'Fire'],
];

/** Exact chart multipliers as [numerator, denominator]. */
export const EFFECTIVE: readonly [number, number] = [6, 5];
export const RESISTED: readonly [number, number] = [4, 5];
/** Light and Dark against each other, both ways. */
export const LIGHT_DARK: readonly [number, number] = [3, 2];

export const CHARACTERS_PER_SIDE = 3;
export const SKILLS_PER_CHARACTER = 3;
/** After this many rounds the sum of living HP decides (ties: Defenders). */
export const ROUND_CAP = 30;

/** Numeric parameters of every skill and status; the simulator and the rules text both read them. */
export const P = {
  burningPerLayer: 5,
  flameSplash: { damage: 12, layers: 1, rounds: 2 },
  residualWarmth: { bonusPct: 30 },
  burstFlameBomb: { base: 25, perLayer: 4 },
  flameWhirlwind: { layers: 5, rounds: 3 },
  magmaEruption: { base: 50, perLayer: 8 },
  hellCurtain: { damage: 45, capacity: 50, rounds: 3 },
  streamPierce: { damage: 10 },
  waterBarrier: { shield: 5, rounds: 3 },
  whirlpoolStrangle: { base: 20, perLayer: 6 },
  iceBranded: { damage: 20, vulnerablePct: 60 },
  tsunamiEnding: { base: 40, perLayer: 8 },
  abyssResonance: { perLayer: 5, shieldPerLayer: 10, rounds: 4 },
  shadowClaw: { damage: 14, healPct: 30 },
  fearWhisper: { reductionPct: 10, rounds: 3 },
  soulSiphon: { damage: 30, lowDamage: 55, belowPct: 50 },
  nightAmbush: { damage: 25, vulnerablePct: 25 },
  finalAnnouncement: { base: 55, perTenPct: 8 },
  voidAssimilation: { sacrificePct: 25, truePct: 250 },
  budHealing: { heal: 7, rounds: 3 },
  parasiticSeed: { damage: 10, backlash: 5, rounds: 3 },
  lifeTotem: { heal: 30, bonusPct: 15, rounds: 3 },
  naturalPurification: { damage: 40 },
  forestReincarnation: { heal: 80, shieldPct: 60, rounds: 3, damage: 30 },
  poisonVine: { perRound: 35, rounds: 4 },
  rockArmor: { shield: 12, thorns: 8, rounds: 3 },
  earthShock: { damage: 20 },
  graniteBarrier: { reductionPct: 45, rounds: 3 },
  quicksandTrap: { charges: 4, rounds: 3, delayPct: 25, backlash: 15 },
  earthPulse: { perTenPct: 10 },
  coreRebound: { pct: 120 },
  holyGlimmer: { heal: 9, damage: 9 },
  faithEmblem: { preventPct: 20, backlash: 10 },
  luminousDispel: { weakenPct: 20, rounds: 2 },
  angelicSanctuary: { flat: 40, rounds: 3 },
  divineSword: { damage: 35, bonusPct: 30 },
} as const;

export const SKILL_IDS = [
  'flame_splash',
  'residual_warmth',
  'burst_flame_bomb',
  'flame_whirlwind',
  'magma_eruption',
  'hell_curtain',
  'stream_pierce',
  'water_barrier',
  'whirlpool_strangle',
  'ice_branded',
  'tsunami_ending',
  'abyss_resonance',
  'shadow_claw',
  'fear_whisper',
  'soul_siphon',
  'night_ambush',
  'final_announcement',
  'void_assimilation',
  'bud_healing',
  'parasitic_seed',
  'life_totem',
  'natural_purification',
  'forest_reincarnation',
  'poison_vine',
  'rock_armor',
  'earth_shock',
  'granite_barrier',
  'quicksand_trap',
  'earth_pulse',
  'core_rebound',
  'holy_glimmer',
  'faith_emblem',
  'divine_link',
  'luminous_dispel',
  'angelic_sanctuary',
  'divine_sword',
] as const;
export type SkillId = (typeof SKILL_IDS)[number];

export interface SkillInfo {
  readonly id: SkillId;
  /** Index into SKILL_IDS. */
  readonly index: number;
  readonly display: string;
  readonly element: ElementName;
  readonly side: SideIndex;
  readonly cost: number;
}

/** Costs in SKILL_IDS order: each element lists its six skills at costs 1, 1, 2, 3, 4, 5. */
const COSTS = [1, 1, 2, 3, 4, 5] as const;

function display(id: string): string {
  return id
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

const SKILL_ELEMENTS: readonly ElementName[] = ['Fire', 'Water', 'Dark', 'Wood', 'Earth', 'Light'];

export const SKILLS: readonly SkillInfo[] = SKILL_IDS.map((id, index) => {
  const element = SKILL_ELEMENTS[Math.floor(index / 6)] as ElementName;
  return {
    id,
    index,
    display: display(id),
    element,
    side: elementSide(element),
    cost: COSTS[index % 6] as number,
  };
});

export function elementSide(element: ElementName): SideIndex {
  return element === 'Wood' || element === 'Earth' || element === 'Light' ? 0 : 1;
}

const SKILL_BY_ID = new Map<SkillId, SkillInfo>(SKILLS.map((skill) => [skill.id, skill]));

/** Catalogue record of a skill id. */
export function skillInfo(id: SkillId): SkillInfo {
  return SKILL_BY_ID.get(id) as SkillInfo;
}

/** The skills of an element, in catalogue order (cheapest first). */
export function elementSkills(element: ElementName): readonly SkillInfo[] {
  return SKILLS.filter((skill) => skill.element === element);
}

/** Defaults of the presets (REVIEW-AB-TB Balance): budgets and character HP by side. */
export const PRESETS = {
  default: { budgets: [20, 20], hp: [130, 100] },
  paper: { budgets: [20, 20], hp: [100, 100] },
} as const;
