import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { ExperimentsResponse, ExperimentView } from '../shared/api.js';

const cell = z.object({
  scorer: z.string(),
  budget: z.number(),
  games: z.number(),
  wins: z.number(),
  draws: z.number(),
  losses: z.number(),
  winRate: z.number(),
  low: z.number(),
  high: z.number(),
  compute: z.number(),
  simulations: z.number(),
  search: z.string().nullable().optional(),
  base: z.string().nullable().optional(),
});

/** The parts of `arena experiment prm`'s JSON the page reads (older files name one `base` instead of `bases`). */
const report = z.object({
  game: z.string(),
  family: z.string().optional(),
  bases: z.array(z.string()).optional(),
  base: z.string().optional(),
  opponent: z.string(),
  cells: z.array(cell).min(1),
  comparisons: z.array(z.object({ verdict: z.string() })),
});

/**
 * Reads experiment reports written by `arena experiment prm` (experiment-prm.json) for the web report's
 * Experiments page. A file that cannot be read or is not such a report is an error naming the file and the first
 * problem, in one line.
 */
export async function loadExperiments(files: readonly string[]): Promise<ExperimentsResponse> {
  const experiments: ExperimentView[] = [];
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new Error(`experiment '${file}': ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    const r = report.safeParse(parsed);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new Error(`experiment '${file}' is not an 'arena experiment prm' report: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    const v = r.data;
    experiments.push({
      name: basename(file),
      game: v.game,
      family: v.family ?? 'move',
      bases: v.bases ?? (v.base !== undefined ? [v.base] : []),
      opponent: v.opponent,
      cells: v.cells.map((c) => ({ ...c, search: c.search ?? null, base: c.base ?? null })),
      verdicts: v.comparisons.map((c) => c.verdict),
    });
  }
  return { experiments };
}
