import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { CELL, DEMONS, HUMANS } from './catalogue.js';
import { towerDefense } from './index.js';
import type { TdPlan } from './types.js';

/**
 * A deliberately naive oracle written straight from SPEC §2.3/§2.8: one global demon list in creation order
 * (summons numbered when created), linear scans for every engagement and target, no lane split, no skipping.
 * The optimised simulator must agree with it on every battle.
 */
interface RH { kind: number; x: number; y: number; spawn: number; hp: number; ready: number; alive: boolean; up: boolean }
interface RD {
  kind: number; y: number; f: number; hp: number; seq: number; born: number; melee: number; def: boolean; act: boolean;
  jump: boolean; summon: number; burn: boolean; nextBurn: number; burnUntil: number; slowUntil: number; slow: boolean; alive: boolean;
}

function oracle(hp: TdPlan, dp: TdPlan): { winner: number; end: number; lostRow: number | null; remain: number; cost: number } {
  if (hp.side !== 'human' || dp.side !== 'demon') throw new TypeError('order');
  const humans: RH[] = hp.humans
    .map((h, i) => ({ h, i }))
    .sort((a, b) => a.h.spawn - b.h.spawn || a.i - b.i)
    .map(({ h }) => ({ kind: h.kind, x: h.x, y: h.y, spawn: h.spawn, hp: (HUMANS[h.kind]?.hp ?? 0) * 10, ready: h.spawn + (HUMANS[h.kind]?.intervalMs ?? 0), alive: false, up: false }));
  const items = dp.demons.map((d, i) => ({ d, i })).sort((a, b) => a.d.spawn - b.d.spawn || a.i - b.i).map(({ d }) => d);
  const demons: RD[] = [];
  const make = (kind: number, y: number, f: number, t: number): RD => {
    const s = DEMONS[kind];
    const d: RD = { kind, y, f, hp: (s?.hp ?? 0) * 10, seq: demons.length, born: t, melee: t, def: s?.special === 'shield' || s?.special === 'machine', act: false, jump: s?.special === 'bouncing', summon: t + 5000, burn: false, nextBurn: 0, burnUntil: 0, slowUntil: 0, slow: false, alive: true };
    demons.push(d);
    return d;
  };
  const sp = (d: RD): string => DEMONS[d.kind]?.special ?? '';
  const dmg = (d: RD, a: number, type: string): void => {
    if ((sp(d) === 'flying') !== (type === 'air')) return;
    if ((type === 'fire' && sp(d) === 'fireImmune') || (type === 'ice' && sp(d) === 'iceImmune')) return;
    let v = a;
    if (d.def && sp(d) === 'shield' && type === 'normal') v = (a * 3) / 10;
    if (d.def && sp(d) === 'machine' && type !== 'explosion') v = a / 2;
    if (v > 0) {
      d.hp -= v;
      if (sp(d) === 'machine') d.act = true;
      if (d.hp <= 0) d.alive = false;
    }
  };
  const humansByLane = [0, 1, 2, 3, 4].map((y) => humans.filter((h) => h.y === y));
  let next = 0;
  for (let t = 0; ; t += 50) {
    for (const h of humans) if (!h.up && h.spawn <= t) Object.assign(h, { up: true, alive: true });
    while (next < items.length && (items[next]?.spawn ?? Infinity) <= t) {
      const it = items[next++];
      if (it) make(it.kind, it.y, 11 * CELL, t);
    }
    for (const d of demons) {
      if (!d.alive) continue;
      if (d.burn && t >= d.nextBurn && d.nextBurn <= d.burnUntil) {
        dmg(d, 10, 'fire');
        d.nextBurn += 1000;
      }
      if (d.burn && d.nextBurn > d.burnUntil) d.burn = false;
      if (d.slow && t >= d.slowUntil) d.slow = false;
    }
    const byLane: RD[][] = [[], [], [], [], []];
    for (const d of demons) if (d.alive) byLane[d.y]?.push(d);
    for (const h of humans) {
      const s = HUMANS[h.kind];
      if (!h.alive || s === undefined || s.role === 'wall' || t < h.ready) continue;
      const lane = (byLane[h.y] ?? []).filter((d) => d.alive);
      if (lane.length === 0 && s.role !== 'explosive') continue;
      if (s.role === 'explosive') {
        for (const d of lane) if (sp(d) !== 'flying') dmg(d, 300, 'explosion');
        h.alive = false;
      } else if (s.role === 'magnetic') {
        const hit = lane.filter((d) => d.def);
        for (const d of hit) d.def = false;
        if (hit.length > 0) h.ready = t + s.intervalMs;
      } else if (s.role === 'shooter') {
        const ok = lane.filter((d) => (sp(d) === 'flying') === s.airOnly && d.f + CELL > h.x * CELL);
        ok.sort((a, b) => a.f - b.f || a.seq - b.seq);
        const d = ok[0];
        if (d === undefined) continue;
        dmg(d, 10, s.damageType ?? '');
        if (d.alive && s.onHit === 'burn' && sp(d) !== 'fireImmune') {
          if (!d.burn) Object.assign(d, { burn: true, nextBurn: t + 1000 });
          d.burnUntil = t + 3000;
        }
        if (d.alive && s.onHit === 'slow' && sp(d) !== 'iceImmune') Object.assign(d, { slow: true, slowUntil: t + 2000 });
        h.ready = t + s.intervalMs;
      }
    }
    const breached: RD[] = [];
    const count = demons.length;
    for (let i = 0; i < count; i++) {
      const d = demons[i] as RD;
      if (!d.alive || d.born === t) continue;
      if (sp(d) === 'summoning' && t >= d.summon) {
        const s = make(0, d.y, d.f - CELL, t);
        if (s.f <= 0) breached.push(s);
        d.summon += 5000;
      }
      const v = d.act ? 3 : (DEMONS[d.kind]?.speed ?? 0);
      const step = d.slow ? 11 * v : 22 * v;
      const lane = (humansByLane[d.y] ?? []).filter((h) => h.alive);
      const eng = lane.filter((h) => h.x * CELL < d.f + CELL && (h.x + 1) * CELL >= d.f).sort((a, b) => b.x - a.x)[0];
      if (sp(d) !== 'flying' && eng !== undefined) {
        if (d.jump && HUMANS[eng.kind]?.name !== 'EnhancedShieldSoldier') {
          d.f = (eng.x - 1) * CELL;
          d.jump = false;
        } else if (t >= d.melee) {
          const shield = HUMANS[eng.kind]?.shieldUnit === true && sp(d) === 'shieldBreaker';
          eng.hp -= (DEMONS[d.kind]?.damage ?? 0) * 10 * (shield ? 5 : 1);
          if (eng.hp <= 0) eng.alive = false;
          d.melee = t + 1000;
        }
      } else {
        const block = sp(d) === 'flying' ? [] : lane.filter((h) => (h.x + 1) * CELL <= d.f).map((h) => (h.x + 1) * CELL);
        d.f = Math.max(d.f - step, ...block);
      }
      if (d.f <= 0) breached.push(d);
    }
    const living = demons.filter((d) => d.alive);
    const done = breached.length > 0 ? 1 : next === items.length && living.length === 0 ? 0 : t >= 180000 ? 0 : -1;
    if (done < 0) continue;
    const first = breached.sort((a, b) => a.seq - b.seq)[0];
    const win = done === 0 ? humans.filter((h) => h.alive).map((h) => HUMANS[h.kind]?.cost ?? 0) : living.map((d) => DEMONS[d.kind]?.cost ?? 0);
    return { winner: done, end: t, lostRow: first === undefined ? null : first.y, remain: win.length, cost: win.reduce((a, b) => a + b, 0) };
  }
}

describe('tower-defense simulator against a naive oracle', () => {
  for (const preset of ['default', 'paper']) {
    it(`agrees on random and mutated plan pairs (${preset})`, () => {
      const cfg = towerDefense.config(preset);
      const rng = createRng(`oracle-${preset}`);
      for (let i = 0; i < 40; i++) {
        let h = towerDefense.randomPlan(0, rng, cfg);
        let d = towerDefense.randomPlan(1, rng, cfg);
        for (let k = 0; k < i % 4; k++) {
          h = towerDefense.mutatePlan(0, h, rng, cfg);
          d = towerDefense.mutatePlan(1, d, rng, cfg);
        }
        const hp = towerDefense.validate(0, h, cfg).plan;
        const dp = towerDefense.validate(1, d, cfg).plan;
        const r = towerDefense.simulate(hp, dp, cfg);
        const o = oracle(hp, dp);
        expect([r.winner, r.summary.endTick, r.summary.lostRow, r.summary.remainUnits, r.summary.remainCost]).toEqual([o.winner, o.end, o.lostRow, o.remain, o.cost]);
      }
    });
  }
});
