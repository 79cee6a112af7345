import { MATCH_STATUSES, type MatchStatus, type MatchSummary } from '../../shared/api.js';
import { append, el, select } from '../dom.js';
import { int, num, usd } from '../format.js';
import { href, navigate } from '../router.js';
import { heading, pickRun, ready, runOptions, type PageContext } from './common.js';

const PAGE_SIZE = 50;

function outcome(m: MatchSummary): string {
  if (m.status !== 'completed') return m.status === 'error' ? `error (${m.errorReason ?? 'unknown'})` : 'planned';
  if (m.winner === null) return 'draw';
  return `${m.agents[m.winner] ?? '?'} won`;
}

function row(run: string, m: MatchSummary): HTMLTableRowElement {
  return el(
    'tr',
    { dataset: { key: m.key, status: m.status } },
    el('td', { class: 'num' }, String(m.ord)),
    el('td', { class: 'text' }, m.game),
    el('td', { class: 'text' }, `${m.agents[0]} vs ${m.agents[1]}`),
    el('td', { class: `text status-${m.status}` }, outcome(m)),
    el('td', { class: 'num' }, m.scores ? `${num(m.scores[0])} – ${num(m.scores[1])}` : '—'),
    el('td', { class: 'num' }, int(m.tokens)),
    el('td', { class: 'num' }, usd(m.costUsd)),
    el('td', { class: 'num' }, num(m.wallMs / 1000, 1)),
    el('td', { class: 'text' }, m.status === 'planned' ? '' : el('a', { class: 'replay-link', href: href('match', { run, key: m.key }) }, 'replay')),
  );
}

/** The paged, filtered list of a run's matches. */
export async function matchesPage(ctx: PageContext): Promise<void> {
  const runs = await ctx.source.runs();
  const run = pickRun(runs, ctx.params.get('run'));
  const game = run.games.find((g) => g === ctx.params.get('game'));
  const agent = run.agents.find((a) => a === ctx.params.get('agent'));
  const status = MATCH_STATUSES.find((s) => s === ctx.params.get('status')) as MatchStatus | undefined;
  const pageNo = Math.max(0, Math.floor(Number(ctx.params.get('page') ?? '0')) || 0);
  const page = await ctx.source.matches({ run: run.id, ...(game ? { game } : {}), ...(agent ? { agent } : {}), ...(status ? { status } : {}), offset: pageNo * PAGE_SIZE, limit: PAGE_SIZE });
  const filters = { run: run.id, game, agent, status };
  const go = (changes: Record<string, string | number | undefined>) => navigate('matches', { ...filters, ...changes });
  const any = { value: '', text: 'any' };
  const last = Math.max(0, Math.ceil(page.total / PAGE_SIZE) - 1);
  append(ctx.root, 
    heading(`Matches — ${run.name}`, `${int(page.total)} matches${game || agent || status ? ' (filtered)' : ''}`),
    el(
      'div',
      { class: 'controls' },
      select('Run', runOptions(runs), run.id, (v) => navigate('matches', { run: v })),
      select('Game', [any, ...run.games.map((g) => ({ value: g, text: g }))], game ?? '', (v) => go({ game: v || undefined, page: undefined }), 'filter-game'),
      select('Agent', [any, ...run.agents.map((a) => ({ value: a, text: a }))], agent ?? '', (v) => go({ agent: v || undefined, page: undefined }), 'filter-agent'),
      select('Status', [any, ...MATCH_STATUSES.map((s) => ({ value: s, text: s }))], status ?? '', (v) => go({ status: v || undefined, page: undefined }), 'filter-status'),
    ),
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        { class: 'board', id: 'matches' },
        el('thead', {}, el('tr', {}, ...['#', 'game', 'seats', 'outcome', 'score', 'tokens', 'spend', 'wall s', ''].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...page.matches.map((m) => row(run.id, m))),
      ),
    ),
    el(
      'div',
      { class: 'pager' },
      el('button', { type: 'button', id: 'page-prev', disabled: pageNo === 0, onClick: () => go({ page: pageNo - 1 || undefined }) }, '← Previous'),
      el('span', { id: 'page-label' }, page.total === 0 ? 'no matches' : `${int(page.offset + 1)}–${int(page.offset + page.matches.length)} of ${int(page.total)}`),
      el('button', { type: 'button', id: 'page-next', disabled: pageNo >= last, onClick: () => go({ page: pageNo + 1 }) }, 'Next →'),
    ),
  );
  ready('matches');
}
