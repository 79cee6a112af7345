import { describe, expect, it } from 'vitest';
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { createRng } from '../core/rng.js';
import { mutatePlan, randomPlan } from './plans.js';
import { DEFAULT } from './testing.js';
import { validate } from './validate.js';

const SIDES: readonly SideIndex[] = [0, 1];

function expectValid(side: SideIndex, value: unknown, config: PlanGameConfig): void {
  const v = validate(side, value, config);
  expect(v.report.shape).toBe('ok');
  expect(v.report.items.filter((i) => i.status !== 'used')).toEqual([]);
  expect(v.report.cost).toBeLessThanOrEqual(config.budgets[side]);
}

describe('randomPlan', () => {
  it.each(SIDES)('side %i: always valid and within budget over many seeds', (side) => {
    const rng = createRng(`random-${side}`);
    const costs: number[] = [];
    for (let i = 0; i < 500; i++) {
      const value = randomPlan(side, rng, DEFAULT);
      expectValid(side, value, DEFAULT);
      costs.push(validate(side, value, DEFAULT).report.cost);
    }
    const mean = costs.reduce((a, b) => a + b, 0) / costs.length;
    expect(mean).toBeGreaterThan(14);
    expect(new Set(costs).size).toBeGreaterThan(5);
  });

  it('is varied: many distinct plans, some with fewer than three characters', () => {
    const rng = createRng('variety');
    const plans = Array.from({ length: 300 }, () => validate(1, randomPlan(1, rng, DEFAULT), DEFAULT));
    expect(new Set(plans.map((p) => p.canonical)).size).toBeGreaterThan(280);
    expect(plans.some((p) => p.plan.characters.length < 3)).toBe(true);
  });

  it('is deterministic per seed', () => {
    for (const side of SIDES) {
      const a = Array.from({ length: 20 }, (_, i) => randomPlan(side, createRng(i), DEFAULT));
      const b = Array.from({ length: 20 }, (_, i) => randomPlan(side, createRng(i), DEFAULT));
      expect(b).toEqual(a);
    }
  });

  it('respects small budgets', () => {
    const config: PlanGameConfig = { preset: 'custom', budgets: [3, 0], params: {} };
    const rng = createRng('small');
    for (let i = 0; i < 100; i++) {
      expectValid(0, randomPlan(0, rng, config), config);
      expectValid(1, randomPlan(1, rng, config), config);
    }
  });
});

describe('mutatePlan', () => {
  it.each(SIDES)('side %i: chains of mutations stay valid and within budget', (side) => {
    const rng = createRng(`mutate-${side}`);
    let value = randomPlan(side, rng, DEFAULT);
    let changed = 0;
    for (let i = 0; i < 400; i++) {
      const next = mutatePlan(side, value, rng, DEFAULT);
      expectValid(side, next, DEFAULT);
      if (validate(side, next, DEFAULT).canonical !== validate(side, value, DEFAULT).canonical) changed++;
      value = next;
    }
    expect(changed).toBeGreaterThan(360);
  });

  it('any input works: garbage gives a fresh valid plan, an over-budget plan too', () => {
    const rng = createRng('garbage');
    const inputs: unknown[] = [
      null,
      'x',
      [1, 2],
      { invaders: 'Fire' },
      { defenders: [{ element: 'Fire' }] },
      {
        invaders: [
          { element: 'Fire', skills: ['hell_curtain', 'magma_eruption', 'flame_whirlwind'] },
          { element: 'Water', skills: ['abyss_resonance', 'tsunami_ending', 'ice_branded'] },
        ],
      },
    ];
    for (const input of inputs) expectValid(1, mutatePlan(1, input, rng, DEFAULT), DEFAULT);
  });

  it('keeps the used part of a plan with ignored items', () => {
    const rng = createRng('partial');
    const input = { defenders: [{ element: 'Earth', skills: ['earth_shock', 'nonsense', 'flame_splash'] }] };
    const out = validate(0, mutatePlan(0, input, rng, DEFAULT), DEFAULT);
    expect(out.report.items.every((i) => i.status === 'used')).toBe(true);
  });

  it('is deterministic per seed', () => {
    const base = randomPlan(0, createRng('base'), DEFAULT);
    const a = Array.from({ length: 20 }, (_, i) => mutatePlan(0, base, createRng(i), DEFAULT));
    const b = Array.from({ length: 20 }, (_, i) => mutatePlan(0, base, createRng(i), DEFAULT));
    expect(b).toEqual(a);
  });
});
