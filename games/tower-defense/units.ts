/**
 * Mutable battle state of one Tower Defense battle: units and lanes. Lengths in CELL units, HP in tenths, times in
 * ms. Every rule is lane-local (SPEC §2.8 Balance), so each lane holds its own humans, column index and demons.
 */
import {
  CELL,
  COLUMNS,
  DEMONS,
  HP_SCALE,
  HUMANS,
  type DamageType,
  type HumanRole,
} from './catalogue.js';

export const DMG_NORMAL = 0;
export const DMG_FIRE = 1;
export const DMG_ICE = 2;
export const DMG_AIR = 3;
export const DMG_EXPLOSION = 4;

const DMG_CODES: Readonly<Record<DamageType, number>> = {
  normal: DMG_NORMAL,
  fire: DMG_FIRE,
  ice: DMG_ICE,
  air: DMG_AIR,
  explosion: DMG_EXPLOSION,
  magnetic: -1,
};

export const ROLE_SHOOTER = 0;
export const ROLE_WALL = 1;
export const ROLE_EXPLOSIVE = 2;
export const ROLE_MAGNETIC = 3;

const ROLE_CODES: Readonly<Record<HumanRole, number>> = {
  shooter: ROLE_SHOOTER,
  wall: ROLE_WALL,
  explosive: ROLE_EXPLOSIVE,
  magnetic: ROLE_MAGNETIC,
};

export const ON_HIT_NONE = 0;
export const ON_HIT_BURN = 1;
export const ON_HIT_SLOW = 2;

export class Human {
  readonly role: number;
  readonly x: number;
  readonly cost: number;
  readonly interval: number;
  /** Damage per hit or blast, in tenths. */
  readonly damage: number;
  readonly damageType: number;
  readonly airOnly: boolean;
  readonly onHit: number;
  readonly shieldUnit: boolean;
  readonly unjumpable: boolean;
  hp: number;
  /** Next shot or pulse time; the detonation time of an explosive. */
  ready: number;
  alive = false;

  constructor(
    /** Index of the unit in the validated Human plan (the replay id). */
    readonly id: number,
    readonly kind: number,
    x: number,
    readonly y: number,
    readonly spawn: number,
  ) {
    const spec = HUMANS[kind];
    if (spec === undefined) throw new RangeError(`no Human unit with index ${kind}`);
    this.role = ROLE_CODES[spec.role];
    this.x = x;
    this.cost = spec.cost;
    this.interval = spec.intervalMs;
    this.damage = spec.damage * HP_SCALE;
    this.damageType = spec.damageType === null ? -1 : DMG_CODES[spec.damageType];
    this.airOnly = spec.airOnly;
    this.onHit = spec.onHit === 'burn' ? ON_HIT_BURN : spec.onHit === 'slow' ? ON_HIT_SLOW : ON_HIT_NONE;
    this.shieldUnit = spec.shieldUnit;
    this.unjumpable = spec.unjumpable;
    this.hp = spec.hp * HP_SCALE;
    this.ready = spawn + spec.intervalMs;
  }
}

export class Demon {
  readonly cost: number;
  readonly speed: number;
  /** Melee damage per hit, in tenths. */
  readonly damage: number;
  readonly flying: boolean;
  readonly shield: boolean;
  readonly machine: boolean;
  readonly breaker: boolean;
  readonly fireImmune: boolean;
  readonly iceImmune: boolean;
  readonly summoner: boolean;
  /** Creation number; summons get theirs once every lane has acted (see simulate). */
  seq = -1;
  front = COLUMNS * CELL;
  hp: number;
  meleeReady: number;
  alive = true;
  /** ShieldDemon shield or MachineDemon armour still on (a magnetic pulse turns it off for good). */
  defenceOn: boolean;
  activated = false;
  canJump: boolean;
  nextSummon: number;
  burning = false;
  nextBurn = 0;
  burnUntil = 0;
  slowed = false;
  slowUntil = 0;

  constructor(
    readonly kind: number,
    readonly lane: number,
    /** The tick it appeared; it first acts in the next tick (SPEC §2.8 item 6). */
    readonly born: number,
    /** Seq of the SummoningDemon that created it, or -1. */
    readonly summonedBy: number,
  ) {
    const spec = DEMONS[kind];
    if (spec === undefined) throw new RangeError(`no Demon unit with index ${kind}`);
    this.cost = spec.cost;
    this.speed = spec.speed;
    this.damage = spec.damage * HP_SCALE;
    this.flying = spec.special === 'flying';
    this.shield = spec.special === 'shield';
    this.machine = spec.special === 'machine';
    this.breaker = spec.special === 'shieldBreaker';
    this.fireImmune = spec.special === 'fireImmune';
    this.iceImmune = spec.special === 'iceImmune';
    this.summoner = spec.special === 'summoning';
    this.canJump = spec.special === 'bouncing';
    this.defenceOn = this.shield || this.machine;
    this.hp = spec.hp * HP_SCALE;
    this.meleeReady = born;
    this.nextSummon = born + 5000;
  }
}

export class Lane {
  /** Valid humans of the lane in spawn order (spawn time, then plan order). */
  readonly humans: Human[] = [];
  /** Humans spawned so far: humans[0..spawned). */
  spawned = 0;
  /** Living human index at each column, or -1. */
  readonly col = new Int32Array(COLUMNS).fill(-1);
  /** For each column, the nearest column at or left of it holding a living human, or -1. */
  readonly near = new Int32Array(COLUMNS).fill(-1);
  /** Demons in creation order; dead ones stay until the end-of-tick compaction. */
  demons: Demon[] = [];
  living = 0;
  dead = 0;
  /** Explosives placed but not yet detonated or destroyed. */
  armed = 0;

  constructor(readonly y: number) {}

  /** Places the next human in spawn order. */
  spawnNext(): Human {
    const h = this.humans[this.spawned] as Human;
    h.alive = true;
    this.col[h.x] = this.spawned++;
    if (h.role === ROLE_EXPLOSIVE) this.armed++;
    this.index();
    return h;
  }

  removeHuman(h: Human): void {
    h.alive = false;
    this.col[h.x] = -1;
    if (h.role === ROLE_EXPLOSIVE) this.armed--;
    this.index();
  }

  private index(): void {
    let last = -1;
    for (let x = 0; x < COLUMNS; x++) {
      if ((this.col[x] as number) >= 0) last = x;
      this.near[x] = last;
    }
  }

  /** Drops dead demons, keeping creation order. */
  compact(): void {
    if (this.dead === 0) return;
    let k = 0;
    const list = this.demons;
    for (let i = 0; i < list.length; i++) {
      const d = list[i] as Demon;
      if (d.alive) list[k++] = d;
    }
    list.length = k;
    this.dead = 0;
  }
}
