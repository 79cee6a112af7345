import { MATCH_SORTS, MATCH_STATUSES, type MatchSort, type MatchStatus, type MatchSummary, type RunInfo } from '../../shared/api.js';
import { csvText } from '../csv.js';
import { append, el, select } from '../dom.js';
import { download, fileName } from '../download.js';
import { int, num, usd } from '../format.js';
import { href, navigate } from '../router.js';
import { allMatches } from '../source.js';
import { heading, pickRun, ready, runOptions, type PageContext } from './common.js';
import { refreshWhileRunning, runProgress } from './live.js';

const PAGE_SIZE = 50;

/** The parameters the match list understands; anything else is reported, never silently ignored. */
export const LIST_PARAMS = ['run', 'game', 'agent', 'status', 'sort', 'page'] as const;

const SORT_TEXT: Readonly<Record<MatchSort, string>> = { planned: 'planned order', newest: 'newest finished', tokens: 'most tokens', wall: 'longest wall time' };

function outcome(m: MatchSummary): string {
  if (m.status !== 'completed') return m.status === 'error' ? `error (${m.errorReason ?? 'unknown'})` : 'planned';
  if (m.winner === null) return 'draw';
  return `${m.agents[m.winner] ?? '?'} won`;
}

/** What tells two matches of the same pair apart: each seat's role and who revises first (plan games), or who moves first. */
export function settingText(m: MatchSummary): string {
  if (m.roles) return `${m.agents[0]} as ${m.roles[0]}, ${m.agents[1]} as ${m.roles[1]}${m.reviseFirst !== null ? `; ${m.agents[m.reviseFirst]} revises first` : ''}`;
  return `${m.agents[0]} moves first`;
}

