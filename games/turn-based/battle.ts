import type { SideIndex } from '../core/plan-game.js';
import { BEATS, EFFECTIVE, ELEMENTS, LIGHT_DARK, P, RESISTED } from './catalogue.js';
import type { Recorder, TbCause } from './log.js';
import {
  EMPOWERED,
  FAITH,
  FEAR,
  FOREVER,
  GRANITE,
  LINK,
  QUICKSAND,
  REFLECT,
  SANCTUARY,
  SHIELD_SLOTS,
  STATUS_COUNT,
  SURGE,
  THORNS,
  TOTEM,
  VULN_ICE,
  VULN_NIGHT,
  WARMTH,
  WEAKENED,
} from './status.js';

/** Element chart as exact fractions, indexed attacker × 6 + target (element indices of ELEMENTS). */
const CHART_NUM = new Int32Array(36).fill(1);
const CHART_DEN = new Int32Array(36).fill(1);
for (const [strong, weak] of BEATS) {
  const s = ELEMENTS.indexOf(strong);
  const w = ELEMENTS.indexOf(weak);
  CHART_NUM[s * 6 + w] = EFFECTIVE[0];
  CHART_DEN[s * 6 + w] = EFFECTIVE[1];
  CHART_NUM[w * 6 + s] = RESISTED[0];
  CHART_DEN[w * 6 + s] = RESISTED[1];
}
const LIGHT = ELEMENTS.indexOf('Light');
const DARK = ELEMENTS.indexOf('Dark');
for (const e of [LIGHT * 6 + DARK, DARK * 6 + LIGHT]) {
  CHART_NUM[e] = LIGHT_DARK[0];
  CHART_DEN[e] = LIGHT_DARK[1];
}

/** floor(a / b) for integers a >= 0, b > 0, exact for any safe integers. */
export function idiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** floor(x × pct / 100), exact. */
export function pctOf(x: number, pct: number): number {
  return idiv(x * pct, 100);
}

/** One character in battle. Reused across battles (see Battle.reset); statuses live in fixed slots. */
export class Fighter {
  element = 0;
  maxHp = 0;
  hp = 0;
  alive = false;
  /** Skill indices of the three cycle slots; -1 is a pass. */
  readonly cycle = new Int8Array(3);
  /** Actions taken so far (the next slot is k mod 3). */
  k = 0;
  /** HP lost since the start or the last Core Rebound. */
  store = 0;
  /** Per status slot: 0 when absent, else the last round it is active (FOREVER: no time limit). */
  readonly until = new Int32Array(STATUS_COUNT);
  /** Per status slot: layers, amount, charges or percent points. */
  readonly amt = new Int32Array(STATUS_COUNT);
  /** Per status slot: when it was applied or refreshed (a battle-wide counter), for "most recent" and "oldest". */
  readonly seq = new Int32Array(STATUS_COUNT);
  /** Quicksand damage due at the end of this round and of the next one. */
  qsDue = 0;
  qsNext = 0;

  constructor(
    readonly side: SideIndex,
    readonly index: number,
  ) {}

  reset(element: number, hp: number, cycle: readonly number[]): void {
    this.element = element;
    this.maxHp = hp;
    this.hp = hp;
    this.alive = true;
    for (let i = 0; i < 3; i++) this.cycle[i] = cycle[i] ?? -1;
    this.k = 0;
    this.store = 0;
    this.until.fill(0);
    this.amt.fill(0);
    this.seq.fill(0);
    this.qsDue = 0;
    this.qsNext = 0;
  }
}

/**
 * Battle state and the damage, heal and status primitives of SPEC §4.3 with the REVIEW T5–T12 resolutions.
 * Defeat is instant (T6): a character at hp <= 0 takes no further damage, heal or status.
 */
