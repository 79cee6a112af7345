import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { checkTournamentConfig } from './config.js';

const ok = { games: ['auto-battler'], agents: { a: 'random', b: 'counter' } };

function errorOf(value: unknown): string {
  try {
    checkTournamentConfig(value, 't.yaml', 't');
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('tournament config validation', () => {
  it('accepts a minimal config and fills defaults', () => {
    const c = checkTournamentConfig(ok, 't.yaml', 'fallback');
    expect(c).toMatchObject({ name: 'fallback', seed: 1, repetitions: 1, cache: 'read-write', schedule: { type: 'round-robin' } });
    expect(c.games[0]).toMatchObject({ id: 'auto-battler', rounds: 10, games: 1, roundNumbering: 'reference', planReport: false });
    expect(c.agents).toEqual([
      { name: 'a', spec: 'random' },
      { name: 'b', spec: 'counter' },
    ]);
  });

  it('reads an adaptive schedule and budget caps', () => {
    const c = checkTournamentConfig({ ...ok, schedule: { type: 'adaptive', target: { agent: 'a', elo: 40 }, max_matches: 500 }, budget: { usd: 25, tokens: 2_000_000, matches: 5000, hours: 6 } }, 't.yaml', 't');
    expect(c.schedule).toEqual({ type: 'adaptive', target: { agent: 'a', elo: 40 }, maxMatches: 500, batch: 1, confidence: 0.95 });
    expect(c.budget).toEqual({ usd: 25, tokens: 2_000_000, matches: 5000, hours: 6, onCap: 'finish' });
  });

  // Each malformed config and the exact line it must produce: the file, the path in it, what was expected.
  const cases: [string, unknown, string][] = [
    ['not an object', 'hello', 't.yaml: (top level): Invalid input: expected object, received string'],
    ['no games', { agents: ok.agents }, 't.yaml: games: expected a list of games'],
    ['empty games', { ...ok, games: [] }, 't.yaml: games: expected at least one game'],
    ['game of the wrong type', { ...ok, games: [42] }, 't.yaml: games[0]: expected a game id string or a game object { id, rounds, ... }'],
    ['rounds not a number', { ...ok, games: [{ id: 'auto-battler', rounds: 'ten' }] }, 't.yaml: games[0].rounds: expected a whole number for rounds'],
    ['one agent', { ...ok, agents: { a: 'random' } }, 't.yaml: agents: expected at least two agents'],
    ['bad agent name', { ...ok, agents: { 'a b': 'random', c: 'random' } }, 't.yaml: agents.a b: agent names use letters, digits, dot, underscore or dash'],
    ['agent of the wrong type', { ...ok, agents: { a: 3, b: 'random' } }, 't.yaml: agents.a: expected an agent spec string (e.g. counter, mcts:iterations=400, llm:my-model) or { spec: ... }'],
    ['malformed agent spec', { ...ok, agents: { a: 'Not A Spec', b: 'random' } }, "t.yaml: agents.a: bad agent spec 'Not A Spec': kind must be lower-case letters, digits and '-'"],
    ['unknown schedule', { ...ok, schedule: { type: 'swiss' } }, "t.yaml: schedule.type: expected schedule.type 'round-robin', 'gauntlet' or 'adaptive'"],
    ['zero budget', { ...ok, budget: { usd: 0 } }, 't.yaml: budget.usd: expected a budget above 0'],
    ['negative token budget', { ...ok, budget: { tokens: -5 } }, 't.yaml: budget.tokens: expected a budget above 0'],
    ['zero match budget', { ...ok, budget: { matches: 0 } }, 't.yaml: budget.matches: expected a budget above 0'],
    ['negative hours', { ...ok, budget: { hours: -1 } }, 't.yaml: budget.hours: expected a budget above 0'],
    ['unknown cap behaviour', { ...ok, budget: { usd: 5, on_cap: 'panic' } }, "t.yaml: budget.on_cap: expected 'finish' (let matches in flight end) or 'cancel' (abandon them; they stay pending)"],
    ['adaptive target of zero Elo', { ...ok, schedule: { type: 'adaptive', target: { agent: 'a', elo: 0 } } }, 't.yaml: schedule.target.elo: expected a precision above 0 Elo points'],
    ['adaptive target of an unknown agent', { ...ok, schedule: { type: 'adaptive', target: { agent: 'zed', elo: 50 } } }, "t.yaml: schedule.target.agent: unknown agent 'zed'; agents are a, b"],
    ['adaptive target of the wrong kind', { ...ok, schedule: { type: 'adaptive', target: 'win' } }, "t.yaml: schedule.target: expected target 'separate' or { agent: <name>, elo: <±points> }"],
    ['adaptive with one agent', { ...ok, agents: { a: 'random' }, schedule: { type: 'adaptive' } }, 't.yaml: agents: expected at least two agents'],
    ['gauntlet without opponents', { ...ok, schedule: { type: 'gauntlet', candidates: ['a'] } }, 't.yaml: schedule.opponents: Invalid input: expected array, received undefined'],
    ['gauntlet with an unknown candidate', { ...ok, schedule: { type: 'gauntlet', candidates: ['zz'], opponents: ['b'] } }, "t.yaml: schedule.candidates[0]: unknown agent 'zz'; agents are a, b"],
    ['negative repetitions', { ...ok, repetitions: -1 }, 't.yaml: repetitions: expected repetitions of at least 1'],
    ['fractional seed', { ...ok, seed: 1.5 }, 't.yaml: seed: expected a whole-number seed'],
    ['bad cache mode', { ...ok, cache: 'sometimes' }, 't.yaml: cache: expected one of off, read, write, read-write'],
    ['unknown top-level key', { ...ok, rounds: 5 }, 't.yaml: (top level): Unrecognized key: "rounds"'],
    ['unknown anchor', { ...ok, anchor: 'zz' }, "t.yaml: anchor: unknown agent 'zz'; agents are a, b"],
    ['bad name', { ...ok, name: 'my run!' }, 't.yaml: name: expected letters, digits, dot, underscore or dash'],
    ['unknown agent kind', { ...ok, agents: { a: 'random', b: 'alphazero' } }, "t.yaml: agents.b: unknown agent kind 'alphazero'; valid kinds: counter, greedy, llm, mcts, "],
    ['unknown game', { ...ok, games: ['go'] }, "t.yaml: games[0].id: unknown game 'go'; valid choices: tower-defense, auto-battler, turn-based, tic-tac-toe, connect-four, chess"],
    ['unknown agent in a game', { ...ok, games: [{ id: 'auto-battler', agents: ['a', 'zz'] }] }, "t.yaml: games[0].agents[1]: unknown agent 'zz'; agents are a, b"],
    ['a parameter the game does not have', { ...ok, games: [{ id: 'tower-defense', params: { hp0: 130 } }] }, "t.yaml: games[0] (tower-defense): unknown parameter of tower-defense 'hp0'; valid choices: (none)"],
    ['an unknown preset', { ...ok, games: [{ id: 'turn-based', preset: 'hard' }] }, "t.yaml: games[0] (turn-based): unknown preset of turn-based 'hard'; valid choices: default, paper"],
    ['workers out of range', { ...ok, concurrency: { workers: 0 } }, 't.yaml: concurrency.workers: Too small: expected number to be >=1'],
  ];

  it.each(cases)('%s', (_label, value, line) => {
    const message = errorOf(value);
    expect(message.split('\n')[0]).toBe('invalid tournament config');
    // exact lines; a line ending in ', ' is a prefix (the list of kinds grows as agent kinds are added)
    const lines = message.split('\n');
    if (line.endsWith(', ')) expect(lines.some((l) => l.startsWith(line))).toBe(true);
    else expect(lines).toContain(line);
  });
});
