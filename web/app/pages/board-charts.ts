import type { LeaderboardResponse } from '../../shared/api.js';
import { colour, distinctColours, draw } from '../charts.js';
import { finiteRating, num } from '../format.js';
import { canvasBox } from './common.js';

/** The process metrics drawn one chart each. */
export const CHART_METRICS: readonly (readonly [string, string])[] = [
  ['wr', 'WR'],
  ['orr', 'ORR'],
  ['csr', 'CSR'],
  ['beta', 'β'],
  ['obr', 'OBR'],
  ['processScore', 'Process Score'],
];

/** One distinct colour per agent across every chart of the page (by leaderboard order), however many agents. */
function agentColours(board: LeaderboardResponse): (agent: string) => string {
  const names = [...new Set([...board.rows.map((r) => r.agent), ...board.curves.map((c) => c.agent)])];
  const colours = distinctColours(names.length);
  return (agent) => colours[Math.max(0, names.indexOf(agent))] as string;
}

/** The colours a chart gave its agents, on the canvas for readers and tests (data-colours, agent=colour;...). */
function recordColours(canvas: HTMLCanvasElement, agents: readonly string[], hue: (agent: string) => string): void {
  canvas.dataset['colours'] = agents.map((a) => `${a}=${hue(a)}`).join(';');
}

/** Ratings with their 95% intervals: a floating bar [lo, hi] per agent and a point at the estimate. */
function ratingsChart(grid: HTMLElement, board: LeaderboardResponse): void {
  // unbounded ratings (±∞, unlinked) cannot be drawn; the table shows them
  const rows = board.rows.filter((r) => finiteRating(r.rating));
  if (rows.length === 0) return;
  const { box, canvas } = canvasBox('chart-ratings', 'Rating with 95% interval', 'chart wide');
  const end = (x: number | null | undefined, at: number): number => (typeof x === 'number' && Number.isFinite(x) ? x : at);
  grid.append(box);
  draw(
    canvas,
    {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.agent),
        datasets: [
          { type: 'bar', label: '95% interval', data: rows.map((r) => [end(r.rating?.lo, r.rating?.rating ?? 0), end(r.rating?.hi, r.rating?.rating ?? 0)] as [number, number]), backgroundColor: 'rgba(0,114,178,0.35)', borderColor: colour(0), borderWidth: 1 },
          { type: 'line', label: 'rating', data: rows.map((r) => r.rating?.rating ?? 0), showLine: false, pointRadius: 5, pointBackgroundColor: colour(5), borderColor: colour(5) },
        ],
      },
      options: { scales: { y: { title: { display: true, text: `rating (${board.anchor ?? 'anchor'} = 1000)` } } } },
    },
    rows.length,
  );
}

function metricChart(grid: HTMLElement, board: LeaderboardResponse, id: string, label: string): void {
  const rows = board.rows.filter((r) => r.metrics[id]?.value !== null && r.metrics[id] !== undefined);
  if (rows.length === 0) return; // a metric no agent of this scope has (e.g. OBR in a move game): no empty frame
  const { box, canvas } = canvasBox(`chart-metric-${id}`, label);
  const hue = agentColours(board);
  recordColours(canvas, rows.map((r) => r.agent), hue);
  grid.append(box);
  draw(
    canvas,
    {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.agent),
        datasets: [
          { type: 'bar', label, data: rows.map((r) => r.metrics[id]?.value ?? 0), backgroundColor: rows.map((r) => hue(r.agent)), grouped: false, barPercentage: 0.7 },
          {
            type: 'bar',
            label: '95% interval',
            data: rows.map((r) => [r.metrics[id]?.lo ?? 0, r.metrics[id]?.hi ?? 0] as [number, number]),
            backgroundColor: 'rgba(0,0,0,0.10)',
            borderColor: 'rgba(0,0,0,0.55)',
            borderWidth: 1,
            grouped: false,
            barPercentage: 0.35,
          },
        ],
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { afterLabel: (ctx) => `n = ${rows[ctx.dataIndex]?.metrics[id]?.n ?? 0}` } },
        },
        scales: { y: id === 'beta' ? {} : { min: 0, max: 1 } },
      },
    },
    rows.length,
  );
}

