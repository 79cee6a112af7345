import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { randomPlan } from './plans.js';
import { simulate } from './simulate.js';
import { DEFAULT, PAPER, fight, hpConfig, lineup } from './testing.js';
import type { TbLog } from './log.js';
import { validate } from './validate.js';

describe('tie rules and the round cap', () => {
  it('both sides defeated by one action: Thorns kill the attacker whose hit kills the target → Defenders', () => {
    // Custom HP: Earth 40, Fire 8. R1: Warmth; Rock Armor (Shield 12, Thorns). R2: magma floor(50 × 1.3) = 65,
    // Shield takes 12, Earth 40 − 53 = −13; Thorns 8 → Fire 0. Both sides have no living character.
    const f = fight(lineup(['Earth', 'rock_armor']), lineup(['Fire', 'residual_warmth', 'magma_eruption']), hpConfig(40, 8));
    expect(f.hp(2, [1, 0])).toEqual([[-13], [0]]);
    expect(f.result).toMatchObject({ winner: 0, steps: 2, capped: false });
    expect(f.result.summary).toMatchObject({ alive0: 0, alive1: 0, hp0: 0, hp1: 0, end: 'defeat' });
  });

  it('both sides defeated in one end-of-round phase → Defenders', () => {
    // Custom HP: Wood 25, Fire 35. R1: Whirlwind (5 layers on the Wood), Poison on the Fire. End: the Fire
    // ticks first (35 → 0), then the Wood (25 → 0).
    const f = fight(lineup(['Wood', 'poison_vine']), lineup(['Fire', 'flame_whirlwind']), hpConfig(25, 35));
    expect(f.hp(1, 'end')).toEqual([[0], [0]]);
    const order = f.frame(1, 'end').events.filter((e) => e.type === 'damage').map((e) => [e.side, e.cause]);
    expect(order).toEqual([
      [1, 'poison'],
      [0, 'burning'],
    ]);
    expect(f.result).toMatchObject({ winner: 0, steps: 1 });
  });

  it('equal living HP after round 30 → Defenders', () => {
    const r = simulate(lineup(['Earth']), lineup(['Fire']), PAPER);
    expect(r).toMatchObject({ winner: 0, steps: 30, capped: true });
    expect(r.summary).toMatchObject({ hp0: 100, hp1: 100, end: 'cap' });
  });

  it('the cap compares HP sums of living characters only (default preset: 130 × 2 against 100 × 3)', () => {
    const r = simulate(lineup(['Earth'], ['Wood']), lineup(['Fire'], ['Water'], ['Dark']), DEFAULT);
    expect(r).toMatchObject({ winner: 1, steps: 30, capped: true });
    expect(r.summary).toMatchObject({ hp0: 260, hp1: 300, alive0: 2, alive1: 3 });
  });

  it('a side without characters loses at once; with neither side, the Defenders win', () => {
    const none = lineup();
    const one = lineup(['Earth']);
    const two = lineup(['Fire']);
    expect(simulate(none, none, PAPER)).toMatchObject({ winner: 0, steps: 0, capped: false, summary: { end: 'no_characters' } });
    expect(simulate(none, two, PAPER)).toMatchObject({ winner: 1, steps: 0 });
    expect(simulate(one, none, PAPER)).toMatchObject({ winner: 0, steps: 0 });
  });

  it('invalid HP params fall back to the default preset', () => {
    const r = simulate(lineup(['Earth']), lineup(['Fire']), { preset: 'x', budgets: [20, 20], params: { hp0: 0, hp1: 2.5 } });
    expect(r.summary).toMatchObject({ hp0: 130, hp1: 100, rounds: 30 });
  });
});

describe('determinism and the log', () => {
  const rng = createRng('tb-determinism');
  const pairs = Array.from({ length: 200 }, () => [
    validate(0, randomPlan(0, rng, DEFAULT), DEFAULT).plan,
    validate(1, randomPlan(1, rng, DEFAULT), DEFAULT).plan,
  ] as const);

  it('the same plans give identical results and logs', () => {
    for (const [d, v] of pairs.slice(0, 50)) {
      const a = simulate(d, v, DEFAULT, { log: true });
      const b = simulate(d, v, DEFAULT, { log: true });
      expect(b).toEqual(a);
    }
  });

  it('asking for a log does not change the outcome; without it the log is null', () => {
    for (const [d, v] of pairs) {
      const plain = simulate(d, v, DEFAULT);
      const logged = simulate(d, v, DEFAULT, { log: true });
      expect(plain.log).toBeNull();
      expect({ ...logged, log: null }).toEqual(plain);
    }
  });

  it('the log is plain JSON with one frame per action and per end-of-round phase', () => {
    const [d, v] = pairs[0]!;
    const r = simulate(d, v, DEFAULT, { log: true });
    const log = r.log as TbLog;
    expect(JSON.parse(JSON.stringify(log))).toEqual(log);
    expect(log.version).toBe(1);
    expect(log.lineups[0].map((c) => c.element)).toEqual(d.characters.map((c) => c.element));
    expect(log.lineups[1].every((c) => c.maxHp === 100 && c.cycle.length === 3)).toBe(true);
    const last = log.frames[log.frames.length - 1]!;
    expect(last.round).toBe(r.steps);
    const ends = log.frames.filter((f) => f.actor === null).length;
    expect(ends === r.steps || ends === r.steps - 1).toBe(true);
  });
});
