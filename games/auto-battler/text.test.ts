import { describe, expect, it } from 'vitest';
import type { SideIndex } from '../core/plan-game.js';
import { SHOP, UNITS } from './catalogue.js';
import { abConfig } from './config.js';
import { catalogueText, exampleJson, rulesText } from './text.js';
import { validate } from './validate.js';

const cfg = abConfig();
const SIDES: readonly SideIndex[] = [0, 1];

describe('auto-battler rules text', () => {
  it.each(SIDES)('side %i: names every unit with its element, and states the key rules', (side) => {
    const text = rulesText(side, cfg);
    for (const u of UNITS) expect(text).toContain(`${u.name} ${u.element}`);
    for (const fact of [
      'Defender 20, Invader 20',
      'first 7',
      'after 200 turns',
      '1.5 times',
      'rounded down',
      'Fire beats Nature, Nature beats Water, Water beats Earth, Earth beats Fire',
      'Guardian and Rogue',
      'Invader wins',
      'cannot be parsed',
      'empty plan',
      'Targets never strike back',
      'Taunt',
      'Divine Shield',
      'a hit of 0 damage does nothing',
      'never changes how many times',
      'always Bronze',
      'Skeleton and Soldier',
      'smaller share of its budget',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).toContain(side === 0 ? '"defenders"' : '"invaders"');
    expect(text).toContain(side === 0 ? 'target_priority_for_defenders' : 'target_priority_for_invaders');
    expect(text).toContain(side === 0 ? 'You play the Defender side' : 'You play the Invader side');
  });

  it('follows the config', () => {
    const custom = { ...cfg, budgets: [17, 23] as const, params: { maxUnits: 5, maxTurns: 150 } };
    const text = rulesText(1, custom);
    expect(text).toContain('Defender 17, Invader 23. Yours is 23.');
    expect(text).toContain('after 150 turns');
    expect(text).toContain('first 5 of them fight');
    expect(text).not.toContain('200');
    expect(rulesText(0, custom)).toContain('Yours is 17.');
  });
});

describe('auto-battler catalogue text', () => {
  it.each(SIDES)('side %i: one line per purchasable unit with Bronze and Gold figures', (side) => {
    const text = catalogueText(side, cfg);
    const lines = text.split('\n');
    expect(lines).toHaveLength(11);
    for (const u of SHOP[side]) {
      expect(text).toContain(`- ${u.name} (${u.element}): Attack ${u.atk}, Health ${u.hp}, cost ${u.cost}; Gold ${u.atk * 2}/${u.hp * 2}, cost ${u.cost * 3}.`);
    }
    expect(text).not.toMatch(/^- (Skeleton|Soldier) /m);
  });

  it('states ability numbers with their Gold values and the "other" wording of REVIEW A12', () => {
    const inv = catalogueText(1, cfg);
    expect(inv).toContain('burned for 3 (Gold 6)');
    expect(inv).toContain('a 3/1 (Gold 6/2) Skeleton');
    const def = catalogueText(0, cfg);
    expect(def).toContain('every other Nature unit of its side gains 1 (Gold 2) Attack');
    expect(def).toContain('every other unit of its side gains 2 (Gold 4) Attack');
    expect(def).toContain('gains 3 (Gold 6) Health for each other unit');
    expect(def).toContain('a 1/1 (Gold 2/2) Soldier');
  });

  it('limits the lines to the requested names', () => {
    const text = catalogueText(1, cfg, new Set(['Phoenix', 'fire lizard', 'King']));
    expect(text.split('\n').map((l) => l.split(' ')[1])).toEqual(['FireLizard', 'Phoenix']);
  });
});

describe('auto-battler example reply', () => {
  it.each(SIDES)('side %i: valid JSON, every item used, within budget', (side) => {
    const v = validate(side, JSON.parse(exampleJson(side)) as unknown, cfg);
    expect(v.report.shape).toBe('ok');
    expect(v.report.items.every((i) => i.status === 'used')).toBe(true);
    expect(v.report.cost).toBeLessThanOrEqual(cfg.budgets[side]);
    expect(v.plan.priority.length).toBeGreaterThan(0);
  });
});
