import { ALL_GAMES } from '../../shared/api.js';
import { append, el, pre, select } from '../dom.js';
import { num } from '../format.js';
import { href, navigate } from '../router.js';
import { boardCharts } from './board-charts.js';
import { boardTable } from './board-table.js';
import { heading, pickRun, ready, runOptions, type PageContext } from './common.js';

/** Ratings, process metrics and charts of one run, for all games or one game. */
export async function leaderboardPage(ctx: PageContext): Promise<void> {
  // Both requests at once: the leaderboard names its run, so it does not wait for the run list.
  const wanted = ctx.params.get('game') ?? ALL_GAMES;
  const [runs, board] = await Promise.all([ctx.source.runs(), ctx.source.leaderboard(ctx.params.get('run') ?? undefined, wanted)]);
  const run = pickRun(runs, board.run.id);
  const game = board.game;

  const controls = el(
    'div',
    { class: 'controls' },
    select('Run', runOptions(runs), run.id, (v) => navigate('leaderboard', { run: v }), 'run-select'),
    select('Game', [{ value: ALL_GAMES, text: 'all games' }, ...run.games.map((g) => ({ value: g, text: g }))], game, (v) => navigate('leaderboard', { run: run.id, game: v }), 'game-select'),
    el('a', { class: 'button', href: href('matches', { run: run.id, ...(game !== ALL_GAMES ? { game } : {}) }) }, 'Matches'),
  );
  const excluded = Object.entries(board.excluded);
  const w = board.weights;
  const notes = el(
    'ul',
    { class: 'notes' },
    el('li', {}, `Ratings: ${board.estimator.text}; anchored at ${board.anchor ?? '—'} = 1000; 95% bootstrap intervals over matches (B = ${board.bootstrap}).`),
    el('li', {}, `Process Score = weighted mean of WR, CSR, 1 − OBR and the β term (weights wr=${w['wr'] ?? 1}, csr=${w['csr'] ?? 1}, obr=${w['obr'] ?? 1}, beta=${w['beta'] ?? 1}). ORR is shown but left out of it.`),
    el('li', {}, `${board.included} matches scored${excluded.length ? `; not scored: ${excluded.map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}. ORR–CSR correlation across agents: r = ${num(board.correlation.r)}, n = ${board.correlation.n}.`),
  );
  for (const [agent, words] of Object.entries(run.provenance)) append(notes, el('li', { class: 'provenance' }, `Provenance of ${agent}: ${words.join('; ')}.`));
  const manifest = el(
    'details',
    { class: 'manifest', id: 'manifest' },
    el('summary', {}, run.manifest === null ? 'Reproducibility manifest: none (this run was made before manifests were recorded)' : 'Reproducibility manifest (arena runs --show; arena reproduce re-runs it)'),
    ...(run.manifest === null ? [] : [pre(JSON.stringify(run.manifest, null, 2))]),
  );
  const charts = el('section', { class: 'charts', id: 'charts' });
  append(ctx.root, 
    heading(`Leaderboard — ${run.name}`, `${run.kind} run, ${run.counts.completed} of ${run.counts.total} matches completed, ${run.counts.errors} errors; ${game === ALL_GAMES ? 'all games' : game}${run.queue ? `; live on queue workers: ${run.queue.waiting} waiting, ${run.queue.running} running, ${run.queue.done} done, ${run.queue.failed} failed (as of ${run.queue.at})` : ''}`),
    controls,
    el('div', { class: 'table-wrap' }, boardTable(board.rows, run.id)),
    notes,
    manifest,
    charts,
  );
  boardCharts(charts, board);
  ready('leaderboard');
}
