import type { SideIndex } from '../core/plan-game.js';
import {
  ABILITY, ANCIENT_TREANT, BANDIT_LEADER, BATTLE_FRENZY, BLACK_ROCK, ELEMENT_BONUS_DEN, ELEMENT_BONUS_NUM, ELITE_SOLDIER,
  FIRE_LIZARD, FOREST_SEER, GOLD_STAT_FACTOR, KING,
  LAVA_GOLEM, MOLTEN_HOUND, MOUNTAIN_GIANT, PALADIN, PHOENIX, POISON_FROG, ROCK_BEETLE, SAPLING, SHADOW_OVERLORD,
  SKELETON, SOLDIER, STONE_WARRIOR, TIDE_GUARDIAN, TIDE_LORD, VINE_PROTECTOR, WATER_ELEMENTAL,
} from './catalogue.js';
import type { AbRules } from './config.js';
import { Board } from './board.js';
import type { AbBattleLog, AbHitKind, AbPlan } from './types.js';
import { BEATS, NATURE, type Unit, snapshot, totalHp } from './unit.js';

export interface BattleOutcome {
  readonly winner: SideIndex;
  readonly turns: number;
  readonly capped: boolean;
  readonly first: SideIndex;
  readonly remain: readonly [number, number];
  readonly hp: readonly [number, number];
}

/**
 * The battle engine of SPEC §3.3 with the REVIEW-AB-TB resolutions (A1–A13). One instance is reused for every
 * battle (not re-entrant); `run` is a pure function of its arguments.
 */
export class Battle extends Board {
  private readonly dead: Unit[] = [];

  run(plan0: AbPlan, plan1: AbPlan, rules: AbRules, wantLog: boolean): { outcome: BattleOutcome; log: AbBattleLog | null } {
    this.setup(plan0, plan1, rules.maxUnits, wantLog);
    // Start-of-battle effects, Invaders then Defenders, left to right (REVIEW A12: "other" allies only).
    this.startEffects(1);
    this.startEffects(0);
    const built = this.log;
    if (built !== null) {
      built.start = built.events;
      built.events = [];
      built.lines = [snapshot(this.lines[0]), snapshot(this.lines[1])];
    }
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

  private startEffects(side: SideIndex): void {
    const line = this.lines[side];
    for (let i = 0; i < line.length; i++) {
      const u = line[i] as Unit;
      const f = u.gold ? GOLD_STAT_FACTOR : 1;
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
      const attacks = u.type === TIDE_GUARDIAN ? GOLD_STAT_FACTOR : 1;
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
    const f = u.gold ? GOLD_STAT_FACTOR : 1;
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
      u.burn = ABILITY.lavaGolemBurn * (t.gold ? GOLD_STAT_FACTOR : 1);
      this.log?.events.push({ e: 'burned', unit: u.id, by: t.id, burn: u.burn });
    } else if (t.type === MOUNTAIN_GIANT) {
      u.atk = Math.max(0, u.atk - ABILITY.mountainGiantReduction * (t.gold ? GOLD_STAT_FACTOR : 1));
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

  /** An attack hit (main, splash or TideGuardian's): the element bonus applies (REVIEW A13). */
  private attackHit(u: Unit, t: Unit, kind: AbHitKind): void {
    const a = u.el >= 0 && BEATS[u.el] === t.el ? Math.floor((u.atk * ELEMENT_BONUS_NUM) / ELEMENT_BONUS_DEN) : u.atk;
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
          p.atk += ABILITY.paladinGain * (p.gold ? GOLD_STAT_FACTOR : 1);
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
    const f = d.gold ? GOLD_STAT_FACTOR : 1;
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
}
