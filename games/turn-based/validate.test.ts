import { describe, expect, it } from 'vitest';
import type { PlanItemReport } from '../core/plan-game.js';
import { PAPER } from './testing.js';
import { validate } from './validate.js';

const inv = (list: unknown) => validate(1, { invaders: list }, PAPER);
const def = (list: unknown) => validate(0, { defenders: list }, PAPER);

function item(items: readonly PlanItemReport[], path: string): PlanItemReport | undefined {
  return items.find((i) => i.path === path);
}

describe('validate: plan shape', () => {
  it.each([
    ['an array', [{ element: 'Fire', skills: [] }]],
    ['a string', 'invaders'],
    ['null', null],
    ['a number', 3],
    ['an object without the key', { defenders: [] }],
    ['a key that is not a list', { invaders: { element: 'Fire' } }],
  ])('%s is the empty plan with shape wrong_shape and cost 0', (_label, value) => {
    const v = validate(1, value, PAPER);
    expect(v.report.shape).toBe('wrong_shape');
    expect(v.report.cost).toBe(0);
    expect(v.report.items).toEqual([]);
    expect(v.report.message).toMatch(/invaders/);
    expect(v.plan.characters).toEqual([]);
    expect(v.canonical).toBe('{"invaders":[]}');
  });

  it('extra keys are ignored and an empty list is a valid empty plan', () => {
    const v = validate(0, { defenders: [], note: 'x', invaders: [{ element: 'Fire', skills: ['flame_splash'] }] }, PAPER);
    expect(v.report).toEqual({ shape: 'ok', cost: 0, items: [] });
  });
});

