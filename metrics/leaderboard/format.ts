import type { Estimate } from '../types.js';
import type { Leaderboard, LeaderboardRow } from './build.js';
import type { CrossGameCoverage } from './cross-game.js';
import { rankText } from './ranks.js';

export type LeaderboardFormat = 'table' | 'markdown' | 'json' | 'csv';
export const LEADERBOARD_FORMATS: readonly LeaderboardFormat[] = ['table', 'markdown', 'json', 'csv'];

/** The headline columns, in order: metric id and header. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['wr', 'WR'],
  ['orr', 'ORR'],
  ['csr', 'CSR'],
  ['beta', 'β'],
  ['obr', 'OBR'],
  ['truncationRate', 'Trunc'],
  ['processScore', 'Process'],
];

function num(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits);
}

function est(e: Estimate | undefined, digits = 2): string {
  if (!e || e.value === null) return e ? `— (n=${e.n})` : '—';
  return `${num(e.value, digits)} [${num(e.lo, digits)},${num(e.hi, digits)}]`;
}

/** A rating value: whole number, ±∞ where maximum likelihood diverges, `unlinked` when nothing fixes it. */
export function ratingValue(x: number): string {
  if (Number.isNaN(x)) return 'unlinked';
  if (!Number.isFinite(x)) return x > 0 ? '+∞' : '−∞';
  return x.toFixed(0);
}

function ratingText(r: LeaderboardRow): string {
  if (!r.rating) return '—';
  if (r.rating.unbounded !== undefined) return ratingValue(r.rating.rating);
  return `${ratingValue(r.rating.rating)} [${ratingValue(r.rating.lo)},${ratingValue(r.rating.hi)}]`;
}

function csvRating(x: number | undefined): string | null {
  if (x === undefined || Number.isNaN(x)) return null;
  return Number.isFinite(x) ? String(x) : x > 0 ? 'inf' : '-inf';
}

function cells(r: LeaderboardRow): string[] {
  return [rankText(r.rank), r.agent, ratingText(r), ...COLUMNS.map(([id]) => est(r.metrics[id], id === 'beta' ? 3 : 2)), String(r.tokens), `$${r.spendUsd.toFixed(4)}`, String(r.matches)];
}

const HEADERS = ['#', 'agent', 'rating [95% CI]', ...COLUMNS.map(([, h]) => h), 'tokens', 'spend', 'matches'];

