import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../arena/trace/events.js';
import { buildLeaderboard } from '../metrics/leaderboard/build.js';
import { formatLeaderboard } from '../metrics/leaderboard/format.js';
import { syntheticTournament } from '../metrics/testing/tournament.js';
import { boardCsv } from '../web/app/pages/board-download.js';
import { ALL_GAMES, type LeaderboardResponse } from '../web/shared/api.js';

/**
 * The leaderboard as CSV from the CLI (`arena leaderboard --format csv`) and from the web page's download: the same
 * columns (the page puts the rank range after the game), each agent's protocol in the last one, as in the JSON rows.
 */

/** `m-a` is a language model asked with a recorded protocol; the others are not. */
const matches: TraceEvent[][] = syntheticTournament({ seed: 3, matches: 24 }).map((m) => {
  const [start, ...rest] = m;
  if (start?.type !== 'match_start') return m;
  const seats = start.spec.seats.map((s) => (s.name === 'm-a' ? { ...s, protocol: { answer: 'json_schema', history: 'conversation', context_tokens: 8000, context_policy: 'summarise' } } : s));
  return [{ ...start, spec: { ...start.spec, seats: seats as unknown as typeof start.spec.seats } }, ...rest] as TraceEvent[];
});

const PROTOCOL = 'answer=json_schema context_policy=summarise context_tokens=8000 history=conversation';

describe('leaderboard CSV', () => {
  it('has a protocol column in the CLI export and the web download, with the same columns and values as the JSON rows', () => {
    const board = buildLeaderboard(matches, { bootstrap: 20, seed: 1 });
    const cli = formatLeaderboard(board, 'csv').split('\n');
    const header = cli[0]?.split(',') ?? [];
    expect(header.at(-1)).toBe('protocol');
    const row = (agent: string) => cli.find((l) => l.startsWith(`all,${agent},`)) ?? '';
    expect(row('m-a').endsWith(`,${PROTOCOL}`)).toBe(true);
    expect(row('m-b').endsWith(',')).toBe(true);
    expect(board.rows.find((r) => r.agent === 'm-a')?.protocol).toBe(PROTOCOL);

    const page = { game: ALL_GAMES, rows: board.rows } as unknown as LeaderboardResponse;
    const web = boardCsv(page).trim().split('\n');
    expect(web[0]?.split(',')).toEqual(['game', 'rank_best', 'rank_worst', ...header.slice(1)]);
    expect(web.find((l) => l.includes(',m-a,'))?.endsWith(`,${PROTOCOL}`)).toBe(true);
    expect(web.find((l) => l.includes(',m-b,'))?.endsWith(',')).toBe(true);
  });
});
