import type { TraceEvent } from '../arena/trace/events.js';
import { evaluateSums, METRIC_IDS, PROCESS_SCORE, RATIO_METRICS, type Family } from './definitions.js';
import { bootstrapSums, column } from './stats/bootstrap.js';
import { percentileInterval, wilsonInterval } from './stats/intervals.js';
import { IndexSampler } from './stats/sampler.js';
import { extractRecords } from './steps/extract.js';
import { STAT_COUNT, type AgentMatchRecord } from './steps/record.js';
import { DEFAULT_WEIGHTS, type Estimate, type ExcludedCounts, type MetricsOptions, type ProcessWeights } from './types.js';

/** An agent's metrics in one game. */
export interface GameMetrics {
  readonly agent: string;
  readonly game: string;
  readonly family: Family;
  readonly matches: number;
  /** By metric id (see METRIC_IDS), only the metrics defined for the game's family. */
  readonly metrics: Readonly<Record<string, Estimate>>;
}

/** An agent's metrics over all its games: per-game values first, then their unweighted mean. */
export interface AgentMetrics {
  readonly agent: string;
  readonly games: readonly string[];
  readonly matches: number;
  readonly metrics: Readonly<Record<string, Estimate>>;
}

export interface MetricsReport {
  readonly profile: 'default';
  readonly seed: number;
  readonly bootstrap: number;
  readonly weights: ProcessWeights;
  readonly blunderThreshold: number;
  readonly included: number;
  readonly excluded: ExcludedCounts;
  readonly games: readonly GameMetrics[];
  readonly agents: readonly AgentMetrics[];
}

interface Group {
  readonly result: GameMetrics;
  /** Bootstrap replicates, replicate-major, one column per metric id. */
  readonly replicates: Float64Array;
}

const WIDTH = METRIC_IDS.length;

function compareRecords(a: AgentMatchRecord, b: AgentMatchRecord): number {
  if (a.matchId !== b.matchId) return a.matchId < b.matchId ? -1 : 1;
  for (let k = 0; k < STAT_COUNT; k++) if (a.stats[k] !== b.stats[k]) return (a.stats[k] as number) - (b.stats[k] as number);
  return 0;
}

function estimate(value: number, n: number, replicates: Float64Array, method: 'bootstrap' | 'wilson', wilson?: [number, number]): Estimate {
  if (Number.isNaN(value)) return { value: null, n, lo: null, hi: null, method };
  const [lo, hi] = wilson ?? percentileInterval(replicates, value);
  return { value, n, lo, hi, method };
}

/** One (agent, game) group: records sorted canonically so neither values nor intervals depend on match order. */
function computeGroup(agent: string, game: string, list: AgentMatchRecord[], seed: number, B: number, weights: ProcessWeights): Group {
  list.sort(compareRecords);
  const rows = list.length;
  const data = new Float64Array(rows * STAT_COUNT);
  const sums = new Float64Array(STAT_COUNT);
  list.forEach((r, i) => {
    data.set(r.stats, i * STAT_COUNT);
    for (let k = 0; k < STAT_COUNT; k++) sums[k] = (sums[k] as number) + (r.stats[k] as number);
  });
  const evaluate = (s: Float64Array, out: Float64Array): void => evaluateSums(s, out, weights);
  const point = new Float64Array(WIDTH);
  evaluate(sums, point);
  const replicates = bootstrapSums(data, rows, STAT_COUNT, B, new IndexSampler(seed, agent, game), evaluate, WIDTH);
  const family = (list[0] as AgentMatchRecord).family;
  const metrics: Record<string, Estimate> = {};
  RATIO_METRICS.forEach((m, j) => {
    if (!m.families.includes(family)) return;
    const n = sums[m.n] as number;
    const wilson = m.interval === 'wilson' ? wilsonInterval(sums[m.num] as number, sums[m.den] as number) : undefined;
    metrics[m.id] = estimate(point[j] as number, n, column(replicates, WIDTH, j), m.interval, wilson);
  });
  metrics[PROCESS_SCORE.id] = estimate(point[WIDTH - 1] as number, rows, column(replicates, WIDTH, WIDTH - 1), 'bootstrap');
  return { result: { agent, game, family, matches: rows, metrics }, replicates };
}

