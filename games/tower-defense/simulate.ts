/**
 * The Tower Defense battle (SPEC §2.3 with the §2.8 resolutions): 50 ms ticks from t = 0 to the inclusive
 * 180 000 ms cap. Each tick: spawn (humans, then demons, in plan order), then per lane statuses, humans act,
 * demons act; then the outcome. Deterministic integer arithmetic; lanes without demons skip steps 2–4.
 */
import type { BattleResult, PlanGameConfig } from '../core/plan-game.js';
import { LANES, TICK_MS, TIME_CAP_MS } from './catalogue.js';
import { createLog, FRAME_MS, logDemon, logFrame, type TdLog } from './log.js';
import { demonsAct, humansAct, statuses, type TickOutput } from './rules.js';
import type { TdDemon, TdPlan } from './types.js';
import { Demon, Human, Lane } from './units.js';

interface Outcome {
  readonly winner: 0 | 1;
  readonly lostRow: number | null;
  readonly capped: boolean;
}

function bySummoner(a: Demon, b: Demon): number {
  return a.summonedBy - b.summonedBy;
}

export function simulate(
  plan0: TdPlan,
  plan1: TdPlan,
  _config: PlanGameConfig,
  options?: { readonly log?: boolean },
): BattleResult {
  if (plan0.side !== 'human' || plan1.side !== 'demon') {
    throw new TypeError('tower-defense simulate expects the Human plan first and the Demon plan second');
  }
  const lanes: Lane[] = [];
  for (let y = 0; y < LANES; y++) lanes.push(new Lane(y));

  // Humans act in spawn order with plan order breaking ties; a stable sort by spawn time gives exactly that.
  const humanOrder = plan0.humans.map((h, i) => ({ h, i })).sort((a, b) => a.h.spawn - b.h.spawn || a.i - b.i);
  const allHumans: Human[] = [];
  for (const { h, i } of humanOrder) {
    const unit = new Human(i, h.kind, h.x, h.y, h.spawn);
    (lanes[h.y] as Lane).humans.push(unit);
    allHumans.push(unit);
  }
  const demonItems: TdDemon[] = plan1.demons
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.spawn - b.d.spawn || a.i - b.i)
    .map(({ d }) => d);

  const log: TdLog | null = options?.log === true ? createLog(allHumans) : null;
  const allDemons: Demon[] = [];
  const out: TickOutput = { summons: [], breaches: [] };
  let nextDemon = 0;
  let seq = 0;
  let outcome: Outcome | null = null;
  let t = 0;

  for (; ; t += TICK_MS) {
    // 1. Spawn: humans, then demons, each in plan order.
    for (let y = 0; y < LANES; y++) {
      const lane = lanes[y] as Lane;
      while (lane.spawned < lane.humans.length && (lane.humans[lane.spawned] as Human).spawn <= t) {
        const h = lane.spawnNext();
        if (log !== null) log.events.push({ t, type: 'spawn', unit: 'human', id: h.id });
      }
    }
    while (nextDemon < demonItems.length && (demonItems[nextDemon] as TdDemon).spawn <= t) {
      const item = demonItems[nextDemon++] as TdDemon;
      const d = new Demon(item.kind, item.y, t, -1);
      d.seq = seq++;
      const lane = lanes[item.y] as Lane;
      lane.demons.push(d);
      lane.living++;
      if (log !== null) {
        allDemons.push(d);
        logDemon(log, d, t);
      }
    }

    // 2–4 per lane; lanes are independent.
    let living = 0;
    for (let y = 0; y < LANES; y++) {
      const lane = lanes[y] as Lane;
      if (lane.living > 0) {
        statuses(lane, t, log);
        humansAct(lane, t, log);
        demonsAct(lane, t, out, log);
        lane.compact();
      } else if (lane.armed > 0) {
        humansAct(lane, t, log);
      }
      living += lane.living;
    }
    // Summons are numbered in the order of their summoners, as if demons had acted in one global order.
    if (out.summons.length > 0) {
      if (out.summons.length > 1) out.summons.sort(bySummoner);
      for (const s of out.summons) {
        s.seq = seq++;
        if (log !== null) {
          allDemons.push(s);
          logDemon(log, s, t);
        }
      }
      out.summons.length = 0;
    }

    // 6. Outcome: a breach first, then every demon spawned and dead, then the inclusive cap.
    if (out.breaches.length > 0) {
      let first = out.breaches[0] as Demon;
      for (const b of out.breaches) if (b.seq < first.seq) first = b;
      if (log !== null) for (const b of out.breaches) log.events.push({ t, type: 'breach', id: b.seq, y: b.lane });
      outcome = { winner: 1, lostRow: first.lane, capped: false };
    } else if (nextDemon === demonItems.length && living === 0) {
      outcome = { winner: 0, lostRow: null, capped: false };
    } else if (t >= TIME_CAP_MS) {
      outcome = { winner: 0, lostRow: null, capped: true };
    }
    if (outcome !== null) break;
    if (log !== null && t % FRAME_MS === 0) logFrame(log, t, allHumans, allDemons);
  }

  let humansAlive = 0;
  let humansValue = 0;
  for (const h of allHumans) {
    if (!h.alive) continue;
    humansAlive++;
    humansValue += h.cost;
  }
  let demonsAlive = 0;
  let demonsValue = 0;
  for (const lane of lanes) {
    for (const d of lane.demons) {
      if (!d.alive) continue;
      demonsAlive++;
      demonsValue += d.cost;
    }
  }
  if (log !== null) {
    logFrame(log, t, allHumans, allDemons);
    log.end = { t, winner: outcome.winner === 0 ? 'Human' : 'Demon', lostRow: outcome.lostRow, capped: outcome.capped };
  }
  const human = outcome.winner === 0;
  return {
    winner: outcome.winner,
    steps: t / TICK_MS + 1,
    capped: outcome.capped,
    summary: {
      endTick: t,
      lostRow: outcome.lostRow,
      remainUnits: human ? humansAlive : demonsAlive,
      remainCost: human ? humansValue : demonsValue,
      humansAlive,
      demonsAlive,
      demonsAppeared: seq,
    },
    log,
  };
}
