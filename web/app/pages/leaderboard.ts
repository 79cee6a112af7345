import { ALL_GAMES, type BoardRow, type LeaderboardResponse, type RunInfo } from '../../shared/api.js';
import { downloadLink } from '../download.js';
import { append, el, pre, select } from '../dom.js';
import { int, num } from '../format.js';
import { href, navigate } from '../router.js';
import { boardCharts } from './board-charts.js';
import { boardCsv, boardJson } from './board-download.js';
import { boardTable, costCell } from './board-table.js';
import { heading, pickRun, ready, runOptions, type PageContext } from './common.js';

/** Short definitions under the table (the methodology page has them in full). */
const LEGEND: readonly (readonly [string, string])[] = [
  ['#', 'rank range: agents whose 95% rating intervals overlap share ranks'],
  ['Agent', 'under a language model’s name, its protocol: how it was asked (answer mode, history, context policy, legal moves, streaming); another protocol is another agent'],
  ['Rating', 'Bradley–Terry rating on the Elo scale (the anchor = 1000), bar = 95% bootstrap interval on the table’s scale'],
  ['WR', 'win rate over evaluated rounds (the battles right after a revision opportunity; move games: each game)'],
  ['ORR', 'over-correction risk rate: revisions / revision opportunities'],
  ['CSR', 'correction success rate: successful revisions (the next round’s score rose, or a violation was removed) / revisions'],
  ['β', 'improvement slope of the score on the evaluated-round index k'],
  ['OBR', 'over-budget ratio of evaluated rounds'],
  ['Trunc', 'truncation rate: model replies cut off at the token limit / model calls (LLM agents)'],
  ['Process Score', 'weighted mean of WR, CSR, 1 − OBR and the β term'],
];

function legend(): HTMLElement {
  return el('dl', { class: 'legend', id: 'legend' }, ...LEGEND.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]), el('dd', { class: 'more' }, el('a', { href: href('methodology') }, 'Methodology: every definition, interval and rating in full')));
}

/** What the ratings of this scope are, in one paragraph above the table. */
function scopeCaption(board: LeaderboardResponse, run: RunInfo): HTMLElement {
  const c = board.crossGame;
  if (board.game !== ALL_GAMES) {
    return el('p', { class: 'caption', id: 'scope-caption' }, `Ratings in ${board.game} only, from its ${int(board.scope.included)} scored matches (per-game ratings are the primary view: agents of different games never share a scale unless they are connected in each).`);
  }
  if (!c) return el('p', { class: 'caption', id: 'scope-caption' }, 'No cross-game rating: no two agents are connected in any game. See each game’s tab.');
  const left = c.leftAgents.length ? ` Not rated across games: ${c.leftAgents.join(', ')} (not connected to the others in every covered game; see their games’ tabs).` : '';
  const games = c.leftGames.length ? ` Games left out: ${c.leftGames.join(', ')}.` : '';
  return el(
    'p',
    { class: 'caption', id: 'scope-caption' },
    `Cross-game rating over ${c.agents.length} agents (${c.agents.join(', ')}) in ${c.games.length} of ${run.games.length} games (${c.games.join(', ')}): the agents played every one of these games and are connected through their opponents in each; each game weighs the same (a match weighs 1 / its game’s match count).${left}${games} Metrics are the mean over the agent’s games.`,
  );
}

/** Tokens and price per match, decision and win, with 95% bootstrap intervals over matches. */
function costTable(rows: readonly BoardRow[]): HTMLTableElement {
  const heads = ['Agent', 'tokens / match', 'USD / match', 'tokens / decision', 'USD / decision', 'tokens / win', 'USD / win'];
  return el(
    'table',
    { class: 'board', id: 'cost-table' },
    el('thead', {}, el('tr', {}, ...heads.map((h) => el('th', {}, h)))),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el(
          'tr',
          { dataset: { agent: r.agent } },
          el('td', { class: 'text' }, r.agent),
          ...(['tokensPerMatch', 'usdPerMatch', 'tokensPerDecision', 'usdPerDecision', 'tokensPerWin', 'usdPerWin'] as const).map((k) => el('td', { class: 'num', dataset: { col: k } }, ...costCell(r.cost?.[k], k.startsWith('usd')))),
        ),
      ),
    ),
  );
}

