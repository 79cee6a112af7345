import type { ChartDataset } from 'chart.js';
import type { ExperimentCellView, ExperimentView } from '../../shared/api.js';
import { distinctColours, draw } from '../charts.js';
import { append, el } from '../dom.js';
import { canvasBox, heading, ready, type PageContext } from './common.js';

type Point = { x: number; y: number | null };

/**
 * One experiment's chart: win rate against verifier CPU ms per decision (log2 axis), a line per guided scorer with
 * its 95% intervals as vertical bars; an unguided scorer (no compute) is a dashed level line. Each scorer's n = 1
 * cell spends no compute and is left out, as in the SVG the CLI writes.
 */
function experimentChart(box: HTMLElement, x: ExperimentView, index: number): void {
  const { box: figure, canvas } = canvasBox(`experiment-chart-${index}`, 'Win rate (95% Wilson) against verifier CPU ms per decision', 'chart wide');
  box.append(figure);
  const names = [...new Set(x.cells.map((c) => c.scorer))];
  const colours = distinctColours(names.length);
  const guided = x.cells.filter((c) => c.compute > 0);
  const xs = guided.map((c) => Math.log2(c.compute));
  const lo = Math.floor(Math.min(0, ...xs));
  const hi = Math.ceil(Math.max(lo + 1, ...xs));
  const datasets: ChartDataset<'line', Point[]>[] = [];
  let points = 0;
  names.forEach((name, i) => {
    const colour = colours[i] as string;
    const series = guided.filter((c) => c.scorer === name).sort((a, b) => a.compute - b.compute);
    if (series.length === 0) {
      const level = x.cells.find((c) => c.scorer === name) as ExperimentCellView;
      datasets.push({ label: name, data: [{ x: lo, y: level.winRate }, { x: hi, y: level.winRate }], borderColor: colour, backgroundColor: colour, borderDash: [6, 4], pointRadius: 0 });
      points++;
      return;
    }
    datasets.push({ label: name, data: series.map((c) => ({ x: Math.log2(c.compute), y: c.winRate })), borderColor: colour, backgroundColor: colour, pointRadius: 3 });
    // the intervals: one vertical segment a cell, separated by gaps
    datasets.push({ label: `${name} (95% interval)`, data: series.flatMap((c) => [{ x: Math.log2(c.compute), y: c.low }, { x: Math.log2(c.compute), y: c.high }, { x: Math.log2(c.compute), y: null }]), borderColor: colour, pointRadius: 0, borderWidth: 1, spanGaps: false });
    points += series.length;
  });
  draw(
    canvas,
    {
      type: 'line',
      data: { datasets },
      options: {
        parsing: false,
        scales: {
          x: { type: 'linear', min: lo, max: hi, title: { display: true, text: 'verifier CPU ms per decision (log scale)' }, ticks: { stepSize: 1, callback: (v) => String(2 ** Number(v)) } },
          y: { min: 0, max: 1, title: { display: true, text: 'win rate against the opponent' } },
        },
        plugins: { legend: { position: 'bottom', labels: { filter: (item) => !item.text.endsWith('(95% interval)') } } },
      },
    },
    points,
  );
}

function cellsTable(x: ExperimentView, index: number): HTMLElement {
  const head = ['scorer', 'search', 'n', 'games', 'W-D-L', 'win rate', '95% Wilson', 'verifier CPU ms/decision', 'simulations/decision'];
  return el(
    'table',
    { class: 'data', id: `experiment-table-${index}` },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))),
    el(
      'tbody',
      {},
      ...x.cells.map((c) =>
        el(
          'tr',
          {},
          el('td', {}, c.scorer),
          el('td', {}, c.search ?? ''),
          el('td', {}, c.budget),
          el('td', {}, c.games),
          el('td', {}, `${c.wins}-${c.draws}-${c.losses}`),
          el('td', {}, c.winRate.toFixed(3)),
          el('td', {}, `[${c.low.toFixed(3)}, ${c.high.toFixed(3)}]`),
          el('td', {}, c.compute.toFixed(4)),
          el('td', {}, c.simulations.toFixed(1)),
        ),
      ),
    ),
  );
}

/**
 * The PRM experiments given to `arena report --experiment` or `arena serve --experiment`: for each, the chart of
 * win rate against compute, the PAV-versus-ORM verdicts (compute ratio at ORM's best) and every cell.
 */
export async function experimentsPage(ctx: PageContext): Promise<void> {
  const { experiments } = await ctx.source.experiments();
  append(ctx.root, heading('PRM experiments', 'PAV-guided, ORM-guided and unguided play: win rate against the verifier compute spent per decision (arena experiment prm)'));
  if (experiments.length === 0) {
    append(ctx.root, el('p', { class: 'empty', id: 'no-experiments' }, 'No experiment in this report. Pass the JSON that arena experiment prm writes with --experiment FILE to arena report or arena serve.'));
    ready('experiments');
    return;
  }
  experiments.forEach((x, i) => {
    const section = el('section', { class: 'experiment', id: `experiment-${i}` }, el('h2', {}, `${x.game}: ${x.bases.join(' / ')} against ${x.opponent}`), el('p', { class: 'sub' }, `${x.name} · ${x.family} game · ${x.cells.length} cells`));
    const charts = el('div', { class: 'charts' });
    section.append(charts);
    append(ctx.root, section);
    experimentChart(charts, x, i);
    section.append(el('ul', { class: 'verdicts' }, ...x.verdicts.map((v) => el('li', {}, v))), cellsTable(x, i));
  });
  ready('experiments');
}
