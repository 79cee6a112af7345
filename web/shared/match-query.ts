import type { MatchPage, MatchQuery, MatchSummary } from './api.js';

/**
 * The match-list query over in-memory summaries (the static export pages client-side with it). It must agree
 * with the server's SQL query row for row: filters are exact matches, an agent matches either seat, and rows keep
 * planned order (`ord`, then key).
 */
export function queryMatches(all: readonly MatchSummary[], q: MatchQuery): MatchPage {
  const rows = all
    .filter((m) => (q.game === undefined || m.game === q.game) && (q.agent === undefined || m.agents[0] === q.agent || m.agents[1] === q.agent) && (q.status === undefined || m.status === q.status))
    .sort((a, b) => a.ord - b.ord || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { run: q.run, total: rows.length, offset: q.offset, limit: q.limit, matches: rows.slice(q.offset, q.offset + q.limit) };
}
