import { ALL_GAMES } from '../../shared/api.js';
import { append, el, pre } from '../dom.js';
import { href } from '../router.js';
import { heading, pickRun, ready, type PageContext } from './common.js';

declare const __ARENA_METRICS_README__: string;

/** metrics/README.md as bundled into the page (empty when the bundle was built without it). */
function metricsReadme(): string {
  return typeof __ARENA_METRICS_README__ === 'string' ? __ARENA_METRICS_README__ : '';
}

/** Every metric the leaderboard and agent pages show: id, what it is, and its interval. */
const METRICS: readonly (readonly [string, string, string])[] = [
  ['WR (evaluated rounds)', 'Σ score / evaluated rounds, a score being 1 for a win, ½ for no winner, 0 for a loss.', 'bootstrap; Wilson at 0 or 1'],
  ['WR (per match)', 'matches won (½ for a draw) / matches.', 'Wilson'],
  ['ORR', 'over-correction risk rate: revisions / revision opportunities (a revision is a changed plan, compared in canonical form; move games: a re-asked answer that differs from the rejected one).', 'bootstrap; Wilson at 0 or 1'],
  ['CSR', 'correction success rate: successful revisions / revisions whose success is defined; a revision succeeds when the next round’s score is higher or it removes a violation (some violation code occurs fewer times). Undefined, never 0, for an agent that never revised.', 'bootstrap; Wilson at 0 or 1'],
  ['β', 'improvement slope: within-match Σ (k − k̄)(s − s̄) / Σ (k − k̄)² over evaluated rounds, pooled over matches.', 'bootstrap'],
  ['OBR', 'over-budget ratio: evaluated rounds whose plan was over budget / evaluated rounds with a known budget status (plan games).', 'bootstrap; Wilson at 0 or 1'],
  ['Trunc', 'truncation rate: model replies cut off at the token limit (finish_reason length or the provider’s equivalent) / model calls; a cut reply gets one re-ask and is the model’s outcome, never an infrastructure error.', 'bootstrap'],
  ['Process Score', 'weighted mean of WR, CSR, 1 − OBR and (1 + clamp(β·(n − 1), −1, 1)) / 2, n the mean evaluated rounds per match; undefined when a component with non-zero weight is.', 'bootstrap'],
  ['harmful revision rate', 'revisions after which the score fell / revisions with a known score change.', 'bootstrap; Wilson at 0 or 1'],
  ['unforced revision rate', 'revisions after a round the agent won / opportunities after a won round.', 'bootstrap; Wilson at 0 or 1'],
  ['revision progress', 'mean score change s(r + 1) − s(r) over revisions.', 'bootstrap'],
  ['violation rate', 'submissions (re-asks included) with any violation / submissions.', 'bootstrap; Wilson at 0 or 1'],
  ['first-try validity', 'initial plans valid and within budget at the first attempt / initial plans.', 'Wilson'],
  ['mean advantage, blunder rate, first blunder ply', 'move games with progress annotations: mean advantage per move, moves with advantage ≤ −0.2 / annotated moves, mean ply of the first blunder over games with one.', 'normal, clustered by game'],
  ['tokens, calls, wall time, price per decision and per match', 'usage summed over decisions (a plan submission or a move, retries included) / decisions or matches.', 'bootstrap'],
  ['cost per win', 'tokens or price / wins (a draw is half a win) over completed matches.', 'bootstrap'],
];

function section(id: string, title: string, ...body: (Node | string | null)[]): HTMLElement {
  return el('section', { class: 'method', id }, el('h2', {}, title), ...body);
}

function p(...text: (string | Node)[]): HTMLParagraphElement {
  return el('p', {}, ...text);
}

