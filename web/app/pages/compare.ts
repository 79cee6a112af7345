import { ALL_GAMES, type BoardRow, type CompareResponse, type LeaderboardResponse, type RunInfo, type RunsResponse } from '../../shared/api.js';
import { append, el, select } from '../dom.js';
import { interval, num, ratingInterval, ratingText } from '../format.js';
import { navigate } from '../router.js';
import { defaultRun, heading, pickRun, ready, runOptions, type PageContext } from './common.js';

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
      'div',
      { class: 'table-wrap' },
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
    ),
  );
}

function signed(x: number | null, digits = 3): string {
  return x === null ? '—' : `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
}

/** B − A on every metric the verdict can gate, each difference with its 95% interval and what it says. */
function comparisonTable(c: CompareResponse): HTMLElement {
  const rows = c.comparison.rows;
  const reading = (r: (typeof rows)[number]): string => {
    if (r.lo === null || r.hi === null) return 'undefined';
    const worse = r.better === 'higher' ? r.hi < -r.tolerance : r.lo > r.tolerance;
    const better = r.better === 'higher' ? r.lo > r.tolerance : r.hi < -r.tolerance;
    return worse ? 'B worse' : better ? 'B better' : 'no clear difference';
  };
  return el(
    'table',
    { class: 'board', id: 'compare-agents' },
    el('thead', {}, el('tr', {}, ...['metric', 'better', 'A', 'B', 'B − A', '95% interval', 'tolerance', 'reading'].map((h) => el('th', {}, h)))),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el(
          'tr',
          { class: reading(r) === 'B worse' ? 'regression' : 'ok', dataset: { metric: r.metric } },
          el('td', { class: 'text' }, c.labels[r.metric] ?? r.metric),
          el('td', { class: 'text' }, r.better),
          el('td', { class: 'num' }, num(r.a, 3)),
          el('td', { class: 'num' }, num(r.b, 3)),
          el('td', { class: 'num diff' }, signed(r.diff)),
          el('td', { class: 'num ci-cell' }, r.lo === null ? '—' : `[${signed(r.lo)}, ${signed(r.hi)}]`),
          el('td', { class: 'num' }, num(r.tolerance, 3)),
          el('td', { class: 'text verdict' }, reading(r)),
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

/** Each run's own values with their intervals (differences between runs, with intervals, are in the comparison above). */
function sideBySide(a: LeaderboardResponse, b: LeaderboardResponse): HTMLTableElement {
  const agents = [...new Set([...a.rows.map((r) => r.agent), ...b.rows.map((r) => r.agent)])];
  const heads = ['agent', 'rating A', 'rating B', ...COMPARED.flatMap(([, l]) => [`${l} A`, `${l} B`])];
  const value = (row: BoardRow | undefined, id: string) => {
    const e = row?.metrics[id];
    return el('td', { class: 'num' }, num(e?.value), e && e.value !== null ? el('span', { class: 'ci' }, ` ${interval(e)}`) : null);
  };
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
          el('td', { class: 'num' }, ratingText(x?.rating ?? null), el('span', { class: 'ci' }, ` ${ratingInterval(x?.rating ?? null)}`)),
          el('td', { class: 'num' }, ratingText(y?.rating ?? null), el('span', { class: 'ci' }, ` ${ratingInterval(y?.rating ?? null)}`)),
          ...COMPARED.flatMap(([id]) => [value(x, id), value(y, id)]),
        );
      }),
    ),
  );
}

/** The default pair: a regression run's candidate against the agent it replaced in the baseline run; else two agents of the default run. */
function defaults(runs: RunsResponse, shown: RunInfo | undefined): { runA: RunInfo; agentA: string; runB: RunInfo; agentB: string } {
  const meta = shown?.regression;
  const baseline = meta ? runs.runs.find((r) => r.id === meta.baseline || r.name === meta.baseline) : undefined;
  if (shown && meta && baseline) return { runA: baseline, agentA: meta.target ?? meta.candidate, runB: shown, agentB: meta.candidate };
  const run = defaultRun(runs);
  if (!run) throw new Error('the results store has no runs yet');
  return { runA: run, agentA: run.agents[0] ?? '', runB: run, agentB: run.agents[1] ?? run.agents[0] ?? '' };
}

/** A regression run's verdicts, a candidate against the agent it replaced (intervals on every difference), and two runs side by side. */
export async function comparePage(ctx: PageContext): Promise<void> {
  const runs = await ctx.source.runs();
  const regress = runs.runs.filter((r) => r.regression !== null);
  const shown = regress.find((r) => r.id === ctx.params.get('verdicts')) ?? regress[0];
  const d = defaults(runs, shown);
  const runA = pickRun(runs, ctx.params.get('a') ?? d.runA.id);
  const runB = pickRun(runs, ctx.params.get('b') ?? d.runB.id);
  const agentA = ctx.params.get('agentA') ?? (runA.id === d.runA.id ? d.agentA : (runA.agents[0] ?? ''));
  const agentB = ctx.params.get('agentB') ?? (runB.id === d.runB.id ? d.agentB : (runB.agents[0] ?? ''));
  const [boardA, boardB, comparison] = await Promise.all([
    ctx.source.leaderboard(runA.id, ALL_GAMES),
    ctx.source.leaderboard(runB.id, ALL_GAMES),
    runA.agents.includes(agentA) && runB.agents.includes(agentB) ? ctx.source.compare(runA.id, agentA, runB.id, agentB) : Promise.resolve(null),
  ]);
  const params = { a: runA.id, b: runB.id, agentA, agentB, verdicts: shown?.id };
  const agentOptions = (run: RunInfo) => run.agents.map((a) => ({ value: a, text: a }));
  const same = runA.id === runB.id && agentA === agentB;
  append(
    ctx.root,
    heading('Compare', regress.length ? `${regress.length} regression run${regress.length > 1 ? 's' : ''} in the store` : 'no regression runs in the store: compare any two agents or runs'),
    regress.length > 1 ? el('div', { class: 'controls' }, select('Regression run', regress.map((r) => ({ value: r.id, text: r.name })), shown?.id ?? '', (v) => navigate('compare', { verdicts: v }))) : null,
    shown ? verdicts(shown) : null,
    el('h2', { id: 'compare-title' }, shown && shown.id === runB.id && shown.regression ? `Candidate ${agentB} against ${agentA}, the agent it replaced` : `${agentB} (${runB.name}) against ${agentA} (${runA.name})`),
    el(
      'div',
      { class: 'controls' },
      select('Run A', runOptions(runs), runA.id, (v) => navigate('compare', { ...params, a: v, agentA: undefined }), 'compare-a'),
      select('Agent A', agentOptions(runA), agentA, (v) => navigate('compare', { ...params, agentA: v }), 'compare-agent-a'),
      select('Run B', runOptions(runs), runB.id, (v) => navigate('compare', { ...params, b: v, agentB: undefined }), 'compare-b'),
      select('Agent B', agentOptions(runB), agentB, (v) => navigate('compare', { ...params, agentB: v }), 'compare-agent-b'),
    ),
    same ? el('p', { class: 'bad', id: 'same-warning' }, `A and B are the same agent (${agentA}) in the same run (${runA.name}): every difference is 0 by construction. Pick another agent or run.`) : null,
    comparison
      ? el(
          'p',
          { class: 'caption', id: 'compare-method' },
          `B − A on every metric a regression gate can use, with the regression verdict’s definitions (same metrics, directions and tolerances): ${comparison.comparison.method === 'paired' ? `a paired percentile bootstrap over the ${comparison.comparison.n} matches both played (same seeds and opponents)` : `an unpaired percentile bootstrap (the two share no match: ${comparison.comparison.nA} and ${comparison.comparison.nB} matches resampled separately)`}, B = ${comparison.bootstrap}, seed ${comparison.seed}. “B worse” means the whole 95% interval lies beyond the tolerance on the worse side.`,
        )
      : el('p', { class: 'caption', id: 'compare-method' }, 'This comparison is not in the static export (it holds each regression run’s candidate against the agent it replaced); `arena serve` compares any pair.'),
    comparison ? el('div', { class: 'table-wrap' }, comparisonTable(comparison)) : null,
    el('h2', {}, 'Leaderboards side by side'),
    el('p', { class: 'caption' }, 'Each run’s own values with their 95% intervals (across games).'),
    el('div', { class: 'table-wrap' }, sideBySide(boardA, boardB)),
  );
  ready('compare');
}
