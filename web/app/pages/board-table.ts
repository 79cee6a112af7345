import type { Estimate } from '../../../metrics/types.js';
import type { BoardRow, RankRange } from '../../shared/api.js';
import { el, replace } from '../dom.js';
import { digitsOf, finiteRating, int, interval, num, ratingInterval, ratingText, usd } from '../format.js';
import { href } from '../router.js';

/** "1", or "1–3" when overlapping intervals leave the rank open; "—" for an agent without a rating. */
export function rankText(range: RankRange | null): string {
  if (!range) return '—';
  return range.best === range.worst ? String(range.best) : `${range.best}–${range.worst}`;
}

/** The span of every finite rating interval of the table, so the bars of one table share a scale. */
function ratingScale(rows: readonly BoardRow[]): { min: number; max: number } {
  const ends = rows.filter((r) => finiteRating(r.rating)).flatMap((r) => [r.rating?.lo, r.rating?.hi, r.rating?.rating]);
  const finite = ends.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return finite.length === 0 ? { min: 0, max: 1 } : max > min ? { min, max } : { min: min - 50, max: max + 50 };
}

/**
 * The rating's interval drawn as a bar on the table's common scale, with a tick at the estimate; an end that
 * diverged runs to the edge of the scale.
 */
function intervalBar(r: BoardRow, scale: { min: number; max: number }): HTMLElement | null {
  if (!finiteRating(r.rating)) return null;
  const at = (x: number | null | undefined, edge: number): number => {
    const v = typeof x === 'number' && Number.isFinite(x) ? x : edge;
    return Math.max(0, Math.min(100, ((v - scale.min) / (scale.max - scale.min)) * 100));
  };
  const left = at(r.rating.lo, scale.min);
  const right = at(r.rating.hi, scale.max);
  const span = el('span', { class: 'ci-span' });
  span.style.left = `${left}%`;
  span.style.width = `${Math.max(0.5, right - left)}%`;
  const tick = el('span', { class: 'ci-tick' });
  tick.style.left = `${at(r.rating.rating, scale.min)}%`;
  return el('span', { class: 'ci-bar', title: `95% interval ${ratingInterval(r.rating)}`, dataset: { lo: left.toFixed(2), hi: right.toFixed(2) } }, span, tick);
}

/** A cost estimate with its interval (tokens whole, dollars to 4 decimals). */
export function costCell(e: Estimate | undefined, dollars: boolean): (string | Node)[] {
  if (!e || e.value === null) return [el('span', { class: 'na' }, '—')];
  const f = (x: number | null): string => (x === null ? '?' : dollars ? usd(x) : int(x));
  // nothing spent in any match (built-in agents): every resample is 0, so there is no interval to show
  if (e.value === 0 && e.lo === 0 && e.hi === 0) return [f(0), el('span', { class: 'ci' }, ' (none spent)')];
  return [f(e.value), el('span', { class: 'ci' }, ` [${f(e.lo)}, ${f(e.hi)}]`)];
}

/** A leaderboard column: its header, the value it sorts by (null sorts last) and how a cell reads. */
interface Column {
  readonly id: string;
  readonly label: string;
  readonly title?: string;
  readonly value: (r: BoardRow) => number | string | null;
  readonly cell: (r: BoardRow) => (string | Node)[];
}

function metricColumn(id: string, label: string, title: string): Column {
  return {
    id,
    label,
    title,
    value: (r) => r.metrics[id]?.value ?? null,
    cell: (r) => {
      const e = r.metrics[id];
      if (!e || e.value === null) return [el('span', { class: 'na', title: e ? `undefined (n = ${e.n})` : 'not measured' }, '—')];
      return [num(e.value, digitsOf(id)), el('span', { class: 'ci', title: `95% interval, n = ${e.n}` }, ` ${interval(e, digitsOf(id))}`)];
    },
  };
}

