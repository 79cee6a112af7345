import type { SideIndex } from '../core/plan-game.js';
import {
  ABILITY,
  ANCIENT_TREANT,
  BANDIT_LEADER,
  BATTLE_FRENZY,
  BLACK_ROCK,
  ELEMENT_WHEEL,
  ELITE_SOLDIER,
  FIRE_LIZARD,
  FOREST_SEER,
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
  SKELETON,
  SOLDIER,
  STONE_WARRIOR,
  TIDE_GUARDIAN,
  TIDE_LORD,
  UNITS,
  UNIT_TYPE_COUNT,
  VINE_PROTECTOR,
  WATER_ELEMENTAL,
  unitByName,
} from './catalogue.js';
import type { AbRules } from './config.js';
import type { AbBattleLog, AbHitKind, AbLogEvent, AbLogTurn, AbLogUnit, AbPlan } from './types.js';

/** Mutable state of one unit on the board. Objects are pooled by the engine and reused across battles. */
class Unit {
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

const NO_RANK = 1 << 30;
const TYPE_EL = Int8Array.from(UNITS, (u) => ELEMENT_WHEEL.indexOf(u.element));
const NATURE = ELEMENT_WHEEL.indexOf('Nature');
/** BEATS[e] is the wheel element that e beats (-1 for none). */
const BEATS = Int8Array.from([0, 1, 2, 3, 4, 5], (e) => (e < ELEMENT_WHEEL.length ? (e + 1) % ELEMENT_WHEEL.length : -1));

export interface BattleOutcome {
  readonly winner: SideIndex;
  readonly turns: number;
  readonly capped: boolean;
  readonly first: SideIndex;
  readonly remain: readonly [number, number];
  readonly hp: readonly [number, number];
}

/** Log under construction (only when requested). */
interface LogBuilder {
  initial: [AbLogUnit[], AbLogUnit[]];
  start: AbLogEvent[];
  lines: [AbLogUnit[], AbLogUnit[]];
  turns: AbLogTurn[];
  events: AbLogEvent[];
}

/**
 * The battle engine of SPEC §3.3 with the REVIEW-AB-TB resolutions (A1–A13). One instance is reused for every
 * battle (not re-entrant); `run` is a pure function of its arguments.
 */
export class Battle {
  private readonly lines: [Unit[], Unit[]] = [[], []];
  /** Attacker boundary per side (REVIEW A1). */
  private readonly bound = new Int32Array(2);
  /** rank[s][type]: position of `type` in side s's priority list, NO_RANK when unlisted. */
  private readonly rank = [new Int32Array(UNIT_TYPE_COUNT), new Int32Array(UNIT_TYPE_COUNT)] as const;
  private readonly pool: Unit[] = [];
  private used = 0;
  private readonly dead: Unit[] = [];
  private maxUnits = 7;
  private log: LogBuilder | null = null;

  run(plan0: AbPlan, plan1: AbPlan, rules: AbRules, wantLog: boolean): { outcome: BattleOutcome; log: AbBattleLog | null } {
    this.setup(plan0, plan1, rules, wantLog);
    const lines = this.lines;
    const first: SideIndex = lines[0].length > lines[1].length ? 0 : 1;
    let winner = this.winCheck();
    let turns = 0;
    let side: SideIndex = first;
    while (winner < 0 && turns < rules.maxTurns) {
      turns++;
      winner = this.turn(side, turns);
      side = side === 0 ? 1 : 0;
    }
    const capped = winner < 0;
    const hp0 = totalHp(lines[0]);
    const hp1 = totalHp(lines[1]);
    if (capped) winner = hp0 > hp1 ? 0 : 1;
    const outcome: BattleOutcome = {
      winner: winner === 0 ? 0 : 1,
      turns,
      capped,
      first,
      remain: [lines[0].length, lines[1].length],
      hp: [hp0, hp1],
    };
    const b = this.log;
    this.log = null;
    const log: AbBattleLog | null =
      b === null
        ? null
        : { version: 1, initial: b.initial, start: b.start, lines: b.lines, first, turns: b.turns, winner: outcome.winner, capped };
    return { outcome, log };
  }

  private setup(plan0: AbPlan, plan1: AbPlan, rules: AbRules, wantLog: boolean): void {
    this.used = 0;
    this.maxUnits = rules.maxUnits;
    this.bound[0] = 0;
    this.bound[1] = 0;
    this.log = wantLog ? { initial: [[], []], start: [], lines: [[], []], turns: [], events: [] } : null;
    this.fill(0, plan0);
    this.fill(1, plan1);
    this.rankTargets(0, plan0.priority);
    this.rankTargets(1, plan1.priority);
    const log = this.log;
    if (log !== null) log.initial = [snapshot(this.lines[0]), snapshot(this.lines[1])];
    // Start-of-battle effects, Invaders then Defenders, left to right (REVIEW A12: "other" allies only).
    this.startEffects(1);
    this.startEffects(0);
    if (log !== null) {
      log.start = log.events;
      log.events = [];
      log.lines = [snapshot(this.lines[0]), snapshot(this.lines[1])];
    }
  }

