import { describe, expect, it } from 'vitest';
import { checkTournamentConfig } from './config.js';
import { DEMO_TOURNAMENT } from './demo.js';
import { scheduleTournament } from './schedule.js';

describe('the demo tournament', () => {
  const matches = scheduleTournament(checkTournamentConfig(DEMO_TOURNAMENT, '(embedded demo)', 'demo'));

  it('has a small chess pairing: the engine against random, both seats, capped plies', () => {
    const chess = matches.filter((m) => m.game.startsWith('chess'));
    expect(chess.length).toBeGreaterThan(0);
    for (const m of chess) {
      expect([...m.agents].sort()).toEqual(['random', 'stockfish']);
      expect((m.spec as { params: Record<string, number> }).params['plies']).toBeLessThanOrEqual(40);
    }
    expect(new Set(chess.map((m) => m.agents[0]))).toEqual(new Set(['random', 'stockfish']));
  });

  it('the engine agent plays chess only', () => {
    const games = new Set(matches.filter((m) => m.agents.includes('stockfish')).map((m) => m.game.split('@')[0]));
    expect([...games]).toEqual(['chess']);
  });
});