export class Battle {
  readonly teams: readonly [readonly Fighter[], readonly Fighter[]] = [
    [new Fighter(0, 0), new Fighter(0, 1), new Fighter(0, 2)],
    [new Fighter(1, 0), new Fighter(1, 1), new Fighter(1, 2)],
  ];
  /** Characters fielded and characters alive, by side. */
  readonly size: [number, number] = [0, 0];
  readonly living: [number, number] = [0, 0];
  round = 0;
  /** Set by any direct or true damage with base > 0 during the current action (REVIEW T8). */
  damaging = false;
  rec: Recorder | null = null;
  private clock = 0;

  reset(rec: Recorder | null): void {
    this.size[0] = this.size[1] = this.living[0] = this.living[1] = 0;
    this.round = 0;
    this.damaging = false;
    this.rec = rec;
    this.clock = 0;
  }

  /** The first living character of a side in list order. */
  front(side: SideIndex): Fighter | null {
    const team = this.teams[side];
    for (let i = 0; i < this.size[side]; i++) {
      const c = team[i] as Fighter;
      if (c.alive) return c;
    }
    return null;
  }

  /** Applies (or replaces) a status; `rounds` 0 means no time limit. */
  apply(c: Fighter, slot: number, amount: number, rounds: number): void {
    if (!c.alive) return;
    c.until[slot] = rounds > 0 ? this.round + rounds - 1 : FOREVER;
    c.amt[slot] = amount;
    c.seq[slot] = ++this.clock;
    this.rec?.status(c, slot, 'gain', amount);
  }

  /** A shield worth 0 is not created (an earlier shield of the same skill stays). */
  shield(c: Fighter, slot: number, amount: number, rounds: number): void {
    if (amount > 0) this.apply(c, slot, amount, rounds);
  }

  /** One more Tidal Surge layer: one counter, refreshed (for "most recent") at each increment. */
  addSurge(c: Fighter): void {
    if (!c.alive) return;
    c.until[SURGE] = FOREVER;
    const layers = (c.amt[SURGE] as number) + 1;
    c.amt[SURGE] = layers;
    c.seq[SURGE] = ++this.clock;
    this.rec?.status(c, SURGE, 'gain', layers);
  }

  clear(c: Fighter, slot: number): void {
    if (c.until[slot] === 0) return;
    c.until[slot] = 0;
    c.amt[slot] = 0;
    c.seq[slot] = 0;
    this.rec?.status(c, slot, 'lose', 0);
  }

  /** Removes the status among `slots` applied or refreshed last (REVIEW T13), if any. */
  clearLatest(c: Fighter, slots: readonly number[]): void {
    let best = -1;
    let bestSeq = 0;
    for (const slot of slots) {
      const s = c.seq[slot] as number;
      if (c.until[slot] !== 0 && s > bestSeq) {
        bestSeq = s;
        best = slot;
      }
    }
    if (best >= 0) this.clear(c, best);
  }

  clearAll(c: Fighter, slots: readonly number[]): void {
    for (const slot of slots) this.clear(c, slot);
  }

  /** Plain HP loss (indirect, true, ticks): no modifiers, no shields, no reactions; adds to store (REVIEW T12). */
  lose(c: Fighter, amount: number, cause: TbCause): void {
    if (!c.alive || amount <= 0) return;
    c.hp -= amount;
    c.store += amount;
    this.rec?.damage(c, amount, cause);
    if (c.hp <= 0) {
      c.alive = false;
      this.living[c.side]--;
      this.rec?.defeated(c);
    }
  }

  /** Heals (×115 % under Life Totem, rounded down), capped at max HP. Returns the boosted heal minus missing HP, at least 0. */
  heal(c: Fighter, amount: number, cause: TbCause): number {
    if (!c.alive || amount <= 0) return 0;
    const boosted = c.until[TOTEM] !== 0 ? pctOf(amount, 100 + P.lifeTotem.bonusPct) : amount;
    const missing = c.maxHp - c.hp;
    const gained = boosted < missing ? boosted : missing;
    c.hp += gained;
    if (gained > 0) this.rec?.heal(c, gained, cause);
    return boosted - gained;
  }

