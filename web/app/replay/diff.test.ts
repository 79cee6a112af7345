import { describe, expect, it } from 'vitest';
import { diffPlans } from './diff.js';

describe('diffPlans', () => {
  it('finds added, removed and changed items by name, and ignores order', () => {
    const before = { humans: [{ name: 'Rifle', x: 1, y: 0 }, { name: 'Shield', x: 2, y: 0 }, { name: 'Rifle', x: 3, y: 1 }] };
    const after = JSON.stringify({ humans: [{ name: 'Rifle', x: 3, y: 1 }, { name: 'Rifle', x: 5, y: 0 }, { name: 'Flame', x: 0, y: 4 }] });
    const d = diffPlans(before, after);
    expect(d.unchanged).toBe(1);
    expect(d.changed).toEqual([{ list: 'humans', before: { name: 'Rifle', x: 1, y: 0 }, after: { name: 'Rifle', x: 5, y: 0 } }]);
    expect(d.added).toEqual([{ list: 'humans', item: { name: 'Flame', x: 0, y: 4 } }]);
    expect(d.removed).toEqual([{ list: 'humans', item: { name: 'Shield', x: 2, y: 0 } }]);
  });

  it('pairs tuples by their first entry and compares every list of the plan', () => {
    const d = diffPlans('{"units":[["Sapling","Bronze"],["Paladin","Bronze"]],"priority":["King"]}', '{"units":[["Paladin","Gold"],["Sapling","Bronze"]],"priority":[]}');
    expect(d.changed).toEqual([{ list: 'units', before: ['Paladin', 'Bronze'], after: ['Paladin', 'Gold'] }]);
    expect(d.removed).toEqual([{ list: 'priority', item: 'King' }]);
    expect(d.added).toEqual([]);
  });

  it('treats unreadable or list-free plans as empty', () => {
    expect(diffPlans('not json', null)).toEqual({ added: [], removed: [], changed: [], unchanged: 0 });
    expect(diffPlans({}, { defenders: [{ element: 'Wood' }] }).added).toHaveLength(1);
  });
});
