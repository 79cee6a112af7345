import { describe, expect, it } from 'vitest';
import { extractPlanJson } from '../core/reply.js';
import type { PlanGameConfig } from '../core/plan-game.js';
import { DEMONS, HUMANS, MAX_SPAWN_MS, TIME_CAP_MS } from './catalogue.js';
import { config } from './config.js';
import { catalogueText, exampleJson, rulesText } from './text.js';
import { validate } from './validate.js';

describe('tower-defense text', () => {
  it('the rules text names every opponent unit with its cost and HP; the own units are in its catalogue only', () => {
    for (const side of [0, 1] as const) {
      const text = rulesText(side, config());
      const [own, opponent] = side === 0 ? [HUMANS, DEMONS] : [DEMONS, HUMANS];
      for (const u of opponent) expect(text).toContain(`- ${u.name}: cost ${u.cost}, HP ${u.hp}`);
      for (const u of own) {
        expect(text).not.toContain(`- ${u.name}: cost ${u.cost}, HP ${u.hp}`);
        expect(catalogueText(side, config())).toContain(`- ${u.name}: cost ${u.cost}, HP ${u.hp}`);
      }
    }
  });

  it('states the budgets and changes with them', () => {
    const paper = rulesText(0, config('paper'));
    expect(rulesText(0, config())).toContain('Budgets: Human 5000, Demon 1000. Your budget is 5000.');
    expect(rulesText(1, config())).toContain('Your budget is 1000.');
    expect(paper).toContain('Budgets: Human 2000, Demon 1500.');
    const custom: PlanGameConfig = { preset: 'default', budgets: [1234, 567], params: {} };
    expect(rulesText(1, custom)).toContain('Budgets: Human 1234, Demon 567. Your budget is 567.');
  });

  it('states the timing choices, caps and tie rules (rules text and catalogue, as the prompt shows them)', () => {
    const text = `${rulesText(1, config())}\n${catalogueText(1, config())}`;
    for (const fact of [
      `0 to ${MAX_SPAWN_MS}`,
      `t = ${TIME_CAP_MS} ms`,
      '11/28 cells per second',
      'exactly 14 s',
      '22 × v length units per step where a cell is 1120 units',
      'ties go to the demon that appeared first',
      'the lane of the demon that appeared first',
      'largest x',
      'carries over',
      'rounded down to a multiple of 50 ms',
      'counts as an empty plan',
      'ignored but still paid for',
      'ignored and costs nothing',
      'even if its unit appears late, dies or explodes',
      'equal relative overruns mean no winner',
      '×0.3 (70% less)',
      '×0.5 (50% less)',
      'column x − 1',
      'does not use up the summoner',
      'without changing the timing',
      '{"demons": [ ... ]}',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('catalogueText lists one side, optionally limited to given names', () => {
    const all = catalogueText(1, config());
    expect(all.split('\n')).toHaveLength(DEMONS.length);
    const some = catalogueText(1, config(), new Set(['FlyingDemon', 'DemonKing']));
    expect(some.split('\n')).toEqual([
      '- DemonKing: cost 800, HP 80, speed 2, damage 5.',
      '- FlyingDemon: cost 200, HP 10, speed 2, no attack. Flies over every unit: never stops, never attacks; only air damage hurts it.',
    ]);
    expect(catalogueText(0, config(), new Set(['IceSoldier']))).toBe(
      '- IceSoldier: cost 200, HP 2. Shooter: every 1000 ms, 1 ice damage to non-flying demons. The target is slowed (see Slow).',
    );
  });

  it('example replies parse and validate with every item used', () => {
    for (const side of [0, 1] as const) {
      const parsed = extractPlanJson(exampleJson(side));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const v = validate(side, parsed.value, config());
      expect(v.report.items.length).toBeGreaterThan(0);
      expect(v.report.items.every((i) => i.status === 'used')).toBe(true);
    }
  });
});