/** The list's filters as a query string, carried by replay links so "← Matches" returns to the same list. */
export function listQuery(filters: Readonly<Record<string, string | number | undefined>>): string {
  return href('matches', filters).replace(/^#\/matches\??/, '');
}

function row(run: string, m: MatchSummary, list: string, replayable: boolean): HTMLTableRowElement {
  return el(
    'tr',
    { dataset: { key: m.key, status: m.status } },
    el('td', { class: 'num' }, String(m.ord)),
    el('td', { class: 'text' }, m.game),
    el('td', { class: 'text' }, `${m.agents[0]} vs ${m.agents[1]}`),
    el('td', { class: 'text setting' }, settingText(m)),
    el('td', { class: `text status-${m.status}` }, outcome(m)),
    el('td', { class: 'num' }, m.scores ? `${num(m.scores[0])} – ${num(m.scores[1])}` : '—'),
    el('td', { class: 'num' }, int(m.tokens)),
    el('td', { class: 'num' }, usd(m.costUsd)),
    el('td', { class: 'num' }, num(m.wallMs / 1000, 1)),
    el(
      'td',
      { class: 'text' },
      m.status === 'planned' ? '' : replayable ? el('a', { class: 'replay-link', href: href('match', { run, key: m.key, list }) }, 'replay') : el('span', { class: 'muted no-replay', title: 'this export holds no trace for this match' }, 'no trace exported'),
    ),
  );
}

const CSV_HEADER = ['ord', 'key', 'game', 'agent0', 'agent1', 'role0', 'role1', 'revise_first', 'status', 'error_reason', 'winner', 'score0', 'score1', 'tokens', 'cost_usd', 'wall_ms', 'finished_at', 'seed'];

function csvRow(m: MatchSummary): (string | number | null)[] {
  return [m.ord, m.key, m.game, m.agents[0], m.agents[1], m.roles?.[0] ?? null, m.roles?.[1] ?? null, m.reviseFirst === null ? null : m.agents[m.reviseFirst], m.status, m.errorReason, m.winner === null ? null : m.agents[m.winner] ?? null, m.scores?.[0] ?? null, m.scores?.[1] ?? null, m.tokens, m.costUsd, m.wallMs, m.finishedAt, m.seed];
}

/** Filter values the run does not have and parameters the page does not know, as one message each. */
function filterProblems(params: URLSearchParams, run: RunInfo): string[] {
  const problems: string[] = [];
  for (const key of new Set(params.keys())) if (!(LIST_PARAMS as readonly string[]).includes(key)) problems.push(`unknown parameter '${key}' (the match list takes ${LIST_PARAMS.join(', ')})`);
  const check = (name: string, allowed: readonly string[]) => {
    const v = params.get(name);
    if (v !== null && v !== '' && !allowed.includes(v)) problems.push(`no ${name} '${v}' in run '${run.name}'; choices: ${allowed.join(', ') || '(none)'}`);
  };
  check('game', run.games);
  check('agent', run.agents);
  check('status', MATCH_STATUSES);
  check('sort', MATCH_SORTS);
  const page = params.get('page');
  if (page !== null && !/^\d{1,7}$/.test(page)) problems.push(`page must be a whole number, not '${page}'`);
  return problems;
}

/** The paged, filtered, sorted list of a run's matches; filters, sort and page live in the URL. */
export async function matchesPage(ctx: PageContext): Promise<void> {
  const runs = await ctx.source.runs();
  const run = pickRun(runs, ctx.params.get('run'));
  const problems = filterProblems(ctx.params, run);
  const game = run.games.find((g) => g === ctx.params.get('game'));
  const agent = run.agents.find((a) => a === ctx.params.get('agent'));
  const status = MATCH_STATUSES.find((s) => s === ctx.params.get('status')) as MatchStatus | undefined;
  const sort = MATCH_SORTS.find((s) => s === ctx.params.get('sort')) as MatchSort | undefined;
  const query = { run: run.id, ...(game ? { game } : {}), ...(agent ? { agent } : {}), ...(status ? { status } : {}), ...(sort && sort !== 'planned' ? { sort } : {}) };
  const asked = Math.max(0, Math.floor(Number(ctx.params.get('page') ?? '0')) || 0);
  let page = await ctx.source.matches({ ...query, offset: asked * PAGE_SIZE, limit: PAGE_SIZE });
  const last = Math.max(0, Math.ceil(page.total / PAGE_SIZE) - 1);
  // A page past the end (an old link, a shrunk filter) shows the last page, and says so.
  const pageNo = Math.min(asked, last);
  if (pageNo !== asked) page = await ctx.source.matches({ ...query, offset: pageNo * PAGE_SIZE, limit: PAGE_SIZE });
  const replayable = await ctx.source.replayable(run.id);
  const filters = { run: run.id, game, agent, status, sort: sort && sort !== 'planned' ? sort : undefined };
  const list = listQuery({ ...filters, page: pageNo || undefined });
  const go = (changes: Record<string, string | number | undefined>) => navigate('matches', { ...filters, ...changes });
  const any = { value: '', text: 'any' };
  const filtered = Boolean(game || agent || status);
  document.title = `Matches — ${run.name} — Game Arena`;
  const downloads = el(
    'span',
    { class: 'downloads' },
    'Download this list: ',
    el('button', { type: 'button', id: 'download-csv', onClick: () => void allMatches(ctx.source, query).then((rows) => download(fileName(`matches-${run.name}`, 'csv'), 'text/csv', csvText(CSV_HEADER, rows.map(csvRow)))) }, 'CSV'),
    ' ',
    el('button', { type: 'button', id: 'download-json', onClick: () => void allMatches(ctx.source, query).then((rows) => download(fileName(`matches-${run.name}`, 'json'), 'application/json', `${JSON.stringify({ run: run.id, filters: query, matches: rows }, null, 2)}\n`)) }, 'JSON'),
  );
  append(
    ctx.root,
    heading(`Matches — ${run.name}`, `${int(page.total)} matches${filtered ? ' (filtered)' : ''}, ${SORT_TEXT[sort ?? 'planned']}`),
    runProgress(run),
    problems.length
      ? el('div', { class: 'error', id: 'filter-error' }, el('p', {}, `This list cannot be shown as asked: ${problems.join('; ')}.`), el('a', { href: href('matches', { run: run.id }) }, 'Show all matches of this run'))
      : null,
    el(
      'div',
      { class: 'controls' },
      select('Run', runOptions(runs), run.id, (v) => navigate('matches', { run: v })),
      select('Game', [any, ...run.games.map((g) => ({ value: g, text: g }))], game ?? '', (v) => go({ game: v || undefined, page: undefined }), 'filter-game'),
      select('Agent', [any, ...run.agents.map((a) => ({ value: a, text: a }))], agent ?? '', (v) => go({ agent: v || undefined, page: undefined }), 'filter-agent'),
      select('Status', [any, ...MATCH_STATUSES.map((s) => ({ value: s, text: s }))], status ?? '', (v) => go({ status: v || undefined, page: undefined }), 'filter-status'),
      select('Sort', MATCH_SORTS.map((s) => ({ value: s, text: SORT_TEXT[s] })), sort ?? 'planned', (v) => go({ sort: v === 'planned' ? undefined : v, page: undefined }), 'match-sort'),
      problems.length ? null : downloads,
    ),
    problems.length
      ? null
      : el(
          'div',
          { class: 'table-wrap' },
          el(
            'table',
            { class: 'board', id: 'matches' },
            el('thead', {}, el('tr', {}, ...['#', 'game', 'seats', 'setting', 'outcome', 'score', 'tokens', 'spend', 'wall s', ''].map((h) => el('th', {}, h)))),
            el('tbody', {}, ...page.matches.map((m) => row(run.id, m, list, replayable(m)))),
          ),
        ),
    pageNo !== asked ? el('p', { class: 'notes', id: 'page-clamped' }, `Page ${int(asked + 1)} is past the end of this list; showing the last page.`) : null,
    problems.length
      ? null
      : el(
          'div',
          { class: 'pager' },
          el('button', { type: 'button', id: 'page-prev', disabled: pageNo === 0, onClick: () => go({ page: pageNo - 1 || undefined }) }, '← Previous'),
          el('span', { id: 'page-label' }, page.total === 0 ? 'no matches' : `${int(page.offset + 1)}–${int(page.offset + page.matches.length)} of ${int(page.total)}`),
          el('button', { type: 'button', id: 'page-next', disabled: pageNo >= last, onClick: () => go({ page: pageNo + 1 }) }, 'Next →'),
        ),
  );
  refreshWhileRunning(ctx, run);
  ready('matches');
}
