import { describe, expect, it } from 'vitest';
import { liveEnginePids } from '../../../games/chess/uci.js';
import { UsageError } from '../../errors.js';
import { resolveMoveGame } from '../../games/registry.js';
import { runMoveMatch } from '../../match/move-match.js';
import { parseAgentSpec } from '../../spec/agent-spec.js';
import type { MoveMatchSpec, TraceEvent } from '../../trace/events.js';
import type { Agent } from '../agent.js';
import { moveAgentFactories } from '../move/index.js';
import { createEngineAgent, engineSettings } from './agent.js';
import { catalogueEngines } from './index.js';

const stockfish = (text: string): Agent => createEngineAgent('stockfish', parseAgentSpec(text));
const random = (): Agent => moveAgentFactories.random.create(parseAgentSpec('random'));

function spec(agents: [string, string], games: number, seed: number, params: Record<string, number> = {}): MoveMatchSpec {
  return { family: 'move', game: 'chess', params, games, seed, seats: [{ side: 0, agent: agents[0], name: agents[0] }, { side: 1, agent: agents[1], name: agents[1] }] };
}

const ends = (events: readonly TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'game_end' }> => e.type === 'game_end');

describe('engine agents', () => {
  it('the catalogue provides stockfish through the chess game\'s engine capability', () => {
    expect(catalogueEngines().get('stockfish')).toEqual(['chess']);
  });

  it('reads limits and strength from the spec and rejects bad ones', () => {
    expect(engineSettings(parseAgentSpec('stockfish'))).toEqual({ limits: { depth: 8 }, strength: {} });
    expect(engineSettings(parseAgentSpec('stockfish:movetime=50,skill=3'))).toEqual({ limits: { movetime: 50 }, strength: { skill: 3 } });
    expect(engineSettings(parseAgentSpec('stockfish:depth=4,elo=1500'))).toEqual({ limits: { depth: 4 }, strength: { elo: 1500 } });
    expect(() => engineSettings(parseAgentSpec('stockfish:skill=21'))).toThrow(UsageError);
    expect(() => engineSettings(parseAgentSpec('stockfish:depth=2.5'))).toThrow(/integer/);
    expect(() => engineSettings(parseAgentSpec('stockfish:dept=2'))).toThrow(/valid parameters: depth, movetime/);
  });

  it('finds mate in one and reports depth, nodes and score', async () => {
    const { rules } = resolveMoveGame('chess');
    const agent = stockfish('stockfish:depth=4');
    let state = rules.initial();
    for (const m of ['f2f3', 'e7e5', 'g2g4']) state = rules.apply(state, m);
    try {
      const d = await agent.decideMove!({ kind: 'move', game: rules, state, player: 1, legal: rules.legalActions(state), ply: 3, gameIndex: 0, attempt: 1, feedback: [] }, { rng: (await import('../../../games/core/rng.js')).createRng(1) });
      expect(d.action).toBe('d8h4');
      expect(d.meta).toMatchObject({ engine: 'stockfish', score: { mate: 1 } });
      expect(d.usage.simulations).toBeGreaterThan(0);
    } finally {
      await agent.close?.();
    }
    expect(liveEnginePids()).toEqual([]);
  });

  it('a game without the engine is a usage error', async () => {
    const { rules } = resolveMoveGame('tic-tac-toe');
    const agent = stockfish('stockfish:depth=1');
    await expect(agent.decideMove!({ kind: 'move', game: rules, state: rules.initial(), player: 0, legal: rules.legalActions(rules.initial()), ply: 0, gameIndex: 0, attempt: 1, feedback: [] }, { rng: (await import('../../../games/core/rng.js')).createRng(1) })).rejects.toThrow(UsageError);
  });

  it('beats random 100 games out of 100 (both colours) and leaves no engine process behind', async () => {
    const events = await runMoveMatch(spec(['stockfish:depth=2', 'random'], 100, 11), [stockfish('stockfish:depth=2'), random()]);
    const games = ends(events);
    expect(games).toHaveLength(100);
    expect(games.filter((g) => g.scores[0] === 1)).toHaveLength(100);
    expect(liveEnginePids()).toEqual([]);
  }, 300_000);
});
