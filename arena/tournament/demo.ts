import type { TournamentConfigInput } from './config.js';

/**
 * The embedded demo tournament: every game, built-in agents of graded strength, the calibration agents, a
 * PRM-guided agent, the shipped ONNX verifier inside MCTS and a Stockfish engine agent on chess, sized
 * to finish in well under three minutes on two cores. No API key needed.
 */
export const DEMO_TOURNAMENT: TournamentConfigInput = {
  name: 'demo',
  seed: 2026,
  games: [
    { id: 'tower-defense', rounds: 10 },
    { id: 'auto-battler', rounds: 10 },
    { id: 'turn-based', rounds: 10 },
    // the shipped learned verifier is a Connect Four model: every other move agent plays tic-tac-toe
    { id: 'tic-tac-toe', games: 2, agents: ['random', 'greedy', 'mcts', 'mcts-noisy', 'prm-greedy'] },
    { id: 'connect-four', games: 2, agents: ['random', 'greedy', 'mcts', 'mcts-noisy', 'prm-greedy', 'onnx-mcts'] },
    // a small, cheap chess pairing: the weakest engine setting against random, two games of at most 40 plies each
    { id: 'chess(plies=40)', games: 2, agents: ['random', 'stockfish'] },
  ],
  agents: {
    random: { spec: 'random', anchor: true },
    counter: 'counter:evals=120',
    stubborn: 'stubborn',
    restless: 'restless',
    greedy: 'greedy',
    mcts: 'mcts:iterations=400',
    'mcts-noisy': 'mcts:iterations=400,error=0.3',
    'prm-greedy': 'prm:base=(greedy:error=0.3),verifier=rollout,n=4,rollouts=8',
    'onnx-mcts': 'onnx:mode=mcts,iterations=100',
    stockfish: 'stockfish:depth=1',
  },
  schedule: { type: 'round-robin' },
  repetitions: 1,
  // The move-game agents meet the plan-game pool only through `random` and never lose to it, so plain maximum
  // likelihood puts them at +∞: the demo states and applies one virtual draw per agent instead.
  ratings: { prior: 1 },
  cache: 'off',
};
