import type { Estimate } from '../../../metrics/types.js';
import type { AgentResponse, BoardRow } from '../../shared/api.js';
import { distinctColours, draw } from '../charts.js';
import { append, el, pre } from '../dom.js';
import { digitsOf, int, interval, num, ratingInterval, ratingText, usd } from '../format.js';
import { href } from '../router.js';
import { costCell, rankText } from './board-table.js';
import { canvasBox, heading, pickRun, ready, type PageContext } from './common.js';

const BREAKDOWN = ['wr', 'orr', 'csr', 'beta', 'obr', 'processScore'] as const;
const REVISION = ['orr', 'csr', 'harmful', 'unforced', 'progress', 'violationRate', 'firstTry'] as const;
const RESOURCE = ['tokensPerDecision', 'tokensPerMatch', 'callsPerDecision', 'wallMsPerDecision', 'wallMsPerMatch', 'usdPerDecision', 'usdPerMatch'] as const;

function estCell(e: Estimate | undefined, id: string): HTMLTableCellElement {
  if (!e || e.value === null) return el('td', { class: 'num na', title: e ? `undefined (n = ${e.n})` : 'not measured' }, '—');
  return el('td', { class: 'num', title: `n = ${e.n}` }, num(e.value, digitsOf(id)), el('span', { class: 'ci' }, ` ${interval(e, digitsOf(id))}`));
}

function metricTable(row: BoardRow, ids: readonly string[], labels: Readonly<Record<string, string>>, id: string): HTMLTableElement {
  return el(
    'table',
    { class: 'kv', id },
    el('thead', {}, el('tr', {}, el('th', {}, 'metric'), el('th', {}, 'value [95% interval]'), el('th', {}, 'n'))),
    el(
      'tbody',
      {},
      ...ids.map((m) => el('tr', {}, el('td', { class: 'text' }, labels[m] ?? m), estCell(row.metrics[m], m), el('td', { class: 'num' }, String(row.metrics[m]?.n ?? 0)))),
    ),
  );
}

/** Who the agent is and where its numbers come from: spec, kind badges, model and endpoint name, run metadata. */
function metadata(page: AgentResponse): HTMLElement {
  const m = page.meta;
  const run = page.run;
  const schedule = (run.config as { schedule?: { type?: unknown } } | null)?.schedule?.type;
  const rows: [string, string | Node][] = [
    ['spec', m.spec ?? '—'],
    ['kind', el('span', { class: 'badges', id: 'badges' }, ...m.badges.map((b) => el('span', { class: `badge badge-${b.toLowerCase().replace(/[^a-z]/g, '')}` }, b)))],
    ...(m.model !== null ? ([['model', m.model]] as [string, string][]) : []),
    ...(m.endpoint !== null ? ([['endpoint', m.endpoint]] as [string, string][]) : []),
    ...(m.description !== null ? ([['what it does', m.description]] as [string, string][]) : []),
    ['run', `${run.name} (${run.kind})`],
    ['run seed', String(run.seed)],
    ['created', run.createdAt],
    ['schedule', typeof schedule === 'string' ? schedule : 'round-robin'],
    ['last updated', run.lastUpdated ?? '—'],
  ];
  return el(
    'section',
    { id: 'agent-meta' },
    el('table', { class: 'kv' }, el('tbody', {}, ...rows.map(([k, v]) => el('tr', { dataset: { key: k } }, el('td', { class: 'text' }, k), el('td', { class: 'text wrap' }, v))))),
    el('details', { class: 'manifest', id: 'run-config' }, el('summary', {}, 'Run configuration'), pre(JSON.stringify(run.config, null, 2))),
  );
}