/** Scored matches per agent in each game of the run. */
function coverageTable(board: LeaderboardResponse): HTMLTableElement {
  const cov = board.coverage;
  return el(
    'table',
    { class: 'board', id: 'coverage' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Agent'), el('th', {}, 'games'), el('th', {}, 'matches'), ...cov.games.map((g) => el('th', {}, g)))),
    el(
      'tbody',
      {},
      ...cov.agents.map((a) =>
        el(
          'tr',
          { dataset: { agent: a.agent } },
          el('td', { class: 'text' }, a.agent),
          el('td', { class: 'num' }, String(a.games)),
          el('td', { class: 'num' }, int(a.matches)),
          ...cov.games.map((g) => el('td', { class: 'num', dataset: { game: g } }, a.byGame[g] === undefined ? '—' : int(a.byGame[g] ?? 0))),
        ),
      ),
    ),
  );
}

/** A game's head-to-head matrix: the row agent's score against the column agent, its n and interval, and the ratings' prediction. */
function headToHeadTable(board: LeaderboardResponse): HTMLElement | null {
  const h = board.headToHead;
  if (!h || h.agents.length < 2) return null;
  const cell = (a: string, b: string) => h.cells.find((c) => c.a === a && c.b === b);
  return el(
    'table',
    { class: 'board h2h', id: 'h2h' },
    el('thead', {}, el('tr', {}, el('th', {}, 'row vs column'), ...h.agents.map((b) => el('th', {}, b)))),
    el(
      'tbody',
      {},
      ...h.agents.map((a) =>
        el(
          'tr',
          { dataset: { agent: a } },
          el('th', { class: 'text' }, a),
          ...h.agents.map((b) => {
            if (a === b) return el('td', { class: 'self' }, '');
            const c = cell(a, b);
            if (!c || c.matches === 0) return el('td', { class: 'num na', dataset: { b, n: '0' } }, 'never met');
            return el(
              'td',
              { class: 'num', dataset: { b, n: String(c.matches), score: String(c.score) } },
              el('span', { class: 'score' }, num(c.score)),
              el('span', { class: 'ci' }, ` [${num(c.lo)}, ${num(c.hi)}] n = ${c.matches}`),
              el('span', { class: 'pred' }, c.predicted === null ? 'predicted —' : `predicted ${num(c.predicted)}`),
            );
          }),
        ),
      ),
    ),
  );
}

/** Ratings, process metrics and charts of one run: per game first (the primary view), or across games. */
export async function leaderboardPage(ctx: PageContext): Promise<void> {
  const runs = await ctx.source.runs();
  const run = pickRun(runs, ctx.params.get('run'));
  const wanted = ctx.params.get('game');
  // Per-game ratings are the primary view: a run with games opens on its first game.
  const game = wanted ?? (run.games.length > 1 ? (run.games[0] ?? ALL_GAMES) : ALL_GAMES);
  const board = await ctx.source.leaderboard(run.id, game);
  const gameOptions = [...run.games.map((g) => ({ value: g, text: g })), { value: ALL_GAMES, text: 'across games (connected agents)' }];
  const controls = el(
    'div',
    { class: 'controls' },
    select('Run', runOptions(runs), run.id, (v) => navigate('leaderboard', { run: v }), 'run-select'),
    select('Game', gameOptions, board.game, (v) => navigate('leaderboard', { run: run.id, game: v }), 'game-select'),
    el('a', { class: 'button', href: href('matches', { run: run.id, ...(board.game !== ALL_GAMES ? { game: board.game } : {}) }) }, 'Matches'),
    downloadLink('CSV', `leaderboard-${run.name}-${board.game}.csv`, 'text/csv', () => boardCsv(board), 'download-csv'),
    downloadLink('JSON', `leaderboard-${run.name}-${board.game}.json`, 'application/json', () => boardJson(board), 'download-json'),
  );
  const tabs = el(
    'nav',
    { class: 'tabs', id: 'game-tabs', ariaLabel: 'games' },
    ...gameOptions.map((o) => el('a', { href: href('leaderboard', { run: run.id, game: o.value }), class: o.value === board.game ? 'tab active' : 'tab' }, o.value === ALL_GAMES ? 'Across games' : o.text)),
  );
  const scoped = Object.entries(board.scope.excluded);
  const w = board.weights;
  const notes = el(
    'ul',
    { class: 'notes' },
    el('li', {}, `Ratings: ${board.estimator.text}; anchored at ${board.anchor ?? '—'} = 1000; 95% percentile bootstrap intervals over matches (B = ${board.bootstrap}, seed ${board.seed}). Proportions at 0 or 1 get Wilson intervals.`),
    el('li', {}, `Process Score = weighted mean of WR, CSR, 1 − OBR and the β term (weights wr=${w['wr'] ?? 1}, csr=${w['csr'] ?? 1}, obr=${w['obr'] ?? 1}, beta=${w['beta'] ?? 1}). ORR is shown but left out of it.`),
    el('li', { id: 'scored' }, `${int(board.scope.included)} matches scored${board.game === ALL_GAMES ? ' in this run' : ` in ${board.game}`}${scoped.length ? `; not scored: ${scoped.map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}. ORR–CSR correlation across agents: r = ${num(board.correlation.r)}, n = ${board.correlation.n}.`),
  );
  for (const [agent, words] of Object.entries(run.provenance)) append(notes, el('li', { class: 'provenance' }, `Provenance of ${agent}: ${words.join('; ')}.`));
  const manifest = el(
    'details',
    { class: 'manifest', id: 'manifest' },
    el('summary', {}, run.manifest === null ? 'Reproducibility manifest: none (this run was made before manifests were recorded)' : 'Reproducibility manifest (arena runs --show; arena reproduce re-runs it)'),
    ...(run.manifest === null ? [] : [pre(JSON.stringify(run.manifest, null, 2))]),
  );
  const h2h = headToHeadTable(board);
  const charts = el('section', { class: 'charts', id: 'charts' });
  append(
    ctx.root,
    heading(`Leaderboard — ${run.name}`, `${run.kind} run, ${run.counts.completed} of ${run.counts.total} matches completed, ${run.counts.errors} errors; seed ${run.seed}; last updated ${run.lastUpdated ?? '—'}${run.queue ? `; live on queue workers: ${run.queue.waiting} waiting, ${run.queue.running} running, ${run.queue.done} done, ${run.queue.failed} failed (as of ${run.queue.at})` : ''}`),
    controls,
    tabs,
    scopeCaption(board, run),
    el('div', { class: 'table-wrap' }, boardTable(board.rows, run.id)),
    legend(),
    notes,
    h2h
      ? el(
          'section',
          { id: 'head-to-head' },
          el('h2', {}, `Head to head — ${board.game}`),
          el('p', { class: 'caption' }, 'Each cell: the row agent’s mean score against the column agent (win 1, draw ½), its 95% Wilson interval and match count n, and the win probability the ratings predict, 1 / (1 + 10^((R_col − R_row)/400)). A large gap between the two flags results the ratings do not explain.'),
          el('div', { class: 'table-wrap' }, h2h),
        )
      : null,
    el('h2', {}, 'Cost'),
    el('p', { class: 'caption' }, 'Tokens (prompt + completion) and price per match, per decision (a plan submission or a move, retries included) and per win (a draw is half a win), each a ratio of sums over the agent’s completed matches with a 95% bootstrap interval over matches.'),
    el('div', { class: 'table-wrap' }, costTable(board.rows)),
    el('h2', {}, 'Coverage'),
    el('p', { class: 'caption' }, 'Scored matches per agent in each game of the run, and the number of games it played.'),
    el('div', { class: 'table-wrap' }, coverageTable(board)),
    manifest,
    charts,
  );
  boardCharts(charts, board);
  ready('leaderboard');
}