function table(rows: readonly LeaderboardRow[]): string {
  const body = rows.map((r) => cells(r));
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...body.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  return [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const COST_HEADERS = ['agent', 'tokens/match', 'USD/match', 'tokens/decision', 'USD/decision', 'USD/win'];

function costCell(e: Estimate | undefined, digits: number): string {
  if (!e || e.value === null) return '—';
  const f = (x: number | null) => (x === null ? '?' : x.toFixed(digits));
  return e.lo === e.hi && e.lo === e.value ? f(e.value) : `${f(e.value)} [${f(e.lo)},${f(e.hi)}]`;
}

function renderCost(rows: readonly LeaderboardRow[], md: boolean): string {
  const body = rows.map((r) => [r.agent, costCell(r.cost?.tokensPerMatch, 0), costCell(r.cost?.usdPerMatch, 4), costCell(r.cost?.tokensPerDecision, 0), costCell(r.cost?.usdPerDecision, 5), costCell(r.cost?.usdPerWin, 4)]);
  if (md) return [`| ${COST_HEADERS.join(' | ')} |`, `|${COST_HEADERS.map(() => '---').join('|')}|`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const widths = COST_HEADERS.map((h, c) => Math.max(h.length, ...body.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  return [line(COST_HEADERS), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function markdown(rows: readonly LeaderboardRow[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join('\n');
}

const COST_COLUMNS = ['tokensPerMatch', 'usdPerMatch', 'tokensPerDecision', 'usdPerDecision', 'tokensPerWin', 'usdPerWin'] as const;

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: readonly LeaderboardRow[], game: string): string[] {
  return rows.map((r) =>
    [
      game,
      r.agent,
      csvRating(r.rating?.rating),
      csvRating(r.rating?.lo),
      csvRating(r.rating?.hi),
      ...COLUMNS.flatMap(([id]) => {
        const e = r.metrics[id];
        return [e?.value ?? null, e?.lo ?? null, e?.hi ?? null, e?.n ?? 0];
      }),
      r.tokens,
      r.spendUsd,
      r.matches,
      ...COST_COLUMNS.flatMap((k) => {
        const e = r.cost?.[k];
        return [e?.value ?? null, e?.lo ?? null, e?.hi ?? null];
      }),
      r.protocol ?? null,
    ]
      .map(csvCell)
      .join(','),
  );
}

/** What the overall (cross-game) ratings cover, in one sentence. */
export function crossGameText(c: CrossGameCoverage | null, games: number): string {
  if (!c) return 'No overall rating: no two agents meet in any game.';
  if (games <= 1) return `Ratings over ${c.agents.length} connected agents.`;
  const left = [c.leftAgents.length ? `not rated overall: ${c.leftAgents.join(', ')} (not connected to the others in every covered game)` : '', c.leftGames.length ? `games left out: ${c.leftGames.join(', ')}` : ''].filter(Boolean);
  return `Overall ratings cover ${c.agents.join(', ')} in ${c.games.join(', ')}, each game weighted equally (a match weighs 1 / its game's match count)${left.length ? `; ${left.join('; ')}` : ''}.`;
}

/**
 * Renders a leaderboard. With more than one game (or `byGame`) the per-game tables come first, as the primary
 * view, then the overall table, whose ratings cover only the agents connected in every game it covers.
 */
export function formatLeaderboard(board: Leaderboard, format: LeaderboardFormat, byGame = false): string {
  const games = Object.keys(board.byGame).length;
  if (format === 'json') {
    const perGame = byGame ? { byGame: board.byGame, byGameEstimator: board.byGameEstimator, headToHead: board.headToHead } : {};
    // ±∞ and unlinked ratings serialise as null; `rating.unbounded` and `estimator` say which and why.
    return JSON.stringify({ ratingMethod: board.ratingMethod, estimator: board.estimator, anchor: board.anchor, excluded: board.excluded, weights: board.report.weights, crossGame: board.crossGame, rows: board.rows, ...perGame }, null, 2);
  }
  if (format === 'csv') {
    const header = ['game', 'agent', 'rating', 'rating_lo', 'rating_hi', ...COLUMNS.flatMap(([id]) => [id, `${id}_lo`, `${id}_hi`, `${id}_n`]), 'tokens', 'spend_usd', 'matches', ...COST_COLUMNS.flatMap((k) => [k, `${k}_lo`, `${k}_hi`]), 'protocol'].join(',');
    const lines = [header, ...csv(board.rows, 'all')];
    if (byGame) for (const [game, rows] of Object.entries(board.byGame)) lines.push(...csv(rows, game));
    return lines.join('\n');
  }
  const render = format === 'markdown' ? markdown : table;
  const w = board.report.weights;
  const notes = [
    `Ratings: ${board.estimator.text}; anchored at ${board.anchor ?? '—'} = 1000; 95% bootstrap intervals over matches; # is the range of ranks the intervals allow.`,
    crossGameText(board.crossGame, games),
    `Process Score = weighted mean of WR, CSR, 1 − OBR and the β term (weights wr=${w.wr}, csr=${w.csr}, obr=${w.obr}, beta=${w.beta}).`,
  ];
  const perGameFirst = byGame || games > 1;
  if (perGameFirst) {
    for (const [game, e] of Object.entries(board.byGameEstimator)) if (e.unbounded.length > 0) notes.push(`Ratings in ${game}: ${e.text}.`);
  }
  const excluded = Object.entries(board.excluded);
  if (excluded.length) notes.push(`Not scored (errors): ${excluded.map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  const head = (text: string) => `${format === 'markdown' ? '### ' : ''}${text}`;
  const parts: string[] = [];
  if (perGameFirst) for (const [game, rows] of Object.entries(board.byGame)) parts.push(`${head(game)}\n${render(rows)}`);
  parts.push(perGameFirst ? `${head('Across games')}\n${render(board.rows)}` : render(board.rows));
  // Cost per match, decision and win, when anything was spent (built-in agents spend nothing).
  if (board.rows.some((r) => r.tokens > 0 || r.spendUsd > 0)) parts.push(`Cost (95% bootstrap intervals over matches)\n${renderCost(board.rows, format === 'markdown')}`);
  const asked = board.rows.filter((r) => r.protocol !== undefined);
  if (asked.length > 0) {
    const width = Math.max(...asked.map((r) => r.agent.length));
    const lines = asked.map((r) => (format === 'markdown' ? `- ${r.agent}: \`${r.protocol ?? ''}\`` : `${r.agent.padEnd(width)}  ${r.protocol ?? ''}`));
    parts.push(`Protocols (how each model was asked)\n${lines.join('\n')}`);
  }
  parts.push(notes.join('\n'));
  return parts.join('\n\n');
}
