/**
 * Tower Defense catalogue and board constants (SPEC §2.3, §2.4, §2.8). The simulator, the validator and the rules
 * text all read these values, so the text the players see and the rules applied cannot drift apart.
 */
import { norm } from '../core/norm.js';

/** Milliseconds per simulation tick. */
export const TICK_MS = 50;
/** Length units per cell; a demon moves 22 × speed units per tick, so speed 2 crosses 11 cells in 14 s. */
export const CELL = 1120;
/** Length units moved per tick per speed point. */
export const MOVE_PER_SPEED = 22;
export const LANES = 5;
/** Human columns are 0..COLUMNS−1; demons enter with their left edge at column COLUMNS. */
export const COLUMNS = 11;
export const MAX_SPAWN_MS = 60_000;
/** The last simulated tick (inclusive); reaching it without a breach is a Human win. */
export const TIME_CAP_MS = 180_000;
/** HP and damage are stored in tenths so that ×0.3 and ×0.5 stay integral. */
export const HP_SCALE = 10;
export const DEMON_MELEE_INTERVAL_MS = 1000;
export const BURN_PERIOD_MS = 1000;
export const BURN_DURATION_MS = 3000;
export const SLOW_DURATION_MS = 2000;
export const SUMMON_PERIOD_MS = 5000;
/** Damage multipliers in tenths: ShieldDemon ×0.3 (normal), MachineDemon ×0.5 (all but explosion). */
export const SHIELD_FACTOR_TENTHS = 3;
export const MACHINE_FACTOR_TENTHS = 5;
export const MACHINE_ACTIVE_SPEED = 3;
export const SHIELD_BREAKER_FACTOR = 5;

export type DamageType = 'normal' | 'fire' | 'ice' | 'air' | 'explosion' | 'magnetic';

/** How a human unit acts: shooters fire, walls only block, explosives detonate once, magnets pulse. */
export type HumanRole = 'shooter' | 'wall' | 'explosive' | 'magnetic';

export interface HumanSpec {
  readonly name: string;
  readonly cost: number;
  readonly hp: number;
  readonly role: HumanRole;
  /** Shooter/magnet cooldown or explosive fuse in ms; 0 for walls. */
  readonly intervalMs: number;
  /** Damage per hit (whole HP). */
  readonly damage: number;
  readonly damageType: DamageType | null;
  /** AntiAir shoots only flying demons; every other shooter only non-flying ones. */
  readonly airOnly: boolean;
  readonly onHit: 'burn' | 'slow' | null;
  /** A ShieldBreakerDemon deals ×5 to shield units. */
  readonly shieldUnit: boolean;
  /** A BouncingDemon cannot jump this unit. */
  readonly unjumpable: boolean;
}

export type DemonSpecial =
  | 'none'
  | 'shield'
  | 'machine'
  | 'bouncing'
  | 'shieldBreaker'
  | 'fireImmune'
  | 'iceImmune'
  | 'flying'
  | 'summoning';

export interface DemonSpec {
  readonly name: string;
  readonly cost: number;
  readonly hp: number;
  readonly speed: number;
  /** Melee damage per hit; 0 for FlyingDemon, which never attacks. */
  readonly damage: number;
  readonly special: DemonSpecial;
}

const shooter = (
  name: string,
  cost: number,
  hp: number,
  intervalMs: number,
  damageType: DamageType,
  onHit: 'burn' | 'slow' | null = null,
): HumanSpec => ({
  name,
  cost,
  hp,
  role: 'shooter',
  intervalMs,
  damage: 1,
  damageType,
  airOnly: damageType === 'air',
  onHit,
  shieldUnit: false,
  unjumpable: false,
});

const wall = (name: string, cost: number, hp: number, unjumpable: boolean): HumanSpec => ({
  name,
  cost,
  hp,
  role: 'wall',
  intervalMs: 0,
  damage: 0,
  damageType: null,
  airOnly: false,
  onHit: null,
  shieldUnit: true,
  unjumpable,
});

export const HUMANS: readonly HumanSpec[] = [
  shooter('HandgunSoldier', 100, 3, 1000, 'normal'),
  shooter('RifleSoldier', 200, 3, 500, 'normal'),
  shooter('MachineGunSoldier', 400, 3, 250, 'normal'),
  wall('ShieldSoldier', 50, 15, false),
  wall('EnhancedShieldSoldier', 100, 30, true),
  shooter('FlamethrowerSoldier', 200, 2, 1000, 'fire', 'burn'),
  shooter('IceSoldier', 200, 2, 1000, 'ice', 'slow'),
  shooter('AntiAirSoldier', 100, 2, 1000, 'air'),
  {
    name: 'LinearExplosion',
    cost: 200,
    hp: 50,
    role: 'explosive',
    intervalMs: 500,
    damage: 30,
    damageType: 'explosion',
    airOnly: false,
    onHit: null,
    shieldUnit: false,
    unjumpable: false,
  },
  {
    name: 'MagneticSoldier',
    cost: 100,
    hp: 2,
    role: 'magnetic',
    intervalMs: 2000,
    damage: 0,
    damageType: 'magnetic',
    airOnly: false,
    onHit: null,
    shieldUnit: false,
    unjumpable: false,
  },
];

const demon = (name: string, cost: number, hp: number, speed: number, damage: number, special: DemonSpecial): DemonSpec => ({
  name,
  cost,
  hp,
  speed,
  damage,
  special,
});

export const DEMONS: readonly DemonSpec[] = [
  demon('NormalDemon', 100, 10, 2, 1, 'none'),
  demon('GreatDemon', 200, 20, 2, 1, 'none'),
  demon('DemonKing', 800, 80, 2, 5, 'none'),
  demon('SpeedyDemon', 150, 10, 4, 1, 'none'),
  demon('ShieldDemon', 200, 10, 2, 1, 'shield'),
  demon('MachineDemon', 300, 20, 2, 3, 'machine'),
  demon('BouncingDemon', 150, 10, 2, 1, 'bouncing'),
  demon('ShieldBreakerDemon', 150, 10, 2, 1, 'shieldBreaker'),
  demon('FireDemon', 150, 10, 2, 1, 'fireImmune'),
  demon('FrostDemon', 150, 10, 2, 1, 'iceImmune'),
  demon('FlyingDemon', 200, 10, 2, 0, 'flying'),
  demon('SummoningDemon', 400, 10, 1, 1, 'summoning'),
];

/** Index of the NormalDemon a SummoningDemon creates. */
export const SUMMON_KIND = 0;

/**
 * Catalogue index by normalised name, plus the exact catalogue spelling as a fast path: a raw name equal to either
 * key normalises to that entry, so `get(raw) ?? get(norm(raw))` is the same as `get(norm(raw))`.
 */
function indexByNorm(specs: readonly { readonly name: string }[]): ReadonlyMap<string, number> {
  return new Map(specs.flatMap((spec, i) => [[norm(spec.name), i] as const, [spec.name, i] as const]));
}

export const HUMAN_INDEX = indexByNorm(HUMANS);
export const DEMON_INDEX = indexByNorm(DEMONS);

/** The cheapest unit of each list (random plans stop adding units below it). */
export const MIN_HUMAN_COST = Math.min(...HUMANS.map((h) => h.cost));
export const MIN_DEMON_COST = Math.min(...DEMONS.map((d) => d.cost));
