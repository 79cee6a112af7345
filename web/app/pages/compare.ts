import { ALL_GAMES, type BoardRow, type LeaderboardResponse, type RunInfo } from '../../shared/api.js';
import { append, el, select } from '../dom.js';
import { num, ratingText } from '../format.js';
import { navigate } from '../router.js';
import { heading, pickRun, ready, runOptions, type PageContext } from './common.js';

function verdicts(run: RunInfo): HTMLElement {
  const meta = run.regression;
  if (!meta) return el('p', {}, 'No verdicts.');
  const failed = meta.verdicts.filter((v) => v.regression).length;
  return el(
    'section',
    { id: 'verdicts' },
    el('h2', {}, `Regression verdicts — ${run.name}`),
    el(
      'p',
      { class: failed ? 'bad' : 'good', id: 'verdict-summary' },
      `candidate ${meta.candidate}${meta.target ? ` in place of ${meta.target}` : ''}, against baseline run ${meta.baseline}: ${failed ? `${failed} regression${failed > 1 ? 's' : ''}` : 'no regression'}`,
    ),
    el(
      'table',
      { class: 'board' },
      el('thead', {}, el('tr', {}, ...['metric', 'better', 'baseline', 'candidate', 'difference', '95% interval', 'tolerance', 'n', 'verdict'].map((h) => el('th', {}, h)))),
      el(
        'tbody',
        {},
        ...meta.verdicts.map((v) =>
          el(
            'tr',
            { class: v.regression ? 'regression' : 'ok', dataset: { metric: v.metric } },
            el('td', { class: 'text' }, v.metric),
            el('td', { class: 'text' }, v.better ?? ''),
            el('td', { class: 'num' }, num(v.baseline, 3)),
            el('td', { class: 'num' }, num(v.candidate, 3)),
            el('td', { class: 'num' }, num(v.diff, 3)),
            el('td', { class: 'num' }, `[${num(v.lo, 3)}, ${num(v.hi, 3)}]`),
            el('td', { class: 'num' }, num(v.tolerance, 3)),
            el('td', { class: 'num' }, v.n !== undefined ? String(v.n) : ''),
            el('td', { class: 'text verdict' }, v.regression ? 'REGRESSION' : 'ok'),
          ),
        ),
      ),
    ),
  );
}

const COMPARED = [
  ['wr', 'WR'],
  ['csr', 'CSR'],
  ['orr', 'ORR'],
  ['processScore', 'PS'],
] as const;

function side(rows: readonly BoardRow[], agent: string): BoardRow | undefined {
  return rows.find((r) => r.agent === agent);
}

function diff(a: number | null | undefined, b: number | null | undefined, digits: number): string {
  return a === null || a === undefined || b === null || b === undefined ? '—' : `${b - a >= 0 ? '+' : ''}${(b - a).toFixed(digits)}`;
}

function sideBySide(a: LeaderboardResponse, b: LeaderboardResponse): HTMLTableElement {
  const agents = [...new Set([...a.rows.map((r) => r.agent), ...b.rows.map((r) => r.agent)])];
  const heads = ['agent', `rating A`, `rating B`, 'Δ', ...COMPARED.flatMap(([, l]) => [`${l} A`, `${l} B`, 'Δ'])];
  return el(
    'table',
    { class: 'board', id: 'compare-table' },
    el('thead', {}, el('tr', {}, ...heads.map((h) => el('th', {}, h)))),
    el(
      'tbody',
      {},
      ...agents.map((agent) => {
        const x = side(a.rows, agent);
        const y = side(b.rows, agent);
        return el(
          'tr',
          { dataset: { agent } },
          el('td', { class: 'text' }, agent),
          el('td', { class: 'num' }, ratingText(x?.rating ?? null)),
          el('td', { class: 'num' }, ratingText(y?.rating ?? null)),
          el('td', { class: 'num' }, x?.rating?.unbounded === undefined && y?.rating?.unbounded === undefined ? diff(x?.rating?.rating, y?.rating?.rating, 0) : '—'),
          ...COMPARED.flatMap(([id]) => {
            const u = x?.metrics[id]?.value;
            const v = y?.metrics[id]?.value;
            return [el('td', { class: 'num' }, num(u)), el('td', { class: 'num' }, num(v)), el('td', { class: 'num' }, diff(u, v, 2))];
          }),
        );
      }),
    ),
  );
}

/** A regression run's verdicts, and any two runs' leaderboards side by side. */
export async function comparePage(ctx: PageContext): Promise<void> {
  const runs = await ctx.source.runs();
  const regress = runs.runs.filter((r) => r.regression !== null);
  const shown = regress.find((r) => r.id === ctx.params.get('verdicts')) ?? regress[0];
  // A regression run holds the candidate's matches: by default it is compared with its baseline run.
  const baseline = shown ? runs.runs.find((r) => r.id === shown.regression?.baseline || r.name === shown.regression?.baseline) : undefined;
  const a = pickRun(runs, ctx.params.get('a') ?? baseline?.id ?? runs.runs[1]?.id ?? null);
  const b = pickRun(runs, ctx.params.get('b') ?? (baseline ? shown?.id : undefined) ?? runs.runs[0]?.id ?? null);
  const [boardA, boardB] = await Promise.all([ctx.source.leaderboard(a.id, ALL_GAMES), ctx.source.leaderboard(b.id, ALL_GAMES)]);
  const params = { a: a.id, b: b.id, verdicts: shown?.id };
  append(ctx.root, 
    heading('Compare runs', regress.length ? `${regress.length} regression run${regress.length > 1 ? 's' : ''} in the store` : 'no regression runs in the store: compare any two runs'),
    regress.length > 1 ? el('div', { class: 'controls' }, select('Regression run', regress.map((r) => ({ value: r.id, text: r.name })), shown?.id ?? '', (v) => navigate('compare', { ...params, verdicts: v }))) : null,
    shown ? verdicts(shown) : null,
    el('h2', {}, 'Leaderboards side by side'),
    el(
      'div',
      { class: 'controls' },
      select('Run A', runOptions(runs), a.id, (v) => navigate('compare', { ...params, a: v }), 'compare-a'),
      select('Run B', runOptions(runs), b.id, (v) => navigate('compare', { ...params, b: v }), 'compare-b'),
    ),
    el('div', { class: 'table-wrap' }, sideBySide(boardA, boardB)),
  );
  ready('compare');
}
