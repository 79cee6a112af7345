import { describe, expect, it } from 'vitest';
import { abConfig } from './config.js';
import { validate } from './validate.js';

const cfg = abConfig();

describe('auto-battler validation', () => {
  it('charges catalogue cost, x3 for Gold, and fields the units in order', () => {
    const v = validate(1, { invaders: [{ name: 'FireLizard', tier: 'Bronze' }, { name: 'Phoenix', tier: 'Gold' }, { name: 'TideLord' }] }, cfg);
    expect(v.report).toEqual({
      shape: 'ok',
      cost: 1 + 12 + 4,
      items: [
        { path: 'invaders[0]', name: 'FireLizard', status: 'used', cost: 1 },
        { path: 'invaders[1]', name: 'Phoenix', status: 'used', cost: 12 },
        { path: 'invaders[2]', name: 'TideLord', status: 'used', cost: 4 },
      ],
    });
    expect(v.plan).toEqual({
      units: [
        { name: 'FireLizard', gold: false },
        { name: 'Phoenix', gold: true },
        { name: 'TideLord', gold: false },
      ],
      priority: [],
    });
  });

  it('normalises names and tiers: case and non-alphanumerics are ignored', () => {
    const v = validate(
      1,
      { invaders: [{ name: 'fire lizard', tier: 'GOLD' }, { name: 'FIRE_LIZARD', tier: 'g-o-l-d' }, { name: 'Fire-Lizard', tier: 'bronze' }] },
      cfg,
    );
    expect(v.plan.units).toEqual([
      { name: 'FireLizard', gold: true },
      { name: 'FireLizard', gold: true },
      { name: 'FireLizard', gold: false },
    ]);
    expect(v.report.cost).toBe(3 + 3 + 1);
    expect(v.report.items.every((i) => i.status === 'used' && i.detail === undefined)).toBe(true);
  });

  it('reads any other tier as Bronze, with a note', () => {
    const v = validate(0, { defenders: [{ name: 'King', tier: 'Silver' }, { name: 'King', tier: 3 }, { name: 'King', tier: null }] }, cfg);
    expect(v.plan.units.map((u) => u.gold)).toEqual([false, false, false]);
    expect(v.report.cost).toBe(12);
    expect(v.report.items.map((i) => i.detail)).toEqual([
      'tier is not "Gold": fights as Bronze',
      'tier is not "Gold": fights as Bronze',
      'tier is not "Gold": fights as Bronze',
    ]);
  });

  it('item/unknown_name: unknown names, enemy units and summons cost 0 and take no slot (REVIEW C3)', () => {
    const v = validate(
      1,
      { invaders: [{ name: 'Dragon' }, { name: 'RockBeetle' }, { name: 'Skeleton', tier: 'Gold' }, { name: 'Soldier' }, { name: 'FireLizard' }] },
      cfg,
    );
    expect(v.report.items).toEqual([
      { path: 'invaders[0]', name: 'Dragon', status: 'unknown', code: 'item/unknown_name', cost: 0, detail: 'not one of the Invader units: ignored, cost 0' },
      {
        path: 'invaders[1]',
        name: 'RockBeetle',
        status: 'unknown',
        code: 'item/unknown_name',
        cost: 0,
        detail: 'RockBeetle is a Defender unit: ignored, cost 0',
      },
      {
        path: 'invaders[2]',
        name: 'Skeleton',
        status: 'unknown',
        code: 'item/unknown_name',
        cost: 0,
        detail: 'Skeleton is only summoned and cannot be bought: ignored, cost 0',
      },
      {
        path: 'invaders[3]',
        name: 'Soldier',
        status: 'unknown',
        code: 'item/unknown_name',
        cost: 0,
        detail: 'Soldier is a Defender unit: ignored, cost 0',
      },
      { path: 'invaders[4]', name: 'FireLizard', status: 'used', cost: 1 },
    ]);
    expect(v.report.cost).toBe(1);
    expect(v.plan.units).toEqual([{ name: 'FireLizard', gold: false }]);
    const d = validate(0, { defenders: [{ name: 'Soldier' }] }, cfg);
    expect(d.report.items[0]).toMatchObject({ status: 'unknown', code: 'item/unknown_name', cost: 0 });
    expect(d.plan.units).toEqual([]);
  });

  it('item/malformed: members that are not objects or have no text name', () => {
    const v = validate(0, { defenders: [3, 'Sapling', null, ['Sapling'], {}, { name: 7 }, { tier: 'Gold' }] }, cfg);
    expect(v.report.cost).toBe(0);
    expect(v.plan.units).toEqual([]);
    expect(v.report.items.map((i) => [i.path, i.name, i.status, i.code, i.cost])).toEqual([
      ['defenders[0]', null, 'unknown', 'item/malformed', 0],
      ['defenders[1]', null, 'unknown', 'item/malformed', 0],
      ['defenders[2]', null, 'unknown', 'item/malformed', 0],
      ['defenders[3]', null, 'unknown', 'item/malformed', 0],
      ['defenders[4]', null, 'unknown', 'item/malformed', 0],
      ['defenders[5]', null, 'unknown', 'item/malformed', 0],
      ['defenders[6]', null, 'unknown', 'item/malformed', 0],
    ]);
  });

  it('item/over_unit_cap: known units after the 7th are charged and ignored', () => {
    const list = [{ name: 'nope' }, ...Array.from({ length: 9 }, (_, i) => ({ name: 'Sapling', tier: i === 8 ? 'Gold' : 'Bronze' }))];
    const v = validate(0, { defenders: list }, cfg);
    expect(v.plan.units).toHaveLength(7);
    expect(v.report.cost).toBe(7 + 1 + 3);
    expect(v.report.items[8]).toEqual({
      path: 'defenders[8]',
      name: 'Sapling',
      status: 'ignored',
      code: 'item/over_unit_cap',
      cost: 1,
      detail: 'beyond the first 7 units: paid for but does not fight',
    });
    expect(v.report.items[9]).toMatchObject({ path: 'defenders[9]', status: 'ignored', code: 'item/over_unit_cap', cost: 3 });
  });

  it.each([
    ['an array', [{ name: 'Sapling' }]],
    ['a string', 'Sapling'],
    ['null', null],
    ['a number', 4],
    ['an object without the key', { invaders: [{ name: 'FireLizard' }] }],
    ['a key holding a string', { defenders: 'Sapling' }],
    ['a key holding an object', { defenders: { name: 'Sapling' } }],
    ['a key holding null', { defenders: null }],
  ])('a wrong shape (%s) is an empty plan', (_what, value) => {
    const v = validate(0, value, cfg);
    expect(v.report.shape).toBe('wrong_shape');
    expect(v.report.cost).toBe(0);
    expect(v.report.items).toEqual([]);
    expect(v.report.message).toMatch(/defenders/);
    expect(v.plan).toEqual({ units: [], priority: [] });
  });

  it('reads the priority list: enemy names (summons included), first occurrence; reports the rest', () => {
    const v = validate(
      0,
      {
        defenders: [{ name: 'RockBeetle' }],
        target_priority_for_defenders: ['phoenix', 42, 'RockBeetle', 'Dragon', 'skeleton', 'Phoenix'],
        target_priority_for_invaders: ['ignored'],
        extra: true,
      },
      cfg,
    );
    expect(v.plan.priority).toEqual(['Phoenix', 'Skeleton']);
    expect(v.report.cost).toBe(1);
    expect(v.report.items.slice(1)).toEqual([
      { path: 'target_priority_for_defenders[0]', name: 'Phoenix', status: 'used', cost: 0 },
      { path: 'target_priority_for_defenders[1]', name: null, status: 'unknown', code: 'item/malformed', cost: 0, detail: 'not a unit name: ignored' },
      {
        path: 'target_priority_for_defenders[2]',
        name: 'RockBeetle',
        status: 'unknown',
        code: 'item/unknown_name',
        cost: 0,
        detail: 'not one of the Invader units: ignored',
      },
      { path: 'target_priority_for_defenders[3]', name: 'Dragon', status: 'unknown', code: 'item/unknown_name', cost: 0, detail: 'not one of the Invader units: ignored' },
      { path: 'target_priority_for_defenders[4]', name: 'Skeleton', status: 'used', cost: 0 },
      { path: 'target_priority_for_defenders[5]', name: 'Phoenix', status: 'used', cost: 0, detail: 'repeats an earlier entry: no effect' },
    ]);
    expect(validate(1, { invaders: [], target_priority_for_invaders: ['Soldier'] }, cfg).plan.priority).toEqual(['Soldier']);
  });

  it('a priority value that is not a list counts as absent (REVIEW C2)', () => {
    const v = validate(1, { invaders: [{ name: 'FireLizard' }], target_priority_for_invaders: 'King' }, cfg);
    expect(v.report.shape).toBe('ok');
    expect(v.plan.priority).toEqual([]);
    expect(v.report.items[1]).toEqual({
      path: 'target_priority_for_invaders',
      name: null,
      status: 'unknown',
      code: 'item/malformed',
      cost: 0,
      detail: 'not a list: no priority used',
    });
  });

  it('canonical form: same plan, same string; order matters; ignored items do not count', () => {
    const a = validate(1, { invaders: [{ name: 'fire lizard' }, { name: 'Phoenix', tier: 'gold' }], target_priority_for_invaders: ['King'] }, cfg);
    const b = validate(
      1,
      { invaders: [{ name: 'FireLizard', tier: 'Bronze' }, { name: 'Dragon' }, { name: 'PHOENIX', tier: 'Gold' }], target_priority_for_invaders: ['king', 'King'] },
      cfg,
    );
    const c = validate(1, { invaders: [{ name: 'Phoenix', tier: 'Gold' }, { name: 'FireLizard' }], target_priority_for_invaders: ['King'] }, cfg);
    expect(a.canonical).toBe(b.canonical);
    expect(a.canonical).not.toBe(c.canonical);
    expect(JSON.parse(a.canonical)).toEqual({ units: [['FireLizard', 'Bronze'], ['Phoenix', 'Gold']], priority: ['King'] });
  });

  it('validates a 10,000-item plan totally and quickly', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? { name: 'TideLord', tier: 'Gold' } : i % 3 === 1 ? { name: `x${i}` } : 7));
    const priority = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? 'King' : `y${i}`));
    const v = validate(1, { invaders: list, target_priority_for_invaders: priority }, cfg);
    expect(v.plan.units).toHaveLength(7);
    expect(v.report.cost).toBe(3334 * 12);
    expect(v.report.items).toHaveLength(20_000);
    expect(v.plan.priority).toEqual(['King']);
  });
});