describe('validate: items', () => {
  it('a clean plan: every item used, cost = sum of skill costs, characters free', () => {
    const v = inv([
      { element: 'Fire', skills: ['flame_splash', 'residual_warmth', 'burst_flame_bomb'] },
      { element: 'Dark', skills: ['void_assimilation'] },
    ]);
    expect(v.report.cost).toBe(1 + 1 + 2 + 5);
    expect(v.report.items.every((i) => i.status === 'used' && i.code === undefined)).toBe(true);
    expect(item(v.report.items, 'invaders[0]')).toEqual({ path: 'invaders[0]', name: 'Fire', status: 'used', cost: 0 });
    expect(item(v.report.items, 'invaders[1].skills[0]')).toEqual({
      path: 'invaders[1].skills[0]',
      name: 'void_assimilation',
      status: 'used',
      cost: 5,
    });
    expect(v.plan.characters).toEqual([
      { element: 'Fire', skills: ['flame_splash', 'residual_warmth', 'burst_flame_bomb'] },
      { element: 'Dark', skills: ['void_assimilation'] },
    ]);
  });

  it('item/unknown_name: an unknown skill is free and ignored', () => {
    const v = inv([{ element: 'Fire', skills: ['fireball', 'flame_splash'] }]);
    expect(item(v.report.items, 'invaders[0].skills[0]')).toMatchObject({ name: 'fireball', status: 'unknown', code: 'item/unknown_name', cost: 0 });
    expect(v.report.cost).toBe(1);
    expect(v.plan.characters[0]?.skills).toEqual(['flame_splash']);
  });

  it('item/unknown_name on a character: an unknown element is not fielded, but its side skills are charged', () => {
    const v = inv([{ element: 'Ice', skills: ['ice_branded', 'flame_splash'] }]);
    expect(item(v.report.items, 'invaders[0]')).toMatchObject({ name: 'Ice', status: 'unknown', code: 'item/unknown_name', cost: 0 });
    expect(item(v.report.items, 'invaders[0].skills[0]')).toMatchObject({ status: 'ignored', code: 'item/wrong_element', cost: 3 });
    expect(v.report.cost).toBe(4);
    expect(v.plan.characters).toEqual([]);
  });

  it('item/malformed: a member that is not an object', () => {
    for (const member of ['Fire', 7, null, ['Fire']]) {
      const v = inv([member, { element: 'Dark', skills: [] }]);
      expect(item(v.report.items, 'invaders[0]')).toMatchObject({ name: null, status: 'unknown', code: 'item/malformed', cost: 0 });
      expect(v.plan.characters).toEqual([{ element: 'Dark', skills: [] }]);
    }
  });

  it('item/malformed: a non-text element makes the whole character free and ignored', () => {
    const v = inv([{ element: 3, skills: ['hell_curtain'] }, { skills: ['hell_curtain'] }]);
    expect(v.report.items).toHaveLength(2);
    expect(v.report.items.every((i) => i.code === 'item/malformed' && i.cost === 0 && i.status === 'unknown')).toBe(true);
    expect(v.report.cost).toBe(0);
  });

  it('item/malformed: "skills" that is not a list makes the character free and ignored', () => {
    for (const skills of ['flame_splash', undefined, { a: 'flame_splash' }]) {
      const v = inv([{ element: 'Fire', skills }]);
      expect(v.report.items).toEqual([expect.objectContaining({ path: 'invaders[0]', name: 'Fire', code: 'item/malformed', cost: 0 })]);
      expect(v.plan.characters).toEqual([]);
    }
  });

  it('item/malformed: a skill that is not text is free and ignored', () => {
    const v = inv([{ element: 'Fire', skills: [1, null, { id: 'flame_splash' }, 'flame_splash'] }]);
    for (const j of [0, 1, 2]) {
      expect(item(v.report.items, `invaders[0].skills[${j}]`)).toMatchObject({ name: null, status: 'unknown', code: 'item/malformed', cost: 0 });
    }
    expect(v.plan.characters[0]?.skills).toEqual(['flame_splash']);
    expect(v.report.cost).toBe(1);
  });

  it('item/wrong_element: a side skill under another element is charged and ignored', () => {
    const v = inv([{ element: 'Fire', skills: ['tsunami_ending', 'magma_eruption'] }]);
    expect(item(v.report.items, 'invaders[0].skills[0]')).toMatchObject({
      name: 'tsunami_ending',
      status: 'ignored',
      code: 'item/wrong_element',
      cost: 4,
    });
    expect(v.report.cost).toBe(8);
    expect(v.plan.characters[0]?.skills).toEqual(['magma_eruption']);
  });

  it('item/wrong_element on a character: an element of the other side is not fielded', () => {
    const v = def([{ element: 'Fire', skills: ['earth_shock'] }]);
    expect(item(v.report.items, 'defenders[0]')).toMatchObject({ name: 'Fire', status: 'unknown', code: 'item/wrong_element', cost: 0 });
    expect(item(v.report.items, 'defenders[0].skills[0]')).toMatchObject({ status: 'ignored', code: 'item/wrong_element', cost: 1 });
    expect(v.plan.characters).toEqual([]);
  });

  it('item/wrong_side_skill: the other side\'s skill is free and ignored', () => {
    const v = def([{ element: 'Earth', skills: ['flame_splash', 'earth_shock'] }]);
    expect(item(v.report.items, 'defenders[0].skills[0]')).toMatchObject({
      name: 'flame_splash',
      status: 'unknown',
      code: 'item/wrong_side_skill',
      cost: 0,
    });
    expect(v.report.cost).toBe(1);
  });

  it('item/duplicate_element: a repeated element is not fielded, its skills are charged', () => {
    const v = def([
      { element: 'Light', skills: ['divine_sword'] },
      { element: 'light', skills: ['divine_sword', 'divine_link'] },
    ]);
    expect(item(v.report.items, 'defenders[1]')).toMatchObject({ name: 'Light', status: 'ignored', code: 'item/duplicate_element', cost: 0 });
    expect(item(v.report.items, 'defenders[1].skills[1]')).toMatchObject({ status: 'ignored', code: 'item/duplicate_element', cost: 2 });
    expect(v.report.cost).toBe(5 + 5 + 2);
    expect(v.plan.characters).toEqual([{ element: 'Light', skills: ['divine_sword'] }]);
  });

  it('item/duplicate_skill: a repeat is charged again and ignored', () => {
    const v = def([{ element: 'Earth', skills: ['earth_shock', 'Earth Shock', 'rock_armor'] }]);
    expect(item(v.report.items, 'defenders[0].skills[1]')).toMatchObject({ status: 'ignored', code: 'item/duplicate_skill', cost: 1 });
    expect(v.report.cost).toBe(3);
    expect(v.plan.characters[0]?.skills).toEqual(['earth_shock', 'rock_armor']);
  });

  it('item/over_skill_cap: filter, then take the first three (REVIEW T1)', () => {
    const v = def([{ element: 'Wood', skills: ['flame_splash', 'bud_healing', 'earth_shock', 'life_totem', 'poison_vine', 'parasitic_seed'] }]);
    expect(v.plan.characters[0]?.skills).toEqual(['bud_healing', 'life_totem', 'poison_vine']);
    expect(item(v.report.items, 'defenders[0].skills[5]')).toMatchObject({ status: 'ignored', code: 'item/over_skill_cap', cost: 1 });
    // flame_splash: other side (0); earth_shock: wrong element (1); bud 1 + totem 2 + vine 5 + seed 1.
    expect(v.report.cost).toBe(0 + 1 + 1 + 2 + 5 + 1);
  });

  it('every report item has a detail sentence unless it was used', () => {
    const v = inv([7, { element: 'Ice', skills: ['x', 2, 'flame_splash'] }, { element: 'Fire', skills: ['bud_healing'] }]);
    for (const i of v.report.items) {
      if (i.status === 'used') expect(i.detail).toBeUndefined();
      else expect(i.detail?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

describe('validate: names and canonical form', () => {
  it.each(['flame_splash', 'Flame Splash', 'FLAME_SPLASH', 'flame-splash', '  flame splash  ', 'FlameSplash'])(
    'skill spelling %j is matched and charged',
    (spelling) => {
      const v = inv([{ element: 'Fire', skills: [spelling] }]);
      expect(v.plan.characters[0]?.skills).toEqual(['flame_splash']);
      expect(v.report.cost).toBe(1);
    },
  );

  it.each(['fire', 'FIRE', ' Fire ', 'fi-re'])('element spelling %j is matched', (spelling) => {
    expect(inv([{ element: spelling, skills: [] }]).plan.characters).toEqual([{ element: 'Fire', skills: [] }]);
  });

  it('the canonical form ignores spelling but keeps lineup and cycle order', () => {
    const a = inv([{ element: 'fire', skills: ['Flame Splash', 'residual warmth'] }, { element: 'Dark', skills: [] }]);
    const b = inv([{ element: 'FIRE', skills: ['flame_splash', 'RESIDUAL_WARMTH', 'nonsense'] }, { element: 'dark', skills: [] }]);
    const c = inv([{ element: 'Fire', skills: ['residual_warmth', 'flame_splash'] }, { element: 'Dark', skills: [] }]);
    const d = inv([{ element: 'Dark', skills: [] }, { element: 'Fire', skills: ['flame_splash', 'residual_warmth'] }]);
    expect(a.canonical).toBe(b.canonical);
    expect(a.canonical).toBe('{"invaders":[{"element":"Fire","skills":["flame_splash","residual_warmth"]},{"element":"Dark","skills":[]}]}');
    expect(c.canonical).not.toBe(a.canonical);
    expect(d.canonical).not.toBe(a.canonical);
  });

  it('a 10,000-item plan validates quickly and charges every side skill', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => ({ element: i % 2 ? 'Fire' : 'Water', skills: ['stream_pierce'] }));
    const v = inv(big);
    expect(v.report.cost).toBe(10_000);
    expect(v.report.items).toHaveLength(20_000);
    expect(v.plan.characters).toEqual([
      { element: 'Water', skills: ['stream_pierce'] },
      { element: 'Fire', skills: [] },
    ]);
    const skills = inv([{ element: 'Dark', skills: Array.from({ length: 10_000 }, () => 'soul_siphon') }]);
    expect(skills.report.cost).toBe(20_000);
    expect(skills.plan.characters[0]?.skills).toEqual(['soul_siphon']);
  });
});
