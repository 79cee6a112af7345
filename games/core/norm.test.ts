import { describe, expect, it } from 'vitest';
import { isIntIn, norm } from './norm.js';

describe('norm', () => {
  it('lower-cases ASCII and drops everything outside a-z0-9', () => {
    expect(norm('Final Announcement')).toBe('finalannouncement');
    expect(norm('final_announcement')).toBe('finalannouncement');
    expect(norm('FINAL-ANNOUNCEMENT')).toBe('finalannouncement');
    expect(norm(' Rifle Soldier 2 ')).toBe('riflesoldier2');
  });
  it('does not fold non-ASCII letters (ASCII-only lower-casing)', () => {
    expect(norm('ÉLAN')).toBe('lan');
    expect(norm('İ')).toBe('');
  });
});

describe('isIntIn', () => {
  it('accepts JSON integers in range, including 1.0', () => {
    expect(isIntIn(1.0, 0, 4)).toBe(true);
    expect(isIntIn(0, 0, 4)).toBe(true);
    expect(isIntIn(4, 0, 4)).toBe(true);
  });
  it('rejects strings, booleans, null, fractions and out-of-range values', () => {
    for (const v of ['2', true, null, undefined, 1.5, -1, 5, Number.NaN, Infinity]) expect(isIntIn(v, 0, 4)).toBe(false);
  });
});
