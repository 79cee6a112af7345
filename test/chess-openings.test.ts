import { describe, expect, it } from 'vitest';
import { moveAgentFactories } from '../arena/agents/move/index.js';
import { resolveMoveGame } from '../arena/games/registry.js';
import { exportRecords, importRecords } from '../arena/match/records.js';
import { runMoveMatch } from '../arena/match/move-match.js';
import { movePositions } from '../arena/progress/positions.js';
import { parseAgentSpec } from '../arena/spec/agent-spec.js';
import type { MoveMatchSpec, TraceEvent } from '../arena/trace/events.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { scheduleTournament } from '../arena/tournament/schedule.js';
import { chessStateAt, OPENING_LINES, openingFen, START_FEN } from '../games/chess/index.js';
import { moveBoards } from '../web/server/match-detail.js';

/** Per-match opening choice for chess through the arena: seeded, both colours per position, traced, replayed exactly. */
const bot = () => moveAgentFactories.random.create(parseAgentSpec('random'));
const spec = (seed: number, games: number, params: Record<string, number> = { plies: 12 }, startSeed?: number): MoveMatchSpec => ({
  family: 'move',
  game: 'chess',
  params,
  games,
  seed,
  ...(startSeed !== undefined ? { startSeed } : {}),
  seats: [{ side: 0, agent: 'random', name: 'alice' }, { side: 1, agent: 'random', name: 'bob' }],
});
const wallFree = (events: readonly TraceEvent[]) => JSON.parse(JSON.stringify(events, (k, v: unknown) => (k === 'time' || k === 'wallMs' ? 0 : v))) as unknown;
const book = new Set(OPENING_LINES.map((_l, k) => openingFen(k)).slice(1));

describe('chess openings drawn from the match seed', () => {
  it('each pair of games plays one drawn book position, recorded in match_start; the same seed replays exactly', async () => {
    const events = await runMoveMatch(spec(11, 4), [bot(), bot()]);
    const start = events[0];
    if (start?.type !== 'match_start') throw new Error('no match_start');
    const starts = start.starts ?? [];
    expect(starts).toHaveLength(4);
    expect(starts[0]).toBe(starts[1]);
    expect(starts[2]).toBe(starts[3]);
    for (const fen of starts) expect(book.has(fen)).toBe(true);
    // The moves were played from those positions: the replay rebuilds every game from its recorded start.
    const { rules } = resolveMoveGame('chess(plies=12)');
    const firstOfGame = new Map<number, unknown>();
    for (const { event, state } of movePositions(rules, events, start.matchId)) if (!firstOfGame.has(event.gameIndex)) firstOfGame.set(event.gameIndex, state);
    expect([0, 1, 2, 3].map((g) => (firstOfGame.get(g) as { fen: string }).fen)).toEqual(starts);
    // Seats alternate who moves first, so each position is played once with each colour by each agent.
    const whiteOf = (g: number) => events.find((e) => e.type === 'move' && e.gameIndex === g && e.player === 0);
    expect(whiteOf(0)).toMatchObject({ seat: 0 });
    expect(whiteOf(1)).toMatchObject({ seat: 1 });
    expect(wallFree(await runMoveMatch(spec(11, 4), [bot(), bot()]))).toEqual(wallFree(events));
  });

  it('different match seeds draw different openings; explicit openings are kept and not recorded', async () => {
    const drawn = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const e = await runMoveMatch(spec(seed, 1, { plies: 2 }), [bot(), bot()]);
      const s = e[0];
      if (s?.type === 'match_start') drawn.add(s.starts?.[0] ?? '');
    }
    expect(drawn.size).toBeGreaterThan(3);
    const fixed = await runMoveMatch(spec(3, 2, { plies: 2, opening: 0 }), [bot(), bot()]);
    const s = fixed[0];
    expect(s?.type === 'match_start' && s.starts).toBe(undefined);
    const { rules } = resolveMoveGame('chess(plies=2,opening=0)');
    const first = [...movePositions(rules, fixed, 'x')][0];
    expect((first?.state as { fen: string }).fen).toBe(START_FEN);
  });

  it('a tournament gives both seat orders of a pair one start seed, so each position is played from both sides', () => {
    const config = checkTournamentConfig({ name: 't', seed: 4, games: [{ id: 'chess' }, { id: 'tic-tac-toe' }], agents: { a: 'random', b: 'greedy' }, repetitions: 2 }, 't.yaml', 't');
    const matches = scheduleTournament(config);
    const chess = matches.filter((m) => m.game.startsWith('chess')).map((m) => m.spec as MoveMatchSpec);
    expect(chess).toHaveLength(4);
    expect(chess[0]?.startSeed).toBe(chess[1]?.startSeed);
    expect(chess[2]?.startSeed).toBe(chess[3]?.startSeed);
    expect(chess[0]?.startSeed).not.toBe(chess[2]?.startSeed);
    expect(chess[0]?.seats[0].name).toBe(chess[1]?.seats[1].name);
    // Games with one start position keep their specs as before.
    for (const m of matches.filter((x) => x.game.startsWith('tic-tac-toe'))) expect((m.spec as MoveMatchSpec).startSeed).toBeUndefined();
  });

  it('PGN export starts from the drawn position, imports back, and the replay viewer shows that start', async () => {
    const events = await runMoveMatch(spec(5, 2, { plies: 10 }, 77), [bot(), bot()]);
    const start = events[0];
    if (start?.type !== 'match_start') throw new Error('no match_start');
    const records = exportRecords(events, '2026.12.07');
    expect(records[0]?.text).toContain(`[FEN "${start.starts?.[0] ?? ''}"]`);
    const imported = await importRecords('chess', records.map((r) => r.text).join('\n'));
    const moves = (e: readonly TraceEvent[], g?: number) => e.filter((x) => x.type === 'move' && (g === undefined || x.gameIndex === g)).map((x) => (x.type === 'move' ? x.action : ''));
    expect(imported.map((m) => moves(m))).toEqual([moves(events, 0), moves(events, 1)]);
    const boards = moveBoards(events) ?? [];
    const { rules } = resolveMoveGame('chess(plies=10)');
    expect(boards[0]?.board).toBe(rules.renderBoard(chessStateAt(start.starts?.[0] ?? '')));
    expect(boards[0]?.board).not.toBe(rules.renderBoard(rules.initial()));
  });
});