/** Results by setting: plan games by role × revise-first, move games by seat order. */
function settings(page: AgentResponse): HTMLElement {
  if (page.settings.length === 0) return el('p', { id: 'settings' }, 'No scored matches.');
  return el(
    'table',
    { class: 'board', id: 'settings' },
    el('thead', {}, el('tr', {}, ...['game', 'setting', 'n', 'mean score [95% Wilson]'].map((h) => el('th', {}, h)))),
    el(
      'tbody',
      {},
      ...page.settings.map((s) =>
        el(
          'tr',
          { dataset: { game: s.game, kind: s.kind } },
          el('td', { class: 'text' }, s.game),
          el('td', { class: 'text' }, s.label),
          el('td', { class: 'num' }, int(s.n)),
          el('td', { class: 'num' }, num(s.score), el('span', { class: 'ci' }, ` [${num(s.lo)}, ${num(s.hi)}]`)),
        ),
      ),
    ),
  );
}

function costs(row: BoardRow): HTMLTableElement {
  const ids = [
    ['tokensPerMatch', 'tokens / match'],
    ['usdPerMatch', 'USD / match'],
    ['tokensPerDecision', 'tokens / decision'],
    ['usdPerDecision', 'USD / decision'],
    ['tokensPerWin', 'tokens / win'],
    ['usdPerWin', 'USD / win'],
  ] as const;
  return el('table', { class: 'kv', id: 'agent-cost' }, el('tbody', {}, ...ids.map(([k, label]) => el('tr', {}, el('td', { class: 'text' }, label), el('td', { class: 'num' }, ...costCell(row.cost?.[k], k.startsWith('usd')))))));
}

function breakdown(page: AgentResponse): HTMLTableElement {
  return el(
    'table',
    { class: 'board', id: 'per-game' },
    el('thead', {}, el('tr', {}, el('th', {}, 'game'), el('th', {}, 'matches'), el('th', {}, 'rank'), el('th', {}, 'rating'), ...BREAKDOWN.map((m) => el('th', {}, page.labels[m] ?? m)))),
    el(
      'tbody',
      {},
      ...page.games.map((g) =>
        el(
          'tr',
          {},
          el('td', { class: 'text' }, el('a', { href: href('leaderboard', { run: page.run.id, game: g.game }) }, g.game)),
          el('td', { class: 'num' }, int(g.row.matches)),
          el('td', { class: 'num' }, rankText(g.row.rank)),
          el('td', { class: 'num' }, ratingText(g.row.rating), el('span', { class: 'ci' }, ` ${ratingInterval(g.row.rating)}`)),
          ...BREAKDOWN.map((m) => estCell(g.row.metrics[m], m)),
        ),
      ),
    ),
  );
}

function violations(page: AgentResponse): HTMLElement {
  if (page.violations.length === 0) return el('p', { id: 'violations' }, `No violations or rejections in ${int(page.submissions)} submissions.`);
  return el(
    'table',
    { class: 'kv', id: 'violations' },
    el('thead', {}, el('tr', {}, el('th', {}, 'code'), el('th', {}, 'count'), el('th', {}, 'per submission'))),
    el(
      'tbody',
      {},
      ...page.violations.map((v) => el('tr', {}, el('td', { class: 'text' }, v.code), el('td', { class: 'num' }, int(v.count)), el('td', { class: 'num' }, num(v.count / Math.max(1, page.submissions), 3)))),
    ),
  );
}

function usage(page: AgentResponse): HTMLTableElement {
  const u = page.usage;
  const rows: [string, string][] = [
    ['matches (with a trace)', int(page.matches)],
    ['submissions', int(page.submissions)],
    ['model calls', int(u.calls)],
    ['prompt tokens', int(u.promptTokens)],
    ['completion tokens', int(u.completionTokens)],
    ['reasoning tokens', int(u.reasoningTokens)],
    ['wall time (s)', num(u.wallMs / 1000, 1)],
    ['spend', usd(u.costUsd)],
    ['retries', int(u.retries)],
    ['simulations', int(u.simulations)],
  ];
  return el('table', { class: 'kv', id: 'usage' }, el('tbody', {}, ...rows.map(([k, v]) => el('tr', {}, el('td', { class: 'text' }, k), el('td', { class: 'num' }, v)))));
}