/** How every number on the site is computed, with this run's settings filled in. */
export async function methodologyPage(ctx: PageContext): Promise<void> {
  const runs = await ctx.source.runs();
  const run = pickRun(runs, ctx.params.get('run'));
  const board = await ctx.source.leaderboard(run.id, ALL_GAMES);
  const c = board.crossGame;
  const w = board.weights;
  const readme = metricsReadme();
  const doc = el(
    'details',
    { class: 'doc', id: 'metrics-readme', open: ctx.params.get('doc') === 'metrics' },
    el('summary', {}, 'metrics/README.md, in full'),
    readme ? pre(readme, 'raw doc-text') : p('Not bundled with this page: read metrics/README.md in the arena source.'),
  );
  append(
    ctx.root,
    heading('Methodology', `How the leaderboard’s numbers are computed; settings of run ${run.name} (bootstrap B = ${board.bootstrap}, seed ${board.seed}).`),
    p('Every definition below is also in ', el('a', { href: href('methodology', { run: run.id, doc: 'metrics' }), id: 'metrics-readme-link' }, 'metrics/README.md'), ' (the full text is at the end of this page) and in the repository’s README.'),
    section(
      'rounds',
      'Evaluated rounds and k',
      p('Plan games: after each battle one side may revise its plan (a revision opportunity; sides alternate, starting with the revise-first side). The battle right after an agent’s own opportunity is one of its evaluated rounds; k numbers them 0, 1, 2, … within the match. Move games: each game of a series is an evaluated round. The improvement curves plot the mean score at each k over the matches that reached it.'),
    ),
    section(
      'metrics',
      'Metrics',
      p('Each metric is a ratio of two sums pooled over an agent’s matches in a game (undefined, shown —, when the denominator is 0: never 0). Across games a metric is the unweighted mean over the games where it is defined.'),
      el('div', { class: 'table-wrap' }, el('table', { class: 'board', id: 'metric-definitions' }, el('thead', {}, el('tr', {}, el('th', {}, 'metric'), el('th', {}, 'definition'), el('th', {}, '95% interval'))), el('tbody', {}, ...METRICS.map(([m, d, i]) => el('tr', {}, el('td', { class: 'text' }, m), el('td', { class: 'text wrap' }, d), el('td', { class: 'text' }, i)))))),
      p(`Process Score weights here: wr=${w['wr'] ?? 1}, csr=${w['csr'] ?? 1}, obr=${w['obr'] ?? 1}, beta=${w['beta'] ?? 1}. ORR is shown but not part of it (more revising is not better or worse in itself).`),
    ),
    section(
      'intervals',
      'Intervals',
      p(`Every interval is 95%. Ratios get a seeded percentile bootstrap over matches (B = ${board.bootstrap} resamples, seed ${board.seed}: the run’s seed, the same served and in a static export, so one run shows one set of intervals); matches are sorted by id first, so the order traces arrive in does not matter. Plain proportions of at most one trial per match (WR per match, first-try validity) get the Wilson score interval. A proportion at exactly 0 or 1 has a degenerate bootstrap (every resample equal), so it also gets the Wilson interval of its n trials: 5 wins in 5 show [0.57, 1], never [1, 1]. A percentile interval is widened, if ever needed, to contain its estimate.`),
    ),
    section(
      'ratings',
      'Ratings, the anchor and rank ranges',
      p(`Ratings are Bradley–Terry strengths on the Elo scale, 400·log10(p), fitted by maximum likelihood (minorisation–maximisation; ${board.estimator.text}). They are pinned at the anchor, ${board.anchor ?? '(none)'} = 1000 (the configured anchor, else random, else the first agent by name); a difference of 200 points means the stronger agent is predicted to win 76% of their matches. Where maximum likelihood does not exist (an agent never lost, or is not connected to the anchor) the rating is shown as +∞, −∞ or unlinked, never as a made-up number; a prior (ratings.prior) regularises it instead.`),
      p('The interval is a percentile bootstrap over matches. The rank column gives the range of ranks the intervals allow: an agent’s best rank is 1 plus the agents whose interval lies wholly above its own, its worst rank the number of agents minus those wholly below. Agents whose intervals overlap share ranks (1–2, 1–2), as public arena leaderboards show them.'),
      p('The head-to-head matrix of a game sets each pair’s observed score (with its Wilson interval and match count) beside the win probability the ratings predict, 1 / (1 + 10^((R_b − R_a)/400)).'),
    ),
    section(
      'cross-game',
      'Per game first; the cross-game aggregate',
      p('Ratings are computed per game and shown per game first: two agents that never met, directly or through common opponents, have no common scale. One Bradley–Terry model over every game would tie pools that never meet through a single shared agent, and rank an agent with a few matches in one game against agents of other games on nothing.'),
      p('The cross-game rating covers a set of games and the agents that played every one of them and are connected (through opponents) in each. Of all sets of games the one covering the most (agent, game) pairs is used (ties: more games). Each covered game weighs the same: a match of game g weighs N / (G·n_g), n_g its matches among the covered agents, N their sum, G the games; the bootstrap resamples within each game.'),
      p(c ? `In run ${run.name}: agents ${c.agents.join(', ')}; games ${c.games.join(', ')}${c.leftAgents.length ? `; not covered: ${c.leftAgents.join(', ')}` : ''}${c.leftGames.length ? `; games left out: ${c.leftGames.join(', ')}` : ''}.` : `In run ${run.name} no two agents qualify, so there is no cross-game rating.`),
    ),
    section(
      'calibration',
      'Calibration agents',
      p('Built-in agents with known behaviour check the metrics end to end: stubborn never revises (ORR = 0, CSR undefined), restless revises at every opportunity (ORR = 1); random plays uniformly and is the default anchor. Their rows must show exactly these values; if not, the metric code is wrong, not the agent. Graded bots (greedy with an error rate) check that ratings recover a known strength order.'),
    ),
    section(
      'adaptive',
      'The adaptive schedule’s stopping rule',
      p('An adaptive tournament plays batches and picks the next pairs where the ranking is least certain. For each pair it keeps the running mean of one agent’s scores with an anytime-valid confidence sequence (normal mixture, σ² = ¼): |S_t| < √((t/4 + ρ)·ln((t/4 + ρ)/(ρ·α²))), which holds for all t at once (Ville’s inequality), so the rule may be checked after every batch and the run may stop whenever it likes. α is split over the pairs the target may play, so all intervals hold together. It stops when every adjacent pair of the ranking is separated (the interval lies wholly above ½), or when the named agent’s Elo interval is narrower than the target, or at the budget. Plain Wilson intervals re-tested after each batch would under-cover (87% instead of 95% in simulation).'),
    ),
    section(
      'cost',
      'Cost',
      p('Tokens are prompt plus completion tokens; price is what the endpoint’s configured rates give. Per match, per decision (a plan submission or a move, retries included) and per win (a draw is half a win) are ratios of sums over the agent’s completed matches, with bootstrap intervals over matches. Built-in agents spend nothing.'),
    ),
    doc,
  );
  if (ctx.params.get('doc') === 'metrics') doc.scrollIntoView();
  ready('methodology');
}
