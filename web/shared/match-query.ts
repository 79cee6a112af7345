import type { MatchPage, MatchQuery, MatchSort, MatchSummary } from './api.js';

function byKey(a: MatchSummary, b: MatchSummary): number {
  return a.ord - b.ord || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Row order of each sort; ties keep planned order (`ord`, then key), as the server's SQL does. */
const ORDERS: Readonly<Record<MatchSort, (a: MatchSummary, b: MatchSummary) => number>> = {
  planned: byKey,
  // unfinished matches (no finish time) last
  newest: (a, b) => (a.finishedAt === b.finishedAt ? 0 : a.finishedAt === null ? 1 : b.finishedAt === null ? -1 : a.finishedAt < b.finishedAt ? 1 : -1) || byKey(a, b),
  tokens: (a, b) => b.tokens - a.tokens || byKey(a, b),
  wall: (a, b) => b.wallMs - a.wallMs || byKey(a, b),
};

/**
 * The match-list query over in-memory summaries (the static export pages client-side with it). It must agree
 * with the server's SQL query row for row: filters are exact matches, an agent matches either seat, and rows keep
 * the chosen order (default: planned order, `ord` then key).
 */
export function queryMatches(all: readonly MatchSummary[], q: MatchQuery): MatchPage {
  const rows = all
    .filter((m) => (q.game === undefined || m.game === q.game) && (q.agent === undefined || m.agents[0] === q.agent || m.agents[1] === q.agent) && (q.status === undefined || m.status === q.status))
    .sort(ORDERS[q.sort ?? 'planned']);
  return { run: q.run, total: rows.length, offset: q.offset, limit: q.limit, matches: rows.slice(q.offset, q.offset + q.limit) };
}
