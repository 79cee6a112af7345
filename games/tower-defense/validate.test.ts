import { describe, expect, it } from 'vitest';
import { config } from './config.js';
import { validate } from './validate.js';

const cfg = config('default');

describe('tower-defense validation', () => {
  it('uses valid items and charges their catalogue cost', () => {
    const v = validate(0, { humans: [{ name: 'RifleSoldier', x: 1, y: 2, spawn_time: 0 }, { name: 'ShieldSoldier', x: 2, y: 2 }] }, cfg);
    expect(v.report.shape).toBe('ok');
    expect(v.report.cost).toBe(250);
    expect(v.report.items).toEqual([
      { path: 'humans[0]', name: 'RifleSoldier', status: 'used', cost: 200 },
      { path: 'humans[1]', name: 'ShieldSoldier', status: 'used', cost: 50 },
    ]);
    expect(v.plan).toEqual({ side: 'human', humans: [{ kind: 1, x: 1, y: 2, spawn: 0 }, { kind: 3, x: 2, y: 2, spawn: 0 }] });
  });

  it('normalises names: case, spaces, underscores and dashes', () => {
    const names = ['fire demon', 'FIRE_DEMON', 'Fire-Demon', 'firedemon'];
    const v = validate(1, { demons: names.map((name) => ({ name, y: 0 })) }, cfg);
    expect(v.report.items.map((i) => [i.name, i.status])).toEqual(names.map(() => ['FireDemon', 'used']));
    expect(v.report.cost).toBe(600);
    expect(validate(0, { humans: [{ name: 'machine gun soldier', x: 0, y: 0 }] }, cfg).report.cost).toBe(400);
  });

  it('unknown names cost nothing, including the other side\'s units and Bomb', () => {
    const v = validate(0, { humans: [{ name: 'Bomb', x: 0, y: 0 }, { name: 'NormalDemon', x: 1, y: 0 }] }, cfg);
    expect(v.report.cost).toBe(0);
    expect(v.report.items[0]).toMatchObject({ path: 'humans[0]', name: 'Bomb', status: 'unknown', code: 'item/unknown_name', cost: 0 });
    expect(v.report.items[1]).toMatchObject({ name: 'NormalDemon', status: 'unknown', code: 'item/unknown_name', cost: 0 });
    expect(validate(1, { demons: [{ name: 'HealingDemon', y: 0 }] }, cfg).report.items[0]?.code).toBe('item/unknown_name');
  });

  it('malformed members are unknown items: non-objects and non-string names', () => {
    const v = validate(1, { demons: [7, 'NormalDemon', null, ['NormalDemon'], { y: 0 }, { name: 3, y: 0 }] }, cfg);
    expect(v.report.cost).toBe(0);
    expect(v.report.items).toHaveLength(6);
    for (const [i, item] of v.report.items.entries()) {
      expect(item).toMatchObject({ path: `demons[${i}]`, name: null, status: 'unknown', code: 'item/malformed', cost: 0 });
    }
    expect(v.plan).toEqual({ side: 'demon', demons: [] });
  });

  it('bad coordinates are ignored but charged', () => {
    const bad = [{ x: 11, y: 0 }, { x: -1, y: 0 }, { x: 0, y: 5 }, { x: 1.5, y: 0 }, { x: '1', y: 0 }, { y: 0 }, { x: 0, y: null }, { x: true, y: 0 }];
    const v = validate(0, { humans: bad.map((c) => ({ name: 'HandgunSoldier', ...c })) }, cfg);
    expect(v.report.cost).toBe(800);
    for (const item of v.report.items) {
      expect(item).toMatchObject({ name: 'HandgunSoldier', status: 'ignored', code: 'item/bad_coordinate', cost: 100 });
    }
    expect(validate(1, { demons: [{ name: 'NormalDemon' }] }, cfg).report.items[0]).toMatchObject({ status: 'ignored', code: 'item/bad_coordinate', cost: 100 });
  });

  it('accepts 1.0 as an integer and ignores a demon x', () => {
    const v = validate(1, { demons: [{ name: 'NormalDemon', x: 'anything', y: 1.0, spawn_time: 100.0 }] }, cfg);
    expect(v.plan).toEqual({ side: 'demon', demons: [{ kind: 0, y: 1, spawn: 100 }] });
  });

  it('spawn_time: missing is 0, checked raw then rounded down to 50 ms; bad values are ignored but charged', () => {
    const v = validate(1, { demons: [{ name: 'GreatDemon', y: 0 }, { name: 'GreatDemon', y: 0, spawn_time: 60000 }, { name: 'GreatDemon', y: 0, spawn_time: 1049 }] }, cfg);
    expect(v.plan).toEqual({ side: 'demon', demons: [{ kind: 1, y: 0, spawn: 0 }, { kind: 1, y: 0, spawn: 60000 }, { kind: 1, y: 0, spawn: 1000 }] });
    const bad = [60001, -50, 10.5, '0', null, true];
    const w = validate(1, { demons: bad.map((spawn_time) => ({ name: 'SpeedyDemon', y: 0, spawn_time })) }, cfg);
    expect(w.report.cost).toBe(900);
    for (const item of w.report.items) {
      expect(item).toMatchObject({ name: 'SpeedyDemon', status: 'ignored', code: 'item/bad_spawn_time', cost: 150 });
    }
  });

  it('the first valid item takes a cell; later ones are ignored but charged', () => {
    const v = validate(0, {
      humans: [
        { name: 'RifleSoldier', x: 3, y: 3, spawn_time: -1 },
        { name: 'IceSoldier', x: 3, y: 3, spawn_time: 9000 },
        { name: 'ShieldSoldier', x: 3, y: 3 },
        { name: 'ShieldSoldier', x: 3, y: 2 },
      ],
    }, cfg);
    expect(v.report.cost).toBe(500);
    expect(v.report.items.map((i) => i.code ?? i.status)).toEqual(['item/bad_spawn_time', 'used', 'item/duplicate_cell', 'used']);
    expect(v.report.items[2]).toMatchObject({ path: 'humans[2]', name: 'ShieldSoldier', status: 'ignored', cost: 50 });
    expect(v.report.items[2]?.detail).toContain('humans[1]');
    expect(v.plan).toEqual({ side: 'human', humans: [{ kind: 6, x: 3, y: 3, spawn: 9000 }, { kind: 3, x: 3, y: 2, spawn: 0 }] });
  });

  it('wrong shapes give an empty plan with shape wrong_shape', () => {
    const shapes: unknown[] = [[], 'humans', null, 42, {}, { demons: [] }, { humans: {} }, { humans: 'RifleSoldier' }];
    for (const value of shapes) {
      const v = validate(0, value, cfg);
      expect(v.report).toMatchObject({ shape: 'wrong_shape', cost: 0, items: [] });
      expect(v.report.message).toBeTruthy();
      expect(v.plan).toEqual({ side: 'human', humans: [] });
      expect(v.canonical).toBe('{"humans":[]}');
    }
    expect(validate(1, { humans: [] }, cfg).report.shape).toBe('wrong_shape');
  });

  it('ignores extra keys and inherited properties', () => {
    const proto = { name: 'DemonKing', y: 0 };
    const v = validate(1, { demons: [Object.create(proto) as object], notes: 'x' }, cfg);
    expect(v.report.items[0]).toMatchObject({ status: 'unknown', code: 'item/malformed' });
  });

  it('canonical form: order-insensitive across lanes for humans and across spawn times, order-sensitive in ties', () => {
    const a = { name: 'RifleSoldier', x: 1, y: 0 };
    const b = { name: 'MagneticSoldier', x: 2, y: 0 };
    const c = { name: 'HandgunSoldier', x: 0, y: 4 };
    const canon = (humans: unknown[]): string => validate(0, { humans }, cfg).canonical;
    expect(canon([a, b, c])).toBe(canon([c, a, b]));
    expect(canon([a, b, c])).not.toBe(canon([b, a, c]));
    expect(canon([a, { ...b, spawn_time: 50 }])).toBe(canon([{ ...b, spawn_time: 50 }, a]));
    expect(canon([{ ...a, spawn_time: 0.0 }])).toBe(canon([a]));
    const d1 = { name: 'NormalDemon', y: 0, spawn_time: 100 };
    const d2 = { name: 'GreatDemon', y: 3 };
    const dcanon = (demons: unknown[]): string => validate(1, { demons }, cfg).canonical;
    expect(dcanon([d1, d2])).toBe(dcanon([d2, d1]));
    expect(dcanon([d1, { ...d2, spawn_time: 100 }])).not.toBe(dcanon([{ ...d2, spawn_time: 100 }, d1]));
    expect(dcanon([d2, d1, { name: 'Bomb', y: 0 }])).toBe('{"demons":[{"name":"GreatDemon","y":3,"spawn_time":0},{"name":"NormalDemon","y":0,"spawn_time":100}]}');
  });

  it('handles a 10,000-item plan quickly and correctly', () => {
    const demons = Array.from({ length: 10_000 }, (_, i) => (i % 4 === 3 ? { name: 'Nope', y: 0 } : { name: 'NormalDemon', y: i % 5, spawn_time: i }));
    const v = validate(1, { demons }, cfg);
    expect(v.report.items).toHaveLength(10_000);
    expect(v.report.cost).toBe(7500 * 100);
    expect(v.plan.side === 'demon' ? v.plan.demons.length : -1).toBe(7500);
    const humans = Array.from({ length: 10_000 }, (_, i) => ({ name: 'ShieldSoldier', x: i % 11, y: Math.floor(i / 11) % 5 }));
    const h = validate(0, { humans }, cfg);
    expect(h.report.cost).toBe(10_000 * 50);
    expect(h.report.items.filter((i) => i.status === 'used')).toHaveLength(55);
  });
});
