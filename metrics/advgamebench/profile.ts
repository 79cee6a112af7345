import type { TraceEvent } from '../../arena/trace/events.js';
import { percentileInterval } from '../stats/intervals.js';
import { IndexSampler } from '../stats/sampler.js';
import type { Estimate } from '../types.js';
import { blockStats, combineInto } from './blocks.js';
import { AGB_METRICS, fileBudget, fileMetrics, keptRows, slashNames, type AgbMetricId, type FileMetrics } from './evaluator.js';
import { exportAdvgamebench, type AgbExportOptions } from './export.js';
import { agbFilePath, slashWarning, type AgbFile } from './layout.js';

/** One line of the evaluator's model_metrics.csv for one game, with n and bootstrap intervals added. */
export interface AgbModelMetrics {
  /** Game folder (the evaluator runs per game). */
  readonly game: string;
  readonly model: string;
  /** (role, tag) files averaged (up to 4). */
  readonly files: number;
  readonly metrics: Readonly<Record<AgbMetricId, Estimate>>;
}

export interface AgbReport {
  readonly profile: 'advgamebench';
  readonly seed: number;
  readonly bootstrap: number;
  readonly models: readonly AgbModelMetrics[];
  readonly warnings: readonly string[];
  /** Matches not exported to rows (traces only), by reason. */
  readonly skipped: Readonly<Record<string, number>>;
}

export interface AgbProfileOptions {
  /** Bootstrap seed (default 1). */
  readonly seed?: number;
  /** Bootstrap replicates (default 1000). */
  readonly bootstrap?: number;
}

/** n of each metric: kept rows, or the pairs/corrections it is a fraction of. */
function countFor(id: AgbMetricId, m: FileMetrics): number {
  if (id === 'correction_rate') return Math.max(m.n - 1, 0);
  if (id === 'correction_success_rate') return m.corr;
  return m.n;
}

interface FileResult {
  readonly file: AgbFile;
  readonly point: FileMetrics;
  /** Replicates, replicate-major, one column per AGB_METRICS entry. */
  readonly replicates: Float64Array;
}

/**
 * Point values exactly as the evaluator computes them; intervals from a bootstrap over matches: each file's
 * blocks (matches) are resampled with replacement, kept in file order and concatenated, and the replicate of a
 * model is the mean of its files' replicates.
 */
function evaluateFile(file: AgbFile, seed: number, B: number): FileResult {
  const budget = fileBudget(file);
  const { kept, blocks } = keptRows(file);
  const point = fileMetrics(kept, budget);
  const stats = blockStats(kept, blocks, budget);
  const sampler = new IndexSampler(seed, file.game, file.role, file.tag, file.model);
  const replicates = new Float64Array(B * AGB_METRICS.length);
  const counts = new Int32Array(blocks);
  const order = new Int32Array(blocks);
  for (let b = 0; b < B; b++) {
    counts.fill(0);
    for (let i = 0; i < blocks; i++) {
      const pick = sampler.index(blocks);
      counts[pick] = (counts[pick] as number) + 1;
    }
    let at = 0;
    for (let i = 0; i < blocks; i++) for (let c = counts[i] as number; c > 0; c--) order[at++] = i;
    combineInto(stats, order, at, replicates, b * AGB_METRICS.length);
  }
  return { file, point, replicates };
}

/** The advgamebench profile on files of the reference layout (from traces via the export, or read from CSVs). */
export function advgamebenchProfile(files: readonly AgbFile[], options: AgbProfileOptions = {}, skipped: Readonly<Record<string, number>> = {}, warnings: readonly string[] = []): AgbReport {
  const seed = options.seed ?? 1;
  const B = options.bootstrap ?? 1000;
  const byModel = new Map<string, FileResult[]>();
  const notes = new Set(warnings);
  // Files in path order, so the mean over files does not depend on the order they were found in.
  const sorted = [...files].sort((a, b) => (agbFilePath(a) < agbFilePath(b) ? -1 : agbFilePath(a) > agbFilePath(b) ? 1 : 0));
  for (const file of sorted) {
    for (const name of slashNames(file)) notes.add(slashWarning(name));
    const key = JSON.stringify([file.game, file.model]);
    const list = byModel.get(key) ?? [];
    list.push(evaluateFile(file, seed, B));
    byModel.set(key, list);
  }
  const models = [...byModel.keys()].sort().map((key) => {
    const [game, model] = JSON.parse(key) as [string, string];
    const results = byModel.get(key) as FileResult[];
    const metrics = {} as Record<AgbMetricId, Estimate>;
    AGB_METRICS.forEach((id, j) => {
      const value = results.reduce((a, r) => a + r.point[id], 0) / results.length;
      const reps = new Float64Array(B);
      for (let b = 0; b < B; b++) {
        let s = 0;
        for (const r of results) s += r.replicates[b * AGB_METRICS.length + j] as number;
        reps[b] = s / results.length;
      }
      const [lo, hi] = percentileInterval(reps, value);
      metrics[id] = { value, n: results.reduce((a, r) => a + countFor(id, r.point), 0), lo, hi, method: 'bootstrap' };
    });
    return { game, model, files: results.length, metrics };
  });
  return { profile: 'advgamebench', seed, bootstrap: B, models, warnings: [...notes].sort(), skipped };
}

/** Traces → rows in the evaluator's CSV layout (the export) → the evaluator's computation on those rows. */
export function advgamebenchFromTraces(matches: readonly (readonly TraceEvent[])[], options: AgbProfileOptions & AgbExportOptions = {}): AgbReport {
  const exported = exportAdvgamebench(matches, options);
  return advgamebenchProfile(exported.files, options, exported.skipped, exported.warnings);
}
