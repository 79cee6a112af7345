import { describe, expect, it } from 'vitest';
import { moveAgentFactories } from '../agents/move/index.js';
import { UsageError } from '../errors.js';
import { parseAgentSpec } from '../spec/agent-spec.js';
import type { MoveMatchSpec, TraceEvent } from '../trace/events.js';
import { runMoveMatch } from './move-match.js';
import { exportRecords, importRecords } from './records.js';

const bot = (t: string) => moveAgentFactories.random.create(parseAgentSpec(t));
const spec = (game: string, games: number, params: Record<string, number> = {}): MoveMatchSpec => ({
  family: 'move', game, params, games, seed: 9, seats: [{ side: 0, agent: 'random', name: 'alice' }, { side: 1, agent: 'random', name: 'bob' }],
});
const moves = (events: readonly TraceEvent[]) => events.filter((e) => e.type === 'move').map((e) => (e.type === 'move' ? e.action : ''));

describe('game records of matches', () => {
  it('exports every game of a chess match as PGN and imports it back to the same moves (round trip)', async () => {
    const events = await runMoveMatch(spec('chess', 2, { plies: 60, opening: 4 }), [bot('random'), bot('random')]);
    const records = exportRecords(events, '2026.12.07');
    expect(records).toHaveLength(2);
    expect(records[0]?.text).toContain('[White "alice"]');
    expect(records[1]?.text).toContain('[White "bob"]');
    expect(records[0]?.text).toContain('[ArenaGame "chess@1(plies=60,opening=4,legal_moves=1)"]');
    expect(records[0]?.text).toContain('[Date "2026.12.07"]');
    expect(records[0]?.text).toContain('[Seed "9"]');
    const imported = await importRecords('chess', records.map((r) => r.text).join('\n'));
    expect(imported).toHaveLength(2);
    const perGame = [0, 1].map((g) => events.filter((e) => e.type === 'move' && e.gameIndex === g).map((e) => (e.type === 'move' ? e.action : '')));
    expect(imported.map(moves)).toEqual(perGame);
    for (const m of imported) expect(m.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
    expect(exportRecords(imported[0]!, '2026.12.07')[0]?.text.split('\n\n')[1]).toBe(records[0]?.text.split('\n\n')[1]);
  }, 60_000);

  it('games without a record format export nothing and cannot be imported', async () => {
    const events = await runMoveMatch(spec('tic-tac-toe', 1), [bot('random'), bot('random')]);
    expect(exportRecords(events, '2026.12.07')).toEqual([]);
    await expect(importRecords('tic-tac-toe', 'x')).rejects.toThrow(UsageError);
  });
});
