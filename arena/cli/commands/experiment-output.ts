import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExperimentCell } from '../../../metrics/experiment.js';
import { experimentHtml, experimentSvg } from '../../../web/charts/experiment.js';
import { experimentTable } from './experiment-table.js';

/**
 * Writes an experiment's chart (SVG), report (HTML) and raw numbers (JSON) into `outDir` and prints the table, the
 * verdicts and where the files went. Infinity (a ratio where PAV needs no compute at all) is not JSON: it is
 * written as the string "Infinity".
 */
export async function writeExperimentOutputs(outDir: string, title: string, cells: readonly ExperimentCell[], verdictLines: readonly string[], report: unknown): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const svg = join(outDir, 'experiment-prm.svg');
  const json = join(outDir, 'experiment-prm.json');
  const html = join(outDir, 'experiment-prm.html');
  const chart = experimentSvg(cells, title);
  const verdicts = verdictLines.join('\n');
  await writeFile(svg, chart);
  await writeFile(json, `${JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v), 2)}\n`);
  await writeFile(html, experimentHtml(title, experimentTable(cells), chart, verdicts));
  process.stdout.write(`${title}\n${experimentTable(cells)}${verdicts}\nchart: ${svg}; report: ${html}; data: ${json}\n`);
}

/** A progress line on stderr each time another tenth of the rounds (game g of every cell) has been played. */
export function roundProgress(unit: string): (played: number, total: number) => void {
  let shown = 0;
  return (played, total) => {
    const tenth = Math.floor((10 * played) / total);
    if (tenth <= shown) return;
    shown = tenth;
    process.stderr.write(`  ${played}/${total} ${unit} played in every cell\n`);
  };
}