/** The paper's figure: ORR against CSR across agents, with Pearson r and n. */
function orrCsrChart(grid: HTMLElement, board: LeaderboardResponse): void {
  const c = board.correlation;
  const caption = `ORR against CSR — Pearson r = ${num(c.r)}${c.p !== null ? ` (p = ${num(c.p, 3)})` : ''}, n = ${c.n}`;
  const rows = board.rows.filter((r) => r.metrics['orr']?.value != null && r.metrics['csr']?.value != null);
  if (rows.length === 0) return;
  const { box, canvas } = canvasBox('chart-orr-csr', caption);
  box.dataset['n'] = String(c.n);
  const hue = agentColours(board);
  recordColours(canvas, rows.map((r) => r.agent), hue);
  grid.append(box);
  draw(
    canvas,
    {
      type: 'scatter',
      data: {
        datasets: rows.map((r) => ({
          label: r.agent,
          data: [{ x: r.metrics['orr']?.value ?? 0, y: r.metrics['csr']?.value ?? 0 }],
          backgroundColor: hue(r.agent),
          pointRadius: 6,
          clip: false,
        })),
      },
      options: { layout: { padding: 8 }, scales: { x: { min: 0, max: 1, title: { display: true, text: 'ORR' } }, y: { min: 0, max: 1, title: { display: true, text: 'CSR' } } } },
    },
    rows.length,
  );
}

/** Mean score by evaluated-round index k, one line per agent. */
function curvesChart(grid: HTMLElement, board: LeaderboardResponse): void {
  if (board.curves.every((c) => c.points.length === 0)) return;
  const { box, canvas } = canvasBox('chart-curves', 'Improvement: mean score by evaluated round k', 'chart wide');
  const maxK = Math.max(0, ...board.curves.flatMap((c) => c.points.map((p) => p.k)));
  const hue = agentColours(board);
  recordColours(canvas, board.curves.map((c) => c.agent), hue);
  grid.append(box);
  draw(
    canvas,
    {
      type: 'line',
      data: {
        labels: Array.from({ length: maxK + 1 }, (_, k) => String(k)),
        datasets: board.curves.map((c) => ({
          label: c.agent,
          data: Array.from({ length: maxK + 1 }, (_, k) => c.points.find((p) => p.k === k)?.mean ?? null),
          borderColor: hue(c.agent),
          backgroundColor: hue(c.agent),
          spanGaps: true,
        })),
      },
      options: { scales: { y: { min: 0, max: 1, title: { display: true, text: 'mean score' } }, x: { title: { display: true, text: 'k' } } } },
    },
    board.curves.reduce((a, c) => a + c.points.length, 0),
  );
}

/** Rating against resource use per match: spend when any was priced, else tokens, else wall time. */
function costChart(grid: HTMLElement, board: LeaderboardResponse): void {
  const rows = board.rows.filter((r) => finiteRating(r.rating));
  if (rows.length === 0) return;
  const measure = (id: string): number[] => rows.map((r) => r.metrics[id]?.value ?? 0);
  const [id, label] = measure('usdPerMatch').some((v) => v > 0)
    ? ['usdPerMatch', 'spend per match (USD)']
    : measure('tokensPerMatch').some((v) => v > 0)
      ? ['tokensPerMatch', 'tokens per match']
      : ['wallMsPerMatch', 'wall ms per match'];
  const { box, canvas } = canvasBox('chart-cost', `Rating against ${label}`);
  const hue = agentColours(board);
  recordColours(canvas, rows.map((r) => r.agent), hue);
  grid.append(box);
  draw(
    canvas,
    {
      type: 'scatter',
      data: {
        datasets: rows.map((r) => ({ label: r.agent, data: [{ x: r.metrics[id]?.value ?? 0, y: r.rating?.rating ?? 0 }], backgroundColor: hue(r.agent), pointRadius: 6, clip: false })),
      },
      options: { scales: { x: { title: { display: true, text: label } }, y: { title: { display: true, text: 'rating' } } } },
    },
    rows.length,
  );
}

/**
 * Draws every leaderboard chart into `grid`, which must already be in the document (chart.js sizes a canvas
 * from its container when it draws).
 */
export function boardCharts(grid: HTMLElement, board: LeaderboardResponse): void {
  ratingsChart(grid, board);
  for (const [id, label] of CHART_METRICS) metricChart(grid, board, id, `${label} by agent`);
  orrCsrChart(grid, board);
  curvesChart(grid, board);
  costChart(grid, board);
}

