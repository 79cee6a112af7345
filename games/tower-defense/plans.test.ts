import { describe, expect, it } from 'vitest';
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { createRng } from '../core/rng.js';
import { config } from './config.js';
import { mutatePlan, randomPlan } from './plans.js';
import { validate } from './validate.js';

function expectValid(side: SideIndex, value: unknown, cfg: PlanGameConfig): number {
  const v = validate(side, value, cfg);
  expect(v.report.shape).toBe('ok');
  expect(v.report.items.every((i) => i.status === 'used')).toBe(true);
  expect(v.report.cost).toBeLessThanOrEqual(cfg.budgets[side]);
  return v.report.cost;
}

describe('tower-defense random and mutated plans', () => {
  for (const preset of ['default', 'paper']) {
    it(`random plans are valid, within budget and use a good part of it (${preset})`, () => {
      const cfg = config(preset);
      for (const side of [0, 1] as const) {
        const rng = createRng(`random-${preset}-${side}`);
        const costs: number[] = [];
        const canon = new Set<string>();
        for (let i = 0; i < 300; i++) {
          const plan = randomPlan(side, rng, cfg);
          costs.push(expectValid(side, plan, cfg));
          canon.add(validate(side, plan, cfg).canonical);
        }
        const mean = costs.reduce((a, b) => a + b, 0) / costs.length;
        expect(mean).toBeGreaterThan(0.6 * cfg.budgets[side]);
        expect(canon.size).toBeGreaterThan(290);
      }
    });
  }

  it('random plans are deterministic per seed', () => {
    const cfg = config();
    for (const side of [0, 1] as const) {
      expect(randomPlan(side, createRng(7), cfg)).toEqual(randomPlan(side, createRng(7), cfg));
      expect(randomPlan(side, createRng(7), cfg)).not.toEqual(randomPlan(side, createRng(8), cfg));
    }
  });

  it('a zero budget gives an empty plan', () => {
    const cfg: PlanGameConfig = { preset: 'default', budgets: [0, 0], params: {} };
    expect(randomPlan(0, createRng(1), cfg)).toEqual({ humans: [] });
    expect(mutatePlan(1, { demons: [] }, createRng(1), cfg)).toEqual({ demons: [] });
  });

  it('mutations stay valid and within budget over long chains, change the plan, and are deterministic', () => {
    const cfg = config();
    for (const side of [0, 1] as const) {
      const rng = createRng(`mutate-${side}`);
      let plan = randomPlan(side, rng, cfg);
      let changed = 0;
      for (let i = 0; i < 400; i++) {
        const next = mutatePlan(side, plan, rng, cfg);
        expectValid(side, next, cfg);
        if (validate(side, next, cfg).canonical !== validate(side, plan, cfg).canonical) changed++;
        plan = next;
      }
      expect(changed).toBeGreaterThan(300);
      const start = randomPlan(side, createRng(3), cfg);
      expect(mutatePlan(side, start, createRng(4), cfg)).toEqual(mutatePlan(side, start, createRng(4), cfg));
    }
  });

  it('mutating garbage, wrong-side or over-budget plans falls back to a valid plan', () => {
    const cfg = config();
    const inputs: unknown[] = [null, 'x', [], { humans: 3 }, { demons: [{ name: 'DemonKing', y: 0 }, { name: 'DemonKing', y: 1 }] }];
    for (const [i, value] of inputs.entries()) {
      for (const side of [0, 1] as const) expectValid(side, mutatePlan(side, value, createRng(i), cfg), cfg);
    }
  });

  it('mutating a plan with ignored items keeps only its valid units', () => {
    const cfg = config();
    const value = { humans: [{ name: 'Bomb', x: 0, y: 0 }, { name: 'RifleSoldier', x: 1, y: 1 }, { name: 'RifleSoldier', x: 1, y: 1 }] };
    for (let seed = 0; seed < 50; seed++) expectValid(0, mutatePlan(0, value, createRng(seed), cfg), cfg);
  });
});