  private fill(side: SideIndex, plan: AbPlan): void {
    const line = this.lines[side];
    line.length = 0;
    const n = Math.min(plan.units.length, this.maxUnits);
    for (let i = 0; i < n; i++) {
      const item = plan.units[i];
      const spec = item === undefined ? undefined : unitByName(item.name);
      if (item === undefined || spec === undefined || spec.side !== side || spec.summon) continue;
      line.push(this.spawn(spec.type, side, item.gold));
    }
  }

  private rankTargets(side: SideIndex, priority: readonly string[]): void {
    const rank = this.rank[side];
    rank.fill(NO_RANK);
    for (let i = 0; i < priority.length; i++) {
      const spec = unitByName(priority[i] ?? '');
      if (spec !== undefined && spec.side !== side && rank[spec.type] === NO_RANK) rank[spec.type] = i;
    }
  }

  private spawn(type: number, side: SideIndex, gold: boolean): Unit {
    let u = this.pool[this.used];
    if (u === undefined) {
      u = new Unit();
      this.pool.push(u);
    }
    const spec = UNITS[type];
    if (spec === undefined) throw new RangeError(`unknown unit type ${type}`);
    const f = gold ? 2 : 1;
    u.id = this.used++;
    u.type = type;
    u.side = side;
    u.gold = gold;
    u.el = TYPE_EL[type] ?? -1;
    u.atk = spec.atk * f;
    u.hp = spec.hp * f;
    u.maxHp = u.hp;
    u.taunt = spec.taunt;
    u.shield = spec.shield;
    u.burn = 0;
    u.revived = false;
    u.killer = null;
    u.onBoard = true;
    return u;
  }

  private startEffects(side: SideIndex): void {
    const line = this.lines[side];
    for (let i = 0; i < line.length; i++) {
      const u = line[i] as Unit;
      const f = u.gold ? 2 : 1;
      if (u.type === FOREST_SEER) {
        for (const o of line) if (o !== u && o.el === NATURE) this.buff(o, u, ABILITY.forestSeerBuff * f, ABILITY.forestSeerBuff * f, false);
      } else if (u.type === ANCIENT_TREANT) {
        for (const o of line) if (o !== u) this.buff(o, u, ABILITY.ancientTreantBuff * f, ABILITY.ancientTreantBuff * f, false);
      } else if (u.type === BLACK_ROCK) {
        this.buff(u, u, 0, ABILITY.blackRockHealthPerAlly * f * (line.length - 1), false);
      } else if (u.type === ELITE_SOLDIER) {
        if (i > 0) this.buff(line[i - 1] as Unit, u, ABILITY.eliteSoldierAttack * f, 0, true);
        if (i + 1 < line.length) this.buff(line[i + 1] as Unit, u, ABILITY.eliteSoldierAttack * f, 0, true);
      }
    }
  }

  private buff(u: Unit, by: Unit, atk: number, hp: number, shield: boolean): void {
    u.atk += atk;
    u.hp += hp;
    u.maxHp += hp;
    if (shield) u.shield = true;
    this.log?.events.push({ e: 'buff', unit: u.id, by: by.id, atk: u.atk, hp: u.hp, shield: u.shield });
  }

  /** One turn of `side` (SPEC §3.3 "A turn of unit U"); returns the winner, or -1 while the battle goes on. */
  private turn(side: SideIndex, turnNo: number): number {
    const line = this.lines[side];
    let at = this.bound[side] as number;
    if (at >= line.length) at = 0;
    const u = line[at] as Unit;
    this.bound[side] = at + 1;
    let winner = -1;
    if (u.burn > 0) {
      this.hit(null, u, u.burn, 'burn');
      this.resolveDeaths(side);
      winner = this.winCheck();
    }
    if (winner < 0 && u.onBoard) {
      const attacks = u.type === TIDE_GUARDIAN ? 2 : 1;
      for (let k = 0; k < attacks && winner < 0 && u.onBoard; k++) {
        this.attack(u);
        this.resolveDeaths(side);
        winner = this.winCheck();
      }
    }
    const log = this.log;
    if (log !== null) {
      log.turns.push({ turn: turnNo, side, unit: u.id, events: log.events, lines: [snapshot(this.lines[0]), snapshot(this.lines[1])] });
      log.events = [];
    }
    return winner;
  }

