import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { towerDefense } from './index.js';
import type { TdLog } from './log.js';

describe('tower-defense game object', () => {
  it('describes the sides, attempts and presets', () => {
    expect(towerDefense).toMatchObject({ family: 'plan', id: 'tower-defense', version: 1, initAttempts: 5, finalBattleAfterLastRevision: false });
    expect(towerDefense.sides.map((s) => [s.id, s.label, s.planKey, s.winnerLabel])).toEqual([
      ['human', 'Human', 'humans', 'Human'],
      ['demon', 'Demon', 'demons', 'Demon'],
    ]);
    expect(towerDefense.presets).toEqual(['default', 'paper']);
    expect(towerDefense.config()).toEqual({ preset: 'default', budgets: [5000, 1000], params: {} });
    expect(towerDefense.config('paper').budgets).toEqual([2000, 1500]);
    expect(() => towerDefense.config('hard')).toThrow(/valid presets: default, paper/);
    expect(() => towerDefense.config('toString')).toThrow(/unknown tower-defense preset/);
  });

  it('empty plans and plan names', () => {
    expect(towerDefense.emptyPlan(0)).toEqual({ side: 'human', humans: [] });
    expect(towerDefense.emptyPlan(1)).toEqual({ side: 'demon', demons: [] });
    const cfg = towerDefense.config();
    const plan = towerDefense.validate(1, { demons: [{ name: 'FlyingDemon', y: 0 }, { name: 'flying demon', y: 1 }, { name: 'DemonKing', y: 2 }] }, cfg).plan;
    expect(towerDefense.planNames(plan)).toEqual(['FlyingDemon', 'DemonKing']);
  });

  it('simulate rejects plans passed in the wrong order', () => {
    const cfg = towerDefense.config();
    expect(() => towerDefense.simulate(towerDefense.emptyPlan(1), towerDefense.emptyPlan(0), cfg)).toThrow(TypeError);
  });

  it('is deterministic: the same plans give identical results and logs; no log unless asked', () => {
    const cfg = towerDefense.config();
    const rng = createRng('determinism');
    for (let i = 0; i < 40; i++) {
      const h = towerDefense.validate(0, towerDefense.randomPlan(0, rng, cfg), cfg).plan;
      const d = towerDefense.validate(1, towerDefense.randomPlan(1, rng, cfg), cfg).plan;
      const a = towerDefense.simulate(h, d, cfg, { log: true });
      const b = towerDefense.simulate(h, d, cfg, { log: true });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      const plain = towerDefense.simulate(h, d, cfg);
      expect(plain.log).toBeNull();
      expect({ ...plain, log: null }).toEqual({ ...a, log: null });
    }
  });

  it('logs keyframes every 500 ms plus the end, and a JSON-serialisable record', () => {
    const cfg = towerDefense.config();
    const h = towerDefense.validate(0, { humans: [{ name: 'RifleSoldier', x: 0, y: 2 }] }, cfg).plan;
    const d = towerDefense.validate(1, { demons: [{ name: 'NormalDemon', y: 2 }, { name: 'NormalDemon', y: 1, spawn_time: 1000 }] }, cfg).plan;
    const r = towerDefense.simulate(h, d, cfg, { log: true });
    const log = JSON.parse(JSON.stringify(r.log)) as TdLog;
    // The lane-1 demon is unopposed and breaches 14000 ms after it appears.
    expect(log.end).toEqual({ t: 15000, winner: 'Demon', lostRow: 1, capped: false });
    expect(log.frames.map((f) => f.t)).toEqual(Array.from({ length: 31 }, (_, i) => i * 500));
    expect(log.humans).toEqual([{ id: 0, name: 'RifleSoldier', x: 0, y: 2, spawn: 0, hp: 30 }]);
    expect(log.demons.map((x) => x.name)).toEqual(['NormalDemon', 'NormalDemon']);
    expect(log).toMatchObject({ tickMs: 50, frameMs: 500, cell: 1120, columns: 11, lanes: 5, hpScale: 10 });
  });
});
