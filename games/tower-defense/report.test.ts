import { describe, expect, it } from 'vitest';
import { config } from './config.js';
import { battleReport } from './report.js';
import { simulate } from './simulate.js';
import { validate } from './validate.js';

describe('tower-defense battle report', () => {
  it('reports the breach lane and time of a Demon win, and the survivors, from the simulated result', () => {
    const cfg = config();
    const humans = validate(0, { humans: [{ name: 'ShieldSoldier', x: 5, y: 0 }] }, cfg).plan;
    const demons = validate(1, { demons: [{ name: 'NormalDemon', y: 3 }, { name: 'FlyingDemon', y: 1 }] }, cfg).plan;
    const result = simulate(humans, demons, cfg);
    expect(result.winner).toBe(1);
    const text = battleReport(result, 0, cfg);
    expect(text).toContain(`broke through in lane y = ${String(result.summary['lostRow'])} at t = ${String(result.summary['endTick'])} ms`);
    expect(text).toContain('Alive at the end: 1 Human unit, 2 demons (of 2 that appeared).');
  });

  it('says how the Humans held: every demon destroyed, or the time limit', () => {
    const cfg = config();
    const held = battleReport({ winner: 0, steps: 10, capped: false, summary: { endTick: 450, humansAlive: 3, demonsAlive: 0, demonsAppeared: 1 } }, 1, cfg);
    expect(held).toBe('Every demon was destroyed by t = 450 ms: the Humans held. Alive at the end: 3 Human units, 0 demons (of 1 that appeared).');
    const capped = battleReport({ winner: 0, steps: 3601, capped: true, summary: { endTick: 180000, humansAlive: 1, demonsAlive: 1, demonsAppeared: 1 } }, 1, cfg);
    expect(capped).toContain('No demon broke through before the time limit (t = 180000 ms)');
  });
});
