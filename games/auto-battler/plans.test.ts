import { describe, expect, it } from 'vitest';
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { createRng } from '../core/rng.js';
import { abConfig } from './config.js';
import { mutatePlan, randomPlan } from './plans.js';
import { validate } from './validate.js';

const cfg = abConfig();
const SIDES: readonly SideIndex[] = [0, 1];

function expectValid(side: SideIndex, value: unknown, config: PlanGameConfig): void {
  const v = validate(side, value, config);
  expect(v.report.shape).toBe('ok');
  expect(v.report.items.filter((i) => i.status !== 'used')).toEqual([]);
  expect(v.report.cost).toBeLessThanOrEqual(config.budgets[side]);
}

describe('auto-battler randomPlan', () => {
  it.each(SIDES)('side %i: always valid and within budget, varied, using a good part of the budget', (side) => {
    let total = 0;
    const seen = new Set<string>();
    for (let seed = 0; seed < 400; seed++) {
      const value = randomPlan(side, createRng(seed), cfg);
      expectValid(side, value, cfg);
      const v = validate(side, value, cfg);
      expect(v.plan.units.length).toBeGreaterThan(0);
      total += v.report.cost;
      seen.add(v.canonical);
    }
    expect(total / 400).toBeGreaterThan(0.6 * cfg.budgets[side]);
    expect(seen.size).toBeGreaterThan(350);
  });

  it('is deterministic per seed', () => {
    for (const side of SIDES) expect(randomPlan(side, createRng('s'), cfg)).toEqual(randomPlan(side, createRng('s'), cfg));
  });

  it('respects small budgets, down to 0', () => {
    for (const budgets of [[3, 2], [0, 0]] as const) {
      const small = { ...cfg, budgets };
      for (let seed = 0; seed < 100; seed++) for (const side of SIDES) expectValid(side, randomPlan(side, createRng(seed), small), small);
    }
  });
});

describe('auto-battler mutatePlan', () => {
  it.each(SIDES)('side %i: keeps plans valid and within budget, changes them, and is deterministic', (side) => {
    let changed = 0;
    for (let seed = 0; seed < 300; seed++) {
      const rng = createRng(seed);
      let value = randomPlan(side, rng, cfg);
      for (let step = 0; step < 5; step++) {
        const next = mutatePlan(side, value, createRng(`${seed}/${step}`), cfg);
        expect(mutatePlan(side, value, createRng(`${seed}/${step}`), cfg)).toEqual(next);
        expectValid(side, next, cfg);
        if (validate(side, next, cfg).canonical !== validate(side, value, cfg).canonical) changed++;
        value = next;
      }
    }
    expect(changed).toBeGreaterThan(0.8 * 300 * 5);
  });

  it('turns any input, garbage or over budget, into a valid plan within budget', () => {
    const inputs: unknown[] = [
      null,
      'FireLizard',
      7,
      [],
      {},
      { invaders: 'x', defenders: 'x' },
      { invaders: [{ name: 'TideLord', tier: 'Gold' }, { name: 'Phoenix', tier: 'Gold' }, 3, { name: 'Dragon' }] },
      { defenders: [{ name: 'King', tier: 'Gold' }, { name: 'King', tier: 'Gold' }, { name: 'Soldier' }, null] },
      { invaders: [], defenders: [], target_priority_for_invaders: 5, target_priority_for_defenders: [1, 'x'] },
    ];
    for (const side of SIDES) {
      for (const [i, input] of inputs.entries()) {
        for (let seed = 0; seed < 20; seed++) expectValid(side, mutatePlan(side, input, createRng(`${i}:${seed}`), cfg), cfg);
      }
    }
  });
});
