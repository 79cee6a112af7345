/**
 * Per-lane steps 2–4 of a tick (SPEC §2.3 with §2.8): demon statuses, humans act, demons act. All integer
 * arithmetic; no allocation except summons and log entries.
 */
import {
  BURN_DURATION_MS,
  BURN_PERIOD_MS,
  CELL,
  COLUMNS,
  DEMON_MELEE_INTERVAL_MS,
  HP_SCALE,
  MACHINE_ACTIVE_SPEED,
  MACHINE_FACTOR_TENTHS,
  MOVE_PER_SPEED,
  SHIELD_BREAKER_FACTOR,
  SHIELD_FACTOR_TENTHS,
  SLOW_DURATION_MS,
  SUMMON_KIND,
  SUMMON_PERIOD_MS,
} from './catalogue.js';
import type { TdLog } from './log.js';
import {
  Demon,
  DMG_AIR,
  DMG_EXPLOSION,
  DMG_FIRE,
  DMG_ICE,
  DMG_NORMAL,
  type Human,
  type Lane,
  ON_HIT_BURN,
  ON_HIT_SLOW,
  ROLE_EXPLOSIVE,
  ROLE_MAGNETIC,
  ROLE_SHOOTER,
} from './units.js';

/** What a lane's demon step produced that the tick loop must resolve across lanes. */
export interface TickOutput {
  /** Demons created by summons this tick (their seq is assigned after every lane has acted). */
  readonly summons: Demon[];
  /** Demons whose front reached the left edge this tick. */
  readonly breaches: Demon[];
}

function killDemon(lane: Lane, d: Demon, t: number, log: TdLog | null): void {
  d.alive = false;
  lane.living--;
  lane.dead++;
  if (log !== null) log.events.push({ t, type: 'death', unit: 'demon', id: d.seq });
}

/** Damage `amount` (tenths) of a type to a demon, with immunities, defences and MachineDemon activation. */
export function hurt(lane: Lane, d: Demon, amount: number, type: number, t: number, log: TdLog | null): void {
  if (d.flying !== (type === DMG_AIR)) return;
  if ((type === DMG_FIRE && d.fireImmune) || (type === DMG_ICE && d.iceImmune)) return;
  let a = amount;
  if (d.defenceOn) {
    if (d.shield && type === DMG_NORMAL) a = (a * SHIELD_FACTOR_TENTHS) / 10;
    else if (d.machine && type !== DMG_EXPLOSION) a = (a * MACHINE_FACTOR_TENTHS) / 10;
  }
  if (a <= 0) return;
  d.hp -= a;
  if (d.machine) d.activated = true;
  if (d.hp <= 0) killDemon(lane, d, t, log);
}

/** Step 2: burn ticks and slow expiry, in creation order. */
export function statuses(lane: Lane, t: number, log: TdLog | null): void {
  const list = lane.demons;
  for (let i = 0; i < list.length; i++) {
    const d = list[i] as Demon;
    if (!d.alive) continue;
    if (d.burning) {
      if (t >= d.nextBurn && d.nextBurn <= d.burnUntil) {
        hurt(lane, d, HP_SCALE, DMG_FIRE, t, log);
        d.nextBurn += BURN_PERIOD_MS;
      }
      if (d.nextBurn > d.burnUntil) d.burning = false;
    }
    if (d.slowed && t >= d.slowUntil) d.slowed = false;
  }
}

/** The nearest eligible living demon not behind column x: smallest front, then earliest created. */
function target(lane: Lane, x: number, airOnly: boolean): Demon | null {
  const list = lane.demons;
  const minFront = (x - 1) * CELL; // front + CELL > x·CELL
  let best: Demon | null = null;
  for (let i = 0; i < list.length; i++) {
    const d = list[i] as Demon;
    if (!d.alive || d.flying !== airOnly || d.front <= minFront) continue;
    if (best === null || d.front < best.front) best = d;
  }
  return best;
}

