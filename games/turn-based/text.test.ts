import { describe, expect, it } from 'vitest';
import type { SideIndex } from '../core/plan-game.js';
import { ELEMENTS, ROUND_CAP, SKILLS, SIDE_ELEMENTS } from './catalogue.js';
import { STATUSES } from './status.js';
import { catalogueText, exampleJson, rulesText } from './text.js';
import { DEFAULT, PAPER, hpConfig } from './testing.js';
import { validate } from './validate.js';

const SIDES: readonly SideIndex[] = [0, 1];

describe('rulesText', () => {
  it.each(SIDES)('side %i: names every skill, element and status, and the opponent skill lines', (side) => {
    const text = rulesText(side, DEFAULT);
    for (const skill of SKILLS) expect(text).toContain(skill.id);
    for (const element of ELEMENTS) expect(text).toContain(element);
    for (const status of STATUSES) expect(text).toContain(status.type);
    const other: SideIndex = side === 0 ? 1 : 0;
    expect(text).toContain(catalogueText(other, DEFAULT));
    expect(text).toContain(side === 0 ? '"defenders"' : '"invaders"');
  });

  it('states the HP, the budgets, the cap and the tie rules from the config', () => {
    const text = rulesText(1, DEFAULT);
    expect(text).toContain('Every Defender character starts with 130 HP and every Invader character with 100 HP');
    expect(text).toContain('Budgets: Invader 20, Defender 20');
    expect(text).toContain(`after round ${ROUND_CAP}`);
    expect(text).toMatch(/neither side has a living character, the Defenders win/);
    expect(text).toMatch(/equal totals: the Defenders win/);
    expect(text).toMatch(/cannot be read as JSON.*empty/);
    expect(text).toMatch(/equal fractions mean nobody wins/);
  });

  it('changes with the config', () => {
    expect(rulesText(0, PAPER)).toContain('Every Defender character starts with 100 HP');
    expect(rulesText(0, hpConfig(150, 90))).toContain('starts with 150 HP and every Invader character with 90 HP');
    const budgets = { preset: 'custom', budgets: [17, 23] as const, params: PAPER.params };
    expect(rulesText(0, budgets)).toContain('Budgets: Defender 17, Invader 23');
    expect(rulesText(0, budgets)).not.toBe(rulesText(0, PAPER));
  });

  it('states the exact chart factors', () => {
    const text = rulesText(0, DEFAULT);
    expect(text).toContain('Fire beats Wood, Wood beats Earth, Earth beats Water, Water beats Fire');
    expect(text).toContain('E = 1.2');
    expect(text).toContain('0.8');
    expect(text).toContain('1.5 against each other');
  });
});

describe('catalogueText', () => {
  it.each(SIDES)('side %i: one line per skill of the side with its cost, none of the other side', (side) => {
    const text = catalogueText(side, DEFAULT);
    for (const skill of SKILLS) {
      if (skill.side === side) expect(text).toContain(`- ${skill.id} ("${skill.display}", ${skill.element}, cost ${skill.cost}): `);
      else expect(text).not.toContain(skill.id);
    }
    for (const element of SIDE_ELEMENTS[side]) expect(text).toContain(`${element} skills:`);
  });

  it('limits the lines to the given names (any spelling)', () => {
    const text = catalogueText(1, DEFAULT, new Set(['flame_splash', 'Void Assimilation']));
    expect(text.split('\n')).toHaveLength(4);
    expect(text).toContain('flame_splash');
    expect(text).toContain('void_assimilation');
    expect(text).not.toContain('Water skills:');
    expect(catalogueText(1, DEFAULT, new Set())).toBe('');
  });

  it('writes the numbers of the catalogue', () => {
    const text = catalogueText(0, DEFAULT);
    expect(text).toContain('Poison: 35 damage at the end of each round, for 4 rounds');
    expect(text).toContain('4 charges');
  });
});

describe('exampleJson', () => {
  it.each(SIDES)('side %i: a valid reply within budget with every item used', (side) => {
    const v = validate(side, JSON.parse(exampleJson(side)), DEFAULT);
    expect(v.report.shape).toBe('ok');
    expect(v.report.items.every((i) => i.status === 'used')).toBe(true);
    expect(v.plan.characters).toHaveLength(3);
    expect(v.report.cost).toBeLessThanOrEqual(DEFAULT.budgets[side]);
  });
});
