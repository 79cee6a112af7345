import type { SideIndex } from '../core/plan-game.js';
import { GOLD_STAT_FACTOR, UNITS, UNIT_TYPE_COUNT, unitByName } from './catalogue.js';
import type { AbLogEvent, AbLogTurn, AbLogUnit, AbPlan } from './types.js';
import { NO_RANK, TYPE_EL, Unit, logUnit, snapshot } from './unit.js';

/** Log under construction (only when requested). */
export interface LogBuilder {
  initial: [AbLogUnit[], AbLogUnit[]];
  start: AbLogEvent[];
  lines: [AbLogUnit[], AbLogUnit[]];
  turns: AbLogTurn[];
  events: AbLogEvent[];
}

/**
 * The board of one battle: both lines, the attacker boundaries (REVIEW A1), the priority ranks, the unit pool and
 * the optional log. The rules that act on it are in `Battle`.
 */
export class Board {
  protected readonly lines: [Unit[], Unit[]] = [[], []];
  /** Attacker boundary per side (REVIEW A1). */
  protected readonly bound = new Int32Array(2);
  /** rank[s][type]: position of `type` in side s's priority list, NO_RANK when unlisted. */
  protected readonly rank = [new Int32Array(UNIT_TYPE_COUNT), new Int32Array(UNIT_TYPE_COUNT)] as const;
  protected readonly pool: Unit[] = [];
  protected used = 0;
  protected maxUnits = 7;
  protected log: LogBuilder | null = null;

  /** Empties the board and lines up both plans (at most `maxUnits` each). */
  protected setup(plan0: AbPlan, plan1: AbPlan, maxUnits: number, wantLog: boolean): void {
    this.used = 0;
    this.maxUnits = maxUnits;
    this.bound[0] = 0;
    this.bound[1] = 0;
    this.log = wantLog ? { initial: [[], []], start: [], lines: [[], []], turns: [], events: [] } : null;
    this.fill(0, plan0);
    this.fill(1, plan1);
    this.rankTargets(0, plan0.priority);
    this.rankTargets(1, plan1.priority);
    if (this.log !== null) this.log.initial = [snapshot(this.lines[0]), snapshot(this.lines[1])];
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

  protected spawn(type: number, side: SideIndex, gold: boolean): Unit {
    let u = this.pool[this.used];
    if (u === undefined) {
      u = new Unit();
      this.pool.push(u);
    }
    const spec = UNITS[type];
    if (spec === undefined) throw new RangeError(`unknown unit type ${type}`);
    const f = gold ? GOLD_STAT_FACTOR : 1;
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

  /** Taunt first, then the earliest priority entry, then leftmost; units at hp <= 0 are skipped. -1 if none. */
  protected pickTarget(side: SideIndex): number {
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

  /** Inserts a summon; an insertion left of the boundary shifts it, one at the boundary attacks next (REVIEW A1). */
  protected insert(side: SideIndex, index: number, u: Unit, by: Unit): void {
    const line = this.lines[side];
    line.push(u);
    for (let i = line.length - 1; i > index; i--) line[i] = line[i - 1] as Unit;
    line[index] = u;
    if (index < (this.bound[side] as number)) this.bound[side] = (this.bound[side] as number) + 1;
    this.log?.events.push({ e: 'summon', unit: logUnit(u), by: by.id, side, index });
  }

  protected remove(side: SideIndex, index: number): void {
    const line = this.lines[side];
    const u = line[index] as Unit;
    for (let i = index; i < line.length - 1; i++) line[i] = line[i + 1] as Unit;
    line.pop();
    u.onBoard = false;
    if (index < (this.bound[side] as number)) this.bound[side] = (this.bound[side] as number) - 1;
    this.log?.events.push({ e: 'death', unit: u.id, side, index });
  }

  /** SPEC §3.3 item 8: both lines empty or only the Defender's empty: Invader; only the Invader's: Defender. */
  protected winCheck(): number {
    if (this.lines[0].length === 0) return 1;
    if (this.lines[1].length === 0) return 0;
    return -1;
  }
}
