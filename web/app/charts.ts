import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, ScatterController, Title, Tooltip, Legend);
Chart.defaults.animation = false;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = 'system-ui, sans-serif';

/** A colour per series index (colour-blind friendly order). */
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

export function colour(i: number): string {
  return PALETTE[i % PALETTE.length] as string;
}

/**
 * `n` distinct colours: the palette first, then hues spaced by the golden angle at alternating lightness, so no
 * two series share a colour however many agents a chart has.
 */
export function distinctColours(n: number): string[] {
  return Array.from({ length: n }, (_, i) => (i < PALETTE.length ? (PALETTE[i] as string) : `hsl(${Math.round(((i - PALETTE.length) * 137.508 + 20) % 360)}, 70%, ${i % 2 ? 35 : 55}%)`));
}

const live = new Set<Chart>();

/**
 * Draws a chart on a canvas and keeps it until the next page. `points` (the number of data points drawn) is put
 * on the canvas as data-points for tests and readers of the page.
 */
export function draw(canvas: HTMLCanvasElement, config: ChartConfiguration, points: number): Chart {
  canvas.dataset['points'] = String(points);
  const chart = new Chart(canvas, config);
  live.add(chart);
  return chart;
}

/** Destroys every chart of the previous page. */
export function destroyCharts(): void {
  for (const c of live) c.destroy();
  live.clear();
}
