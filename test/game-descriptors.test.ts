import { describe, expect, it } from 'vitest';
import { gameEntries, resolveGame, resolveMoveGame } from '../arena/games/registry.js';
import { moveCapabilities } from '../games/core/descriptor.js';
import { GAMES } from '../games/index.js';

describe('games register themselves through their descriptors', () => {
  it('the registry lists exactly the catalogue, each id once', () => {
    expect(gameEntries()).toEqual([...GAMES]);
    const ids = GAMES.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(GAMES.map((g) => [g.id, g] as const))('%s: defaults in bounds, documented, and the built game matches its descriptor', (_id, d) => {
    for (const [key, p] of Object.entries(d.params)) {
      expect(Number.isInteger(p.default) && p.min <= p.default && p.default <= p.max, key).toBe(true);
      expect(p.doc.length).toBeGreaterThan(0);
    }
    if (d.family === 'plan') {
      expect([d.game.id, d.game.version, d.game.title]).toEqual([d.id, d.version, d.title]);
      expect(resolveGame(d.id)).toEqual({ family: 'plan', id: `${d.id}@${d.version}`, game: d.game });
      return;
    }
    const resolved = resolveMoveGame(d.id);
    expect([resolved.rules.id, resolved.rules.version, resolved.rules.title]).toEqual([d.id, d.version, d.title]);
    expect(moveCapabilities(resolved.rules)).toEqual(d.capabilities);
    for (const [key, p] of Object.entries(d.params)) {
      expect(() => resolveMoveGame(d.id, { [key]: p.max + 1 })).toThrow(`${key} must be an integer in [${p.min}, ${p.max}]`);
    }
  });

  it('capabilities are declared by the games that have them', () => {
    const capable = (c: string): string[] => GAMES.filter((g) => g.capabilities.some((x) => x === c)).map((g) => g.family);
    expect([...new Set(capable('tensor'))]).toEqual(['move']); // Connect Four and tic-tac-toe
    expect(capable('tactical-board')).toEqual(['move']);
    expect(capable('solvable')).toEqual(['move']);
  });
});
