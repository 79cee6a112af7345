import { describe, expect, it } from 'vitest';
import { liveEnginePids } from '../../games/chess/uci.js';
import type { Agent } from '../agents/agent.js';
import { createEngineAgent } from '../agents/engine/agent.js';
import { UsageError } from '../errors.js';
import { runMoveMatch } from '../match/move-match.js';
import { parseAgentSpec } from '../spec/agent-spec.js';
import { ZERO_USAGE } from '../trace/usage.js';
import type { MoveMatchSpec, ProgressEvent, TraceEvent } from '../trace/events.js';
import { annotateMatchWithEngine } from './annotate.js';
import { parseEngineProver } from './engine.js';

function spec(agents: [string, string], params: Record<string, number> = {}, games = 1): MoveMatchSpec {
  return { family: 'move', game: 'chess', params, games, seed: 5, seats: [{ side: 0, agent: agents[0], name: agents[0] }, { side: 1, agent: agents[1], name: agents[1] }] };
}

function scripted(moves: readonly string[]): Agent {
  let i = 0;
  return { id: 'scripted', kind: 'scripted', decideMove: () => Promise.resolve({ text: moves[i++] ?? '', usage: ZERO_USAGE }) };
}

const progress = (events: readonly TraceEvent[]): ProgressEvent[] => events.filter((e): e is ProgressEvent => e.type === 'progress');

describe('the engine prover', () => {
  it('parses engine[:depth=N] and nothing else', () => {
    expect(parseEngineProver('engine')).toEqual({ depth: 8, name: 'engine:depth=8' });
    expect(parseEngineProver('engine:depth=4')).toEqual({ depth: 4, name: 'engine:depth=4' });
    expect(parseEngineProver('greedy')).toBeNull();
    expect(() => parseEngineProver('engine:nodes=3')).toThrow(UsageError);
  });

  it('scores a blunder near -1 and the mate that punishes it as +', async () => {
    // 1. e4 e5 2. Qh5 Nc6 3. Bc4 Nf6?? 4. Qxf7#
    const white = scripted(['e4', 'Qh5', 'Bc4', 'Qxf7#']);
    const black = scripted(['e5', 'Nc6', 'Nf6']);
    const events = await runMoveMatch(spec(['w', 'b'], { opening: 0 }), [white, black]);
    const { events: annotated, analyses } = await annotateMatchWithEngine(events, { depth: 6, name: 'engine:depth=6' });
    const steps = progress(annotated);
    expect(steps).toHaveLength(7);
    expect(analyses).toBe(7);
    const nf6 = steps[5]!;
    expect(nf6.q).toBe(0);
    expect(nf6.advantage).toBeLessThan(-0.4);
    expect(nf6.engine?.after).toEqual({ mate: -1 });
    expect(nf6.engine?.cpLoss).toBeGreaterThan(500);
    expect(nf6.engine?.best).toMatch(/^(g6|Qe7|Qf6|Nh6|Nd4)$/);
    const mate = steps[6]!;
    expect(mate.q).toBe(1);
    expect(mate.engine?.after).toEqual({ result: 1 });
    expect(mate.advantage).toBeCloseTo(0, 6);
    expect(annotated.at(-1)?.type).toBe('match_end');
    expect(liveEnginePids()).toEqual([]);
  }, 60_000);

  it("the engine's own moves have advantage about 0 (stated tolerance at depth 6: |mean A| <= 0.02, every |A| <= 0.15)", async () => {
    const agent = (): Agent => createEngineAgent('stockfish', parseAgentSpec('stockfish:depth=6'));
    const events = await runMoveMatch(spec(['stockfish:depth=6', 'stockfish:depth=6'], { plies: 40, opening: 3 }), [agent(), agent()]);
    const steps = progress((await annotateMatchWithEngine(events, { depth: 6, name: 'engine:depth=6' })).events);
    expect(steps.length).toBeGreaterThan(20);
    const mean = steps.reduce((s, e) => s + e.advantage, 0) / steps.length;
    expect(Math.abs(mean)).toBeLessThanOrEqual(0.02);
    for (const s of steps) expect(Math.abs(s.advantage)).toBeLessThanOrEqual(0.15);
  }, 120_000);

  it('a game without an engine is a usage error', async () => {
    const events = await runMoveMatch({ ...spec(['a', 'b']), game: 'tic-tac-toe' }, [scripted(['b2', 'a1', 'c3', 'a3', 'a2', 'c1', 'b1', 'b3', 'c2']), scripted(['a1', 'a3', 'c1', 'b3'])]);
    await expect(annotateMatchWithEngine(events, { depth: 2, name: 'engine:depth=2' })).rejects.toThrow(/engine capability/);
  });
});