  /** Attack sub-steps 2.1–2.6 of SPEC §3.3. */
  private attack(u: Unit): void {
    const side = u.side;
    const enemy = this.lines[side === 0 ? 1 : 0];
    const f = u.gold ? 2 : 1;
    if (u.type === WATER_ELEMENTAL) {
      u.atk += ABILITY.waterElementalGrowth * f;
      this.log?.events.push({ e: 'grow', unit: u.id, atk: u.atk, hp: u.hp });
    } else if (u.type === SAPLING) {
      u.hp += ABILITY.saplingGrowth * f;
      u.maxHp += ABILITY.saplingGrowth * f;
      this.log?.events.push({ e: 'grow', unit: u.id, atk: u.atk, hp: u.hp });
    }
    const ti = this.pickTarget(side);
    if (ti < 0) return;
    const t = enemy[ti] as Unit;
    this.log?.events.push({ e: 'target', unit: u.id, target: t.id });
    this.attackHit(u, t, 'attack');
    if (u.type === PHOENIX) {
      if (ti > 0) this.attackHit(u, enemy[ti - 1] as Unit, 'splash');
      if (ti + 1 < enemy.length) this.attackHit(u, enemy[ti + 1] as Unit, 'splash');
    }
    // When-attacked reactions of the main target fire whatever the hit did (REVIEW A5, A6).
    if (t.type === LAVA_GOLEM) {
      u.burn = ABILITY.lavaGolemBurn * (t.gold ? 2 : 1);
      this.log?.events.push({ e: 'burned', unit: u.id, by: t.id, burn: u.burn });
    } else if (t.type === MOUNTAIN_GIANT) {
      u.atk = Math.max(0, u.atk - ABILITY.mountainGiantReduction * (t.gold ? 2 : 1));
      this.log?.events.push({ e: 'weakened', unit: u.id, by: t.id, atk: u.atk });
    }
    // One carry per attack, to the enemy the targeting rule picks now; no bonus, no reactions (REVIEW A7).
    if (u.type === BANDIT_LEADER && t.hp < 0) {
      const excess = -t.hp;
      const ci = this.pickTarget(side);
      if (ci >= 0) this.hit(u, enemy[ci] as Unit, excess, 'carry');
    }
    if (u.type === BATTLE_FRENZY) {
      u.atk = Math.max(0, u.atk - ABILITY.battleFrenzyLoss * f);
      this.log?.events.push({ e: 'frenzy', unit: u.id, atk: u.atk });
    } else if (u.type === KING) {
      const own = this.lines[side];
      if (own.length < this.maxUnits) this.insert(side, own.indexOf(u) + 1, this.spawn(SOLDIER, side, u.gold), u);
    }
  }

  /** Taunt first, then the earliest priority entry, then leftmost; units at hp <= 0 are skipped. -1 if none. */
  private pickTarget(side: SideIndex): number {
    const enemy = this.lines[side === 0 ? 1 : 0];
    const rank = this.rank[side];
    let best = -1;
    let bestTaunt = 2;
    let bestRank = NO_RANK + 1;
    for (let i = 0; i < enemy.length; i++) {
      const e = enemy[i] as Unit;
      if (e.hp <= 0) continue;
      const tk = e.taunt ? 0 : 1;
      const r = rank[e.type] as number;
      if (tk < bestTaunt || (tk === bestTaunt && r < bestRank)) {
        best = i;
        bestTaunt = tk;
        bestRank = r;
      }
    }
    return best;
  }

  /** An attack hit (main, splash or TideGuardian's): the element bonus applies (REVIEW A13). */
  private attackHit(u: Unit, t: Unit, kind: AbHitKind): void {
    const a = u.el >= 0 && BEATS[u.el] === t.el ? Math.floor((u.atk * 3) / 2) : u.atk;
    this.hit(u, t, a, kind);
  }

