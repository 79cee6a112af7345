import { describe, expect, it } from 'vitest';
import { liveEnginePids } from '../../../games/chess/uci.js';
import { runMoveMatch } from '../../match/move-match.js';
import type { MoveMatchSpec, TraceEvent } from '../../trace/events.js';
import { registerBuiltinAgents } from '../builtin.js';
import { createAgent } from '../registry.js';

describe('PRM-guided chess with the engine as verifier', () => {
  it('best-of-8 random proposals scored by the engine beats random play, and closes its engine', async () => {
    registerBuiltinAgents();
    const prm = 'prm:base=random,n=8,verifier=(engine:depth=3)';
    const spec: MoveMatchSpec = { family: 'move', game: 'chess', params: { plies: 120 }, games: 4, seed: 2, seats: [{ side: 0, agent: prm, name: 'prm' }, { side: 1, agent: 'random', name: 'random' }] };
    const events = await runMoveMatch(spec, [createAgent(prm, {}, 'move'), createAgent('random', {}, 'move')]);
    const ends = events.filter((e): e is Extract<TraceEvent, { type: 'game_end' }> => e.type === 'game_end');
    const points = ends.reduce((s, e) => s + (e.scores[0] ?? 0), 0);
    expect(points).toBeGreaterThanOrEqual(3);
    const move = events.find((e): e is Extract<TraceEvent, { type: 'move' }> => e.type === 'move' && e.seat === 0);
    expect(move?.meta).toMatchObject({ verifier: 'engine:depth=3', n: 8 });
    expect(move?.usage.simulations).toBeGreaterThan(0);
    expect(liveEnginePids()).toEqual([]);
  }, 180_000);

  it('an unknown verifier names the engine choices', () => {
    registerBuiltinAgents();
    expect(() => createAgent('prm:base=random,verifier=enigne', {}, 'move')).toThrow(/engine, \(engine:depth=N\)/);
  });
});
