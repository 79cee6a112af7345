import type { BoardRow, LeaderboardResponse } from '../../shared/api.js';

const METRICS = ['wr', 'orr', 'csr', 'beta', 'obr', 'truncationRate', 'processScore'] as const;
const COST = ['tokensPerMatch', 'usdPerMatch', 'tokensPerDecision', 'usdPerDecision', 'tokensPerWin', 'usdPerWin'] as const;

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? 'inf' : '-inf';
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Unbounded ratings travel as null in JSON: written as inf, -inf or empty (unlinked), as the CLI writes them. */
function rating(r: BoardRow, key: 'rating' | 'lo' | 'hi'): number | null {
  if (!r.rating) return null;
  if (r.rating.unbounded === 'above') return Infinity;
  if (r.rating.unbounded === 'below') return -Infinity;
  if (r.rating.unbounded === 'unlinked') return null;
  return r.rating[key];
}

/** The leaderboard of one scope as CSV: the columns of `arena leaderboard --format csv`, with the rank range first. */
export function boardCsv(board: LeaderboardResponse): string {
  const header = ['game', 'rank_best', 'rank_worst', 'agent', 'rating', 'rating_lo', 'rating_hi', ...METRICS.flatMap((id) => [id, `${id}_lo`, `${id}_hi`, `${id}_n`]), 'tokens', 'spend_usd', 'matches', ...COST.flatMap((k) => [k, `${k}_lo`, `${k}_hi`]), 'protocol'];
  const lines = board.rows.map((r) =>
    [
      board.game,
      r.rank?.best ?? null,
      r.rank?.worst ?? null,
      r.agent,
      rating(r, 'rating'),
      rating(r, 'lo'),
      rating(r, 'hi'),
      ...METRICS.flatMap((id) => {
        const e = r.metrics[id];
        return [e?.value ?? null, e?.lo ?? null, e?.hi ?? null, e?.n ?? 0];
      }),
      r.tokens,
      r.spendUsd,
      r.matches,
      ...COST.flatMap((k) => {
        const e = r.cost?.[k];
        return [e?.value ?? null, e?.lo ?? null, e?.hi ?? null];
      }),
      r.protocol ?? null,
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** The leaderboard of one scope as JSON: the API's answer, as the page shows it. */
export function boardJson(board: LeaderboardResponse): string {
  return `${JSON.stringify(board, null, 2)}\n`;
}