function shoot(lane: Lane, h: Human, d: Demon, t: number, log: TdLog | null): void {
  hurt(lane, d, h.damage, h.damageType, t, log);
  if (!d.alive) return;
  if (h.onHit === ON_HIT_BURN && !d.fireImmune) {
    if (!d.burning) {
      d.burning = true;
      d.nextBurn = t + BURN_PERIOD_MS;
    }
    d.burnUntil = t + BURN_DURATION_MS;
  } else if (h.onHit === ON_HIT_SLOW && !d.iceImmune) {
    d.slowed = true;
    d.slowUntil = t + SLOW_DURATION_MS;
  }
}

/** Step 3: humans act in spawn order. */
export function humansAct(lane: Lane, t: number, log: TdLog | null): void {
  const demons = lane.demons;
  const list = lane.humans;
  for (let i = 0; i < lane.spawned; i++) {
    const h = list[i] as Human;
    if (!h.alive || t < h.ready) continue;
    if (h.role === ROLE_SHOOTER) {
      if (lane.living === 0) continue;
      const d = target(lane, h.x, h.airOnly);
      if (d === null) continue;
      shoot(lane, h, d, t, log);
      h.ready = t + h.interval;
    } else if (h.role === ROLE_EXPLOSIVE) {
      for (let k = 0; k < demons.length; k++) {
        const d = demons[k] as Demon;
        if (d.alive && !d.flying) hurt(lane, d, h.damage, DMG_EXPLOSION, t, log);
      }
      lane.removeHuman(h);
      if (log !== null) log.events.push({ t, type: 'explode', id: h.id, y: lane.y });
    } else if (h.role === ROLE_MAGNETIC) {
      let pulsed = false;
      for (let k = 0; k < demons.length; k++) {
        const d = demons[k] as Demon;
        if (d.alive && d.defenceOn) {
          d.defenceOn = false;
          pulsed = true;
        }
      }
      if (!pulsed) continue;
      h.ready = t + h.interval;
      if (log !== null) log.events.push({ t, type: 'pulse', id: h.id, y: lane.y });
    }
  }
}

/** Step 4: demons act in creation order; demons created this tick wait for the next one. */
export function demonsAct(lane: Lane, t: number, out: TickOutput, log: TdLog | null): void {
  const list = lane.demons;
  const col = lane.col;
  const near = lane.near;
  const n = list.length;
  for (let i = 0; i < n; i++) {
    const d = list[i] as Demon;
    if (!d.alive || d.born === t) continue;
    if (d.summoner && t >= d.nextSummon) {
      const s = new Demon(SUMMON_KIND, lane.y, t, d.seq);
      s.front = d.front - CELL;
      list.push(s);
      lane.living++;
      out.summons.push(s);
      if (s.front <= 0) out.breaches.push(s);
      d.nextSummon += SUMMON_PERIOD_MS;
    }
    const v = d.activated ? MACHINE_ACTIVE_SPEED : d.speed;
    const step = d.slowed ? (v * MOVE_PER_SPEED) / 2 : v * MOVE_PER_SPEED;
    if (d.flying) {
      d.front -= step;
      if (d.front <= 0) out.breaches.push(d);
      continue;
    }
    // The nearest living human at or left of the highest column the demon can touch: faced if it is in
    // column q or q − 1 (overlap or touch), else it is the blocker.
    const q = Math.ceil(d.front / CELL);
    const x = near[q < COLUMNS - 1 ? q : COLUMNS - 1] as number;
    if (x >= 0 && x >= q - 1) {
      const h = lane.humans[col[x] as number] as Human;
      if (d.canJump && !h.unjumpable) {
        const from = d.front;
        d.front = (h.x - 1) * CELL;
        d.canJump = false;
        if (log !== null) log.events.push({ t, type: 'jump', id: d.seq, from, to: d.front });
        if (d.front <= 0) out.breaches.push(d);
      } else if (t >= d.meleeReady) {
        h.hp -= d.breaker && h.shieldUnit ? d.damage * SHIELD_BREAKER_FACTOR : d.damage;
        d.meleeReady = t + DEMON_MELEE_INTERVAL_MS;
        if (h.hp <= 0) {
          lane.removeHuman(h);
          if (log !== null) log.events.push({ t, type: 'death', unit: 'human', id: h.id });
        }
      }
      continue;
    }
    let front = d.front - step;
    if (x >= 0 && front < (x + 1) * CELL) front = (x + 1) * CELL;
    d.front = front;
    if (front <= 0) out.breaches.push(d);
  }
}
