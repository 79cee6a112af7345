import type { TournamentConfigInput } from './config.js';

/**
 * The embedded demo tournament: every game, built-in agents of graded strength and the calibration agents, sized
 * to finish in well under three minutes on two cores. No API key needed.
 */
export const DEMO_TOURNAMENT: TournamentConfigInput = {
  name: 'demo',
  seed: 2026,
  games: [
    { id: 'tower-defense', rounds: 10 },
    { id: 'auto-battler', rounds: 10 },
    { id: 'turn-based', rounds: 10 },
    { id: 'tic-tac-toe', games: 2 },
    { id: 'connect-four', games: 2 },
  ],
  agents: {
    random: { spec: 'random', anchor: true },
    counter: 'counter:evals=120',
    stubborn: 'stubborn',
    restless: 'restless',
    greedy: 'greedy',
    mcts: 'mcts:iterations=400',
    'mcts-noisy': 'mcts:iterations=400,error=0.3',
  },
  schedule: { type: 'round-robin' },
  repetitions: 1,
  cache: 'off',
};