/**
 * Mean over an agent's games of each per-game value (games where it is defined), with its own bootstrap: each
 * replicate is the mean of the games' replicates (matches resampled within each game).
 */
function aggregateAgent(agent: string, groups: readonly Group[]): AgentMetrics {
  const metrics: Record<string, Estimate> = {};
  METRIC_IDS.forEach((id, j) => {
    const defined = groups.filter((g) => g.result.metrics[id]?.value !== null && g.result.metrics[id] !== undefined);
    if (!groups.some((g) => g.result.metrics[id] !== undefined)) return;
    if (defined.length === 0) {
      metrics[id] = { value: null, n: 0, lo: null, hi: null, method: 'bootstrap', games: 0 };
      return;
    }
    const n = defined.reduce((a, g) => a + (g.result.metrics[id]?.n ?? 0), 0);
    const value = defined.reduce((a, g) => a + (g.result.metrics[id]?.value as number), 0) / defined.length;
    const B = (defined[0] as Group).replicates.length / WIDTH;
    const reps = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (const g of defined) s += g.replicates[b * WIDTH + j] as number;
      reps[b] = s / defined.length;
    }
    const [lo, hi] = percentileInterval(reps, value);
    metrics[id] = { value, n, lo, hi, method: 'bootstrap', games: defined.length };
  });
  return {
    agent,
    games: groups.map((g) => g.result.game),
    matches: groups.reduce((a, g) => a + g.result.matches, 0),
    metrics,
  };
}

/** An agent seated on both sides of a match (self-play) gives one record: the bootstrap resamples whole matches. */
function mergeSelfPlay(records: readonly AgentMatchRecord[]): AgentMatchRecord[] {
  const at = new Map<string, number>();
  const out: AgentMatchRecord[] = [];
  for (const r of records) {
    const key = JSON.stringify([r.agent, r.game, r.matchId]);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(r);
      continue;
    }
    // Stats are additive sums; the 'match' column then counts both seats, each seat being a trial of its own.
    const stats = Float64Array.from((out[i] as AgentMatchRecord).stats);
    for (let k = 0; k < STAT_COUNT; k++) stats[k] = (stats[k] as number) + (r.stats[k] as number);
    out[i] = { ...(out[i] as AgentMatchRecord), stats };
  }
  return out;
}

/** Metrics per (agent, game) and per agent from per-agent match records (the store can feed these directly). */
export function computeFromRecords(records: readonly AgentMatchRecord[], options: MetricsOptions = {}, included = 0, excluded: ExcludedCounts = {}): MetricsReport {
  const seed = options.seed ?? 1;
  const B = options.bootstrap ?? 1000;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const byKey = new Map<string, AgentMatchRecord[]>();
  for (const r of mergeSelfPlay(records)) {
    const key = JSON.stringify([r.agent, r.game]);
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const keys = [...byKey.keys()].sort();
  const groups = keys.map((key) => {
    const [agent, game] = JSON.parse(key) as [string, string];
    return computeGroup(agent, game, byKey.get(key) as AgentMatchRecord[], seed, B, weights);
  });
  const agentNames = [...new Set(groups.map((g) => g.result.agent))];
  return {
    profile: 'default',
    seed,
    bootstrap: B,
    weights,
    blunderThreshold: options.blunderThreshold ?? 0.2,
    included,
    excluded,
    games: groups.map((g) => g.result),
    agents: agentNames.map((a) => aggregateAgent(a, groups.filter((g) => g.result.agent === a))),
  };
}

/** The default profile over match traces (one event array per match). Error and incomplete matches are counted, not scored. */
export function computeMetrics(matches: readonly (readonly TraceEvent[])[], options: MetricsOptions = {}): MetricsReport {
  const { records, included, excluded } = extractRecords(matches, options.blunderThreshold ?? 0.2);
  return computeFromRecords(records, options, included, excluded);
}
