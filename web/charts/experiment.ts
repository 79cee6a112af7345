import type { ExperimentCell } from '../../metrics/experiment.js';

const W = 900;
const H = 440;
const M = { left: 64, right: 330, top: 40, bottom: 56 };
const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A self-contained SVG of win rate (with 95% Wilson intervals) against verifier CPU ms per decision on a log2
 * axis, one line per guided scorer (its compute-free n = 1 cell is left out); unguided scorers are dashed
 * horizontal lines with their interval shaded.
 */
export function experimentSvg(cells: readonly ExperimentCell[], title: string): string {
  const guided = cells.filter((c) => c.compute > 0);
  const flat = cells.filter((c) => c.compute === 0);
  const xs = guided.map((c) => Math.log2(c.compute));
  const x0 = Math.floor(Math.min(0, ...xs));
  const x1 = Math.ceil(Math.max(x0 + 1, ...xs));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const px = (compute: number): number => M.left + ((Math.log2(compute) - x0) / (x1 - x0)) * pw;
  const py = (rate: number): number => M.top + (1 - rate) * ph;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="22" font-size="14" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let r = 0; r <= 10; r += 2) {
    const y = py(r / 10);
    out.push(`<line x1="${M.left}" y1="${y}" x2="${M.left + pw}" y2="${y}" stroke="#ddd"/>`, `<text x="${M.left - 8}" y="${y + 4}" text-anchor="end">${(r / 10).toFixed(1)}</text>`);
  }
  for (let e = x0; e <= x1; e++) {
    const x = M.left + ((e - x0) / (x1 - x0)) * pw;
    out.push(`<line x1="${x}" y1="${M.top}" x2="${x}" y2="${M.top + ph}" stroke="#eee"/>`, `<text x="${x}" y="${M.top + ph + 18}" text-anchor="middle">${2 ** e}</text>`);
  }
  out.push(
    `<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`,
    `<text x="${M.left + pw / 2}" y="${H - 14}" text-anchor="middle">verifier CPU ms per decision (rollouts or inferences, measured; log scale)</text>`,
    `<text x="16" y="${M.top + ph / 2}" text-anchor="middle" transform="rotate(-90 16 ${M.top + ph / 2})">win rate vs opponent (95% Wilson)</text>`,
  );
  const names = [...new Set(cells.map((c) => c.scorer))];
  names.forEach((name, i) => {
    const color = COLORS[i % COLORS.length] as string;
    const ly = M.top + 14 + i * 20;
    const series = guided.filter((c) => c.scorer === name).sort((a, b) => a.compute - b.compute);
    // a guided scorer's n = 1 cell spends no verifier compute; only scorers that are never guided get a level line
    const level = series.length === 0 ? flat.find((c) => c.scorer === name) : undefined;
    if (level) {
      const y = py(level.winRate);
      out.push(`<line x1="${M.left}" y1="${y}" x2="${M.left + pw}" y2="${y}" stroke="${color}" stroke-dasharray="6 4" stroke-width="2"/>`);
      out.push(`<rect x="${M.left}" y="${py(level.high)}" width="${pw}" height="${py(level.low) - py(level.high)}" fill="${color}" opacity="0.08"/>`);
    }
    if (series.length > 0) {
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${series.map((c) => `${px(c.compute).toFixed(1)},${py(c.winRate).toFixed(1)}`).join(' ')}"/>`);
      for (const c of series) {
        const x = px(c.compute).toFixed(1);
        out.push(`<line x1="${x}" y1="${py(c.low).toFixed(1)}" x2="${x}" y2="${py(c.high).toFixed(1)}" stroke="${color}"/>`);
        out.push(`<circle cx="${x}" cy="${py(c.winRate).toFixed(1)}" r="3.5" fill="${color}"><title>${esc(`${name} n=${c.budget}: ${c.winRate.toFixed(3)} [${c.low.toFixed(3)}, ${c.high.toFixed(3)}], ${c.compute.toFixed(3)} CPU ms, ${c.simulations.toFixed(1)} rollouts or inferences per decision`)}</title></circle>`);
      }
    }
    const lx = M.left + pw + 14;
    out.push(level && series.length === 0 ? `<line x1="${lx}" y1="${ly}" x2="${lx + 22}" y2="${ly}" stroke="${color}" stroke-dasharray="6 4" stroke-width="2"/>` : `<line x1="${lx}" y1="${ly}" x2="${lx + 22}" y2="${ly}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${lx + 28}" y="${ly + 4}">${esc(name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/**
 * The experiment as one self-contained web page: title, the verdicts (compute ratios at ORM's plateau), the chart
 * and the table of every cell.
 */
export function experimentHtml(title: string, table: string, svg: string, verdicts: string): string {
  return [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>`,
    '<style>body{font-family:sans-serif;margin:24px;max-width:1100px}pre{background:#f6f6f6;padding:12px;overflow-x:auto}</style></head><body>',
    `<h1>${esc(title)}</h1>`,
    `<pre>${esc(verdicts)}</pre>`,
    svg,
    `<pre>${esc(table)}</pre>`,
    '</body></html>',
    '',
  ].join('\n');
}