/** The headline columns, as in `arena leaderboard`. */
export function boardColumns(run: string, scale: { min: number; max: number } = { min: 0, max: 1 }): Column[] {
  return [
    {
      id: 'agent',
      label: 'Agent',
      value: (r) => r.agent,
      cell: (r) => [el('a', { href: href('agent', { run, agent: r.agent }) }, r.agent), r.protocol === undefined ? '' : el('span', { class: 'protocol', title: 'protocol: how the model was asked' }, r.protocol)],
    },
    {
      id: 'rating',
      label: 'Rating',
      title: 'Bradley–Terry rating with its 95% bootstrap interval (±∞ or unlinked where maximum likelihood does not exist)',
      value: (r) => (r.rating?.unbounded === 'above' ? Infinity : r.rating?.unbounded === 'below' ? -Infinity : r.rating?.unbounded === 'unlinked' ? null : (r.rating?.rating ?? null)),
      cell: (r) => [ratingText(r.rating), el('span', { class: 'ci' }, ` ${ratingInterval(r.rating)}`), intervalBar(r, scale) ?? ''],
    },
    metricColumn('wr', 'WR', 'win rate over evaluated rounds'),
    metricColumn('orr', 'ORR', 'over-correction risk rate: revisions / opportunities'),
    metricColumn('csr', 'CSR', 'correction success rate: successful revisions / revisions'),
    metricColumn('beta', 'β', 'improvement slope of score on evaluated-round index'),
    metricColumn('obr', 'OBR', 'over-budget ratio of evaluated rounds'),
    metricColumn('truncationRate', 'Trunc', 'truncation rate: model replies cut off at the token limit / model calls'),
    metricColumn('processScore', 'Process Score', 'mean of WR, CSR, 1 − OBR and the β term'),
    { id: 'tokens', label: 'Tokens', value: (r) => r.tokens, cell: (r) => [int(r.tokens)] },
    { id: 'spend', label: 'Spend', value: (r) => r.spendUsd, cell: (r) => [usd(r.spendUsd)] },
    { id: 'matches', label: 'Matches', value: (r) => r.matches, cell: (r) => [int(r.matches)] },
  ];
}

function compare(a: number | string | null, b: number | string | null, dir: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' || typeof b === 'string') return String(a).localeCompare(String(b)) * dir;
  return (a - b) * dir;
}

/**
 * The sortable leaderboard table: clicking a header sorts by it (numbers high to low first, names A to Z), a
 * second click reverses. The rank range (#) stays with its agent.
 */
export function boardTable(rows: readonly BoardRow[], run: string): HTMLTableElement {
  const columns = boardColumns(run, ratingScale(rows));
  const rank = new Map(rows.map((r, i) => [r.agent, i + 1]));
  let sortBy = 'rating';
  let dir: 1 | -1 = -1;
  const tbody = el('tbody');
  const heads = columns.map((c) =>
    el(
      'th',
      { dataset: { col: c.id }, ...(c.title !== undefined ? { title: c.title } : {}) },
      el('button', { type: 'button', class: 'sort', onClick: () => sort(c.id) }, c.label),
    ),
  );
  const render = (): void => {
    const col = columns.find((c) => c.id === sortBy) ?? columns[1];
    const sorted = col ? [...rows].sort((a, b) => compare(col.value(a), col.value(b), dir) || (rank.get(a.agent) ?? 0) - (rank.get(b.agent) ?? 0)) : [...rows];
    heads.forEach((th, i) => {
      const active = columns[i]?.id === sortBy;
      th.setAttribute('aria-sort', active ? (dir === 1 ? 'ascending' : 'descending') : 'none');
    });
    replace(
      tbody,
      ...sorted.map((r) =>
        el(
          'tr',
          { dataset: { agent: r.agent } },
          el('td', { class: 'num rank', dataset: { col: 'rank' } }, rankText(r.rank)),
          ...columns.map((c) => {
            const v = c.value(r);
            return el('td', { class: typeof v === 'string' ? 'text' : 'num', dataset: { col: c.id, sort: v === null ? '' : String(v) } }, ...c.cell(r));
          }),
        ),
      ),
    );
  };
  const sort = (id: string): void => {
    if (sortBy === id) dir = dir === 1 ? -1 : 1;
    else {
      sortBy = id;
      dir = id === 'agent' ? 1 : -1;
    }
    render();
  };
  render();
  const rankHead = el('th', { title: 'rank range: agents whose 95% rating intervals overlap share ranks' }, '#');
  return el('table', { class: 'board', id: 'board' }, el('thead', {}, el('tr', {}, rankHead, ...heads)), tbody);
}