/** One agent: per-game breakdown, revision behaviour, violations by kind and resource use. */
export async function agentPage(ctx: PageContext): Promise<void> {
  const runs = await ctx.source.runs();
  const run = pickRun(runs, ctx.params.get('run'));
  const name = ctx.params.get('agent') ?? run.agents[0] ?? '';
  const page = await ctx.source.agent(run.id, name);
  const charts = el('section', { class: 'charts' });
  const overall = page.overall.rating ? `cross-game rating ${ratingText(page.overall.rating)} ${ratingInterval(page.overall.rating)}` : 'not rated across games (see the per-game ratings)';
  append(
    ctx.root,
    heading(`Agent — ${page.agent}`, `run ${run.name}: ${overall}, ${page.overall.matches} scored matches`),
    el('div', { class: 'controls' }, el('a', { class: 'button', href: href('matches', { run: run.id, agent: page.agent }) }, 'Matches of this agent'), el('a', { class: 'button', href: href('leaderboard', { run: run.id }) }, 'Leaderboard')),
    metadata(page),
    el('h2', {}, 'Per game'),
    el('p', { class: 'caption' }, 'Ratings and ranks within each game (rank ranges: overlapping intervals share ranks).'),
    el('div', { class: 'table-wrap' }, breakdown(page)),
    el('h2', {}, 'By setting'),
    el('p', { class: 'caption' }, 'Plan games: by role (the side played) × whether the agent revised first; move games: by seat order (moved first or second), per game of the series. Mean score (win 1, draw ½) with a 95% Wilson interval.'),
    el('div', { class: 'table-wrap' }, settings(page)),
    el('div', { class: 'columns' }, el('section', {}, el('h2', {}, 'Revision behaviour'), el('div', { class: 'table-wrap' }, metricTable(page.overall, REVISION, page.labels, 'revision'))), el('section', {}, el('h2', {}, 'Violations by kind'), el('div', { class: 'table-wrap' }, violations(page)))),
    el('div', { class: 'columns' }, el('section', {}, el('h2', {}, 'Resource use'), el('div', { class: 'table-wrap' }, usage(page))), el('section', {}, el('h2', {}, 'Per decision and match'), el('div', { class: 'table-wrap' }, metricTable(page.overall, RESOURCE, page.labels, 'resources')))),
    el('section', {}, el('h2', {}, 'Cost (95% bootstrap intervals over matches)'), el('div', { class: 'table-wrap' }, costs(page.overall))),
    charts,
  );
  const curves = page.games.filter((g) => g.curve.length > 0);
  if (curves.length > 0) {
    const { box, canvas } = canvasBox('chart-agent-curves', 'Mean score by evaluated round k, per game', 'chart wide');
    charts.append(box);
    const maxK = Math.max(...curves.flatMap((g) => g.curve.map((p) => p.k)));
    const hues = distinctColours(curves.length);
    draw(
      canvas,
      {
        type: 'line',
        data: {
          labels: Array.from({ length: maxK + 1 }, (_, k) => String(k)),
          datasets: curves.map((g, i) => ({ label: g.game, data: Array.from({ length: maxK + 1 }, (_, k) => g.curve.find((p) => p.k === k)?.mean ?? null), borderColor: hues[i], backgroundColor: hues[i], spanGaps: true })),
        },
        options: { scales: { y: { min: 0, max: 1 } } },
      },
      curves.reduce((a, g) => a + g.curve.length, 0),
    );
  }
  if (page.violations.length > 0) {
    const { box, canvas } = canvasBox('chart-violations', 'Violations by kind');
    charts.append(box);
    draw(canvas, { type: 'bar', data: { labels: page.violations.map((v) => v.code), datasets: [{ label: 'count', data: page.violations.map((v) => v.count), backgroundColor: distinctColours(6)[5] }] }, options: { indexAxis: 'y', plugins: { legend: { display: false } } } }, page.violations.length);
  }
  ready('agent');
}
