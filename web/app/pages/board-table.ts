import type { BoardRow } from '../../shared/api.js';
import { el, replace } from '../dom.js';
import { digitsOf, int, interval, num, ratingInterval, ratingText, usd } from '../format.js';
import { href } from '../router.js';

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
export function boardColumns(run: string): Column[] {
  return [
    { id: 'agent', label: 'Agent', value: (r) => r.agent, cell: (r) => [el('a', { href: href('agent', { run, agent: r.agent }) }, r.agent)] },
    {
      id: 'rating',
      label: 'Rating',
      title: 'Bradley–Terry rating with its 95% bootstrap interval (±∞ or unlinked where maximum likelihood does not exist)',
      value: (r) => (r.rating?.unbounded === 'above' ? Infinity : r.rating?.unbounded === 'below' ? -Infinity : r.rating?.unbounded === 'unlinked' ? null : (r.rating?.rating ?? null)),
      cell: (r) => [ratingText(r.rating), el('span', { class: 'ci' }, ` ${ratingInterval(r.rating)}`)],
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
 * second click reverses. Rank (#) stays the rating order.
 */
export function boardTable(rows: readonly BoardRow[], run: string): HTMLTableElement {
  const columns = boardColumns(run);
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
          el('td', { class: 'num' }, String(rank.get(r.agent) ?? '')),
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
  return el('table', { class: 'board', id: 'board' }, el('thead', {}, el('tr', {}, el('th', {}, '#'), ...heads)), tbody);
}