  /**
   * A direct hit with base B (SPEC §4.3 steps 1–6, REVIEW T5). Returns the HP damage of step 6.5 (0 when the hit
   * was fully taken by reactions or shields, or there was no hit because B <= 0).
   */
  hit(a: Fighter, t: Fighter, base: number, fire: boolean): number {
    if (base <= 0 || !t.alive) return 0;
    this.damaging = true;
    let out = 100;
    if (fire && a.until[WARMTH] !== 0) {
      out += P.residualWarmth.bonusPct;
      this.clear(a, WARMTH);
    }
    if (a.until[EMPOWERED] !== 0) {
      out += P.divineSword.bonusPct;
      this.clear(a, EMPOWERED);
    }
    if (a.until[WEAKENED] !== 0) out -= P.luminousDispel.weakenPct;
    let inc = 100;
    if (t.until[VULN_ICE] !== 0) inc += P.iceBranded.vulnerablePct;
    if (t.until[VULN_NIGHT] !== 0) inc += P.nightAmbush.vulnerablePct;
    if (t.until[FEAR] !== 0) inc -= P.fearWhisper.reductionPct;
    if (t.until[GRANITE] !== 0) inc -= P.graniteBarrier.reductionPct;
    if (out < 0) out = 0;
    if (inc < 0) inc = 0;
    const e = a.element * 6 + t.element;
    let d = idiv(base * (CHART_NUM[e] as number) * out * inc, (CHART_DEN[e] as number) * 10000);
    if (t.until[SANCTUARY] !== 0) d = d > P.angelicSanctuary.flat ? d - P.angelicSanctuary.flat : 0;
    if (d <= 0) return 0;
    const thorns = t.until[THORNS] !== 0;
    if (t.until[LINK] !== 0) {
      this.clear(t, LINK);
      this.rec?.absorb(t, d, LINK);
      this.lose(a, d, 'link');
      d = 0;
    } else {
      d = this.react(a, t, d);
      if (d > 0) this.lose(t, d, 'hit');
    }
    if (thorns) this.lose(a, P.rockArmor.thorns, 'thorns');
    return d;
  }

  /** Steps 6.2–6.4: Faith Emblem, Quicksand, Reflect Shield, then shields oldest first. Returns what reaches HP. */
  private react(a: Fighter, t: Fighter, dealt: number): number {
    let d = dealt;
    if (t.until[FAITH] !== 0) {
      this.clear(t, FAITH);
      const p = pctOf(d, P.faithEmblem.preventPct);
      d -= p;
      this.rec?.absorb(t, p, FAITH);
      this.heal(t, p, 'emblem');
      this.lose(a, P.faithEmblem.backlash, 'emblem');
    }
    if (t.until[QUICKSAND] !== 0) {
      const charges = (t.amt[QUICKSAND] as number) - 1;
      t.amt[QUICKSAND] = charges;
      if (charges <= 0) this.clear(t, QUICKSAND);
      const q = pctOf(d, P.quicksandTrap.delayPct);
      d -= q;
      t.qsNext += q;
      this.rec?.absorb(t, q, null);
      this.lose(a, P.quicksandTrap.backlash, 'quicksand');
    }
    if (t.until[REFLECT] !== 0) {
      const capacity = t.amt[REFLECT] as number;
      const x = d < capacity ? d : capacity;
      d -= x;
      t.amt[REFLECT] = capacity - x;
      if (capacity - x <= 0) this.clear(t, REFLECT);
      this.rec?.absorb(t, x, REFLECT);
      this.lose(a, x, 'reflect');
    }
    while (d > 0) {
      let slot = -1;
      let oldest = 0;
      for (const s of SHIELD_SLOTS) {
        if (t.until[s] !== 0 && (slot < 0 || (t.seq[s] as number) < oldest)) {
          slot = s;
          oldest = t.seq[s] as number;
        }
      }
      if (slot < 0) break;
      const amount = t.amt[slot] as number;
      const x = d < amount ? d : amount;
      d -= x;
      t.amt[slot] = amount - x;
      if (amount - x <= 0) this.clear(t, slot);
      this.rec?.absorb(t, x, slot);
    }
    return d;
  }
}
