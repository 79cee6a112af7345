import { describe, expect, it } from 'vitest';
import { diffPlans, isEmptyDiff } from './diff.js';

describe('diffPlans', () => {
  it('finds added, removed and changed items by name', () => {
    const before = { humans: [{ name: 'Rifle', x: 1, y: 0 }, { name: 'Shield', x: 2, y: 0 }, { name: 'Rifle', x: 3, y: 1 }] };
    const after = JSON.stringify({ humans: [{ name: 'Rifle', x: 3, y: 1 }, { name: 'Rifle', x: 5, y: 0 }, { name: 'Flame', x: 0, y: 4 }] });
    const d = diffPlans(before, after);
    expect(d.unchanged).toBe(1);
    expect(d.moved).toEqual([]);
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

  it('is order-aware: a reordered line or lineup is a move, not "no change"', () => {
    const d = diffPlans('{"units":[["A","Bronze"],["B","Bronze"],["C","Bronze"]]}', '{"units":[["C","Bronze"],["A","Bronze"],["B","Bronze"]]}');
    expect(d.moved).toEqual([{ list: 'units', item: ['C', 'Bronze'], from: 2, to: 0 }]);
    expect(d.unchanged).toBe(2);
    expect(isEmptyDiff(d)).toBe(false);
    const swap = diffPlans({ defenders: [{ element: 'Fire', skills: ['a'] }, { element: 'Wood', skills: ['b'] }] }, { defenders: [{ element: 'Wood', skills: ['b'] }, { element: 'Fire', skills: ['a'] }] });
    expect(swap.moved).toHaveLength(1);
    expect(isEmptyDiff(diffPlans('{"units":[["A","Gold"]]}', '{"units":[["A","Gold"]]}'))).toBe(true);
  });

  it('treats unreadable or list-free plans as empty', () => {
    expect(diffPlans('not json', null)).toEqual({ added: [], removed: [], changed: [], moved: [], unchanged: 0 });
    expect(diffPlans({}, { defenders: [{ element: 'Wood' }] }).added).toHaveLength(1);
  });
});
