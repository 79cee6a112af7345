import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../metrics/stats/intervals.js';
import { runMoveMatch } from '../arena/match/move-match.js';
import { parseAgentSpec } from '../arena/spec/agent-spec.js';
import type { MoveMatchSpec } from '../arena/trace/events.js';
import { createEngineAgent } from '../arena/agents/engine/agent.js';

/** Points of seat 0 over a series between two Stockfish specs (seats alternate colours; balanced openings). */
async function points(a: string, b: string, games: number, opening: number): Promise<number> {
  const spec: MoveMatchSpec = { family: 'move', game: 'chess', params: { opening, plies: 160 }, games, seed: 17, seats: [{ side: 0, agent: a, name: a }, { side: 1, agent: b, name: b }] };
  const events = await runMoveMatch(spec, [createEngineAgent('stockfish', parseAgentSpec(a)), createEngineAgent('stockfish', parseAgentSpec(b))]);
  return events.reduce((s, e) => s + (e.type === 'game_end' ? (e.scores[0] ?? 0) : 0), 0);
}

describe('the Stockfish skill ladder', () => {
  it('is ordered: skill 20 outscores skill 0, whose score is above random play (95% Wilson intervals)', async () => {
    const n = 8;
    let top = 0;
    for (const opening of [1, 6]) top += await points('stockfish:depth=4,skill=20', 'stockfish:depth=4,skill=0', n / 2, opening);
    const [lo] = wilsonInterval(top, n);
    expect(lo).toBeGreaterThan(0.5);
    const low = await points('stockfish:depth=1,skill=0', 'stockfish:depth=1,skill=0,error=1', n, 0);
    expect(wilsonInterval(low, n)[0]).toBeGreaterThan(0.5);
  }, 300_000);
});
