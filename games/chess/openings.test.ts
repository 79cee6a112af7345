import { describe, expect, it } from 'vitest';
import { gameStart, startSeed } from '../core/start.js';
import { OPENING_LINES, openingFen } from './openings.js';
import { START_FEN } from './position.js';
import { CHESS_DEFAULTS, createChess, RANDOM_OPENING, seededOpening } from './rules.js';

describe('seeded opening choice', () => {
  it('draws a book opening per seed by default; without a seed the initial position', () => {
    expect(CHESS_DEFAULTS.opening).toBe(RANDOM_OPENING);
    const game = createChess();
    expect(game.seededStart).toBe(true);
    expect(game.params['opening']).toBe(-1);
    expect(game.initial().fen).toBe(START_FEN);
    const seen = new Set<number>();
    for (let seed = 1; seed <= 200; seed++) {
      const k = seededOpening(seed);
      expect(k).toBeGreaterThanOrEqual(1);
      expect(k).toBeLessThanOrEqual(OPENING_LINES.length - 1);
      expect(game.initial(seed).fen).toBe(openingFen(k));
      expect(game.initial(seed)).toEqual(createChess().initial(seed));
      seen.add(k);
    }
    // 200 draws over 15 openings reach every one.
    expect(seen.size).toBe(OPENING_LINES.length - 1);
  });

  it('an explicit opening ignores the seed: 0 the initial position, k the book line', () => {
    for (const k of [0, 3]) {
      const game = createChess({ opening: k });
      expect(game.seededStart).toBe(false);
      expect(game.initial(12345).fen).toBe(openingFen(k));
    }
    expect(openingFen(0)).toBe(START_FEN);
  });

  it('games 2k and 2k + 1 of a match share a start (both colours); a start seed overrides the match seed', () => {
    const game = createChess();
    expect(gameStart(game, { seed: 7 }, 0)).toEqual(gameStart(game, { seed: 7 }, 1));
    expect(gameStart(game, { seed: 7 }, 2)).toEqual(gameStart(game, { seed: 7 }, 3));
    expect(startSeed({ seed: 7 }, 0)).not.toBe(startSeed({ seed: 7 }, 2));
    expect(startSeed({ seed: 1, startSeed: 99 }, 0)).toBe(startSeed({ seed: 2, startSeed: 99 }, 0));
  });

  it('the rules text says the start is drawn', () => {
    expect(createChess().rulesText()).toContain('The game starts from a balanced opening position (one of 15 main lines');
    expect(createChess({ opening: 0 }).rulesText()).toContain('The game starts from the standard initial position.');
  });
});