  /** Applying a hit (SPEC §3.3 item 4, REVIEW A4/A5): a hit of 0 does nothing; shields absorb any hit. */
  private hit(src: Unit | null, t: Unit, a: number, kind: AbHitKind): void {
    if (a <= 0) {
      this.log?.events.push({ e: 'hit', kind, from: src === null ? null : src.id, to: t.id, amount: 0, blocked: false, hp: t.hp });
      return;
    }
    if (t.shield) {
      t.shield = false;
      this.log?.events.push({ e: 'hit', kind, from: src === null ? null : src.id, to: t.id, amount: a, blocked: true, hp: t.hp });
      for (const p of this.lines[t.side]) {
        if (p !== t && p.type === PALADIN) {
          p.atk += ABILITY.paladinGain * (p.gold ? 2 : 1);
          this.log?.events.push({ e: 'paladin', unit: p.id, atk: p.atk });
        }
      }
      return;
    }
    t.hp -= a;
    t.killer = src;
    if (src !== null && src.type === POISON_FROG && t.hp > 0) t.hp = 0;
    this.log?.events.push({ e: 'hit', kind, from: src === null ? null : src.id, to: t.id, amount: a, blocked: false, hp: t.hp });
    if (t.type === TIDE_LORD) {
      t.atk *= 2;
      this.log?.events.push({ e: 'doubled', unit: t.id, atk: t.atk });
    }
  }

  /** Death resolution (SPEC §3.3 item 7, REVIEW A8): passes over the units at hp <= 0 at each pass's start. */
  private resolveDeaths(acting: SideIndex): void {
    const dead = this.dead;
    const other: SideIndex = acting === 0 ? 1 : 0;
    for (;;) {
      dead.length = 0;
      for (const u of this.lines[acting]) if (u.hp <= 0) dead.push(u);
      for (const u of this.lines[other]) if (u.hp <= 0) dead.push(u);
      if (dead.length === 0) return;
      for (let i = 0; i < dead.length; i++) {
        const d = dead[i] as Unit;
        if (d.type === PHOENIX && !d.revived) {
          d.hp = d.maxHp;
          d.revived = true;
          this.log?.events.push({ e: 'revive', unit: d.id, hp: d.hp });
          continue;
        }
        const index = this.lines[d.side].indexOf(d);
        this.remove(d.side, index);
        this.deathrattle(d, index);
      }
    }
  }

  private deathrattle(d: Unit, index: number): void {
    const f = d.gold ? 2 : 1;
    const side = d.side;
    if (d.type === FIRE_LIZARD) {
      const k = d.killer;
      if (k !== null && k.onBoard && k.hp > 0) this.hit(d, k, ABILITY.fireLizardKillerDamage * f, 'deathrattle');
    } else if (d.type === MOLTEN_HOUND) {
      for (const e of this.lines[side === 0 ? 1 : 0]) if (e.hp > 0) this.hit(d, e, ABILITY.moltenHoundDamage * f, 'deathrattle');
    } else if (d.type === VINE_PROTECTOR) {
      for (const o of this.lines[side]) {
        if (o.hp > 0) {
          o.hp = Math.min(o.maxHp, o.hp + ABILITY.vineProtectorHeal * f);
          this.log?.events.push({ e: 'heal', unit: o.id, by: d.id, hp: o.hp });
        }
      }
    } else if (d.type === SHADOW_OVERLORD) {
      if (this.lines[side].length < this.maxUnits) this.insert(side, index, this.spawn(SKELETON, side, d.gold), d);
    } else if (d.type === STONE_WARRIOR) {
      if (this.lines[side].length < this.maxUnits) this.insert(side, index, this.spawn(ROCK_BEETLE, side, false), d);
    }
  }

  /** Inserts a summon; an insertion left of the boundary shifts it, one at the boundary attacks next (REVIEW A1). */
  private insert(side: SideIndex, index: number, u: Unit, by: Unit): void {
    const line = this.lines[side];
    line.push(u);
    for (let i = line.length - 1; i > index; i--) line[i] = line[i - 1] as Unit;
    line[index] = u;
    if (index < (this.bound[side] as number)) this.bound[side] = (this.bound[side] as number) + 1;
    this.log?.events.push({ e: 'summon', unit: logUnit(u), by: by.id, side, index });
  }

  private remove(side: SideIndex, index: number): void {
    const line = this.lines[side];
    const u = line[index] as Unit;
    for (let i = index; i < line.length - 1; i++) line[i] = line[i + 1] as Unit;
    line.pop();
    u.onBoard = false;
    if (index < (this.bound[side] as number)) this.bound[side] = (this.bound[side] as number) - 1;
    this.log?.events.push({ e: 'death', unit: u.id, side, index });
  }

  /** SPEC §3.3 item 8: both lines empty or only the Defender's empty: Invader; only the Invader's: Defender. */
  private winCheck(): number {
    if (this.lines[0].length === 0) return 1;
    if (this.lines[1].length === 0) return 0;
    return -1;
  }
}

function totalHp(line: readonly Unit[]): number {
  let s = 0;
  for (const u of line) s += u.hp;
  return s;
}

function logUnit(u: Unit): AbLogUnit {
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

function snapshot(line: readonly Unit[]): AbLogUnit[] {
  return line.map(logUnit);
}
