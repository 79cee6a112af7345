import { createHash } from 'node:crypto';
import { createAgent, type AgentEnv } from '../agents/registry.js';
import { UsageError } from '../errors.js';
import type { PlannedMatch, Store } from '../store/store.js';
import type { MoveMatchSpec, PlanMatchSpec, SeatSpec, TraceEvent } from '../trace/events.js';
import type { RegressSuite } from './regress-config.js';
import { checkAgents } from './check-agents.js';
import { playPending, withManifest, type Recorded } from './run.js';
import type { RunInputs } from '../manifest/manifest.js';

/** A played regression run: who replaced whom, and the traces the verdict is computed from (metrics/regression-report.ts). */
export interface RegressionRun {
  readonly runId: string;
  readonly baseline: string;
  readonly target: string;
  readonly candidate: string;
  readonly candidateSpec: string;
  /** The baseline run's completed traces of the replayed matches, and the candidate run's traces. */
  readonly baseTraces: readonly TraceEvent[][];
  readonly candidateTraces: readonly TraceEvent[][];
  /** The baseline matches the candidate was to play (a sequential run: those planned before it stopped). */
  readonly planned: number;
  /** The baseline's matches of the target (a sequential run may stop before playing them all). */
  readonly available: number;
}

/** A sequential run's check after each batch: whether the verdict is decided (the analysis layer answers it). */
export type RegressionDecide = (traces: { readonly target: string; readonly candidate: string; readonly baseTraces: readonly TraceEvent[][]; readonly candidateTraces: readonly TraceEvent[][] }) => {
  readonly done: boolean;
  readonly reason: string;
};

export interface RegressOptions {
  readonly quiet?: boolean;
  readonly signal?: AbortSignal;
  readonly workers?: number;
  /**
   * Sequential early stop: the baseline's matches are planned and played `batch` at a time, in the baseline's
   * order, and `decide` is asked after each batch; the run stops once it says done. Re-running replays the same
   * checks on the stored results, so it stops at the same batch (or continues an interrupted one).
   */
  readonly sequential?: { readonly batch: number; readonly decide: RegressionDecide };
}

/** The protocol settings of an agent spec (undefined for agents without any, or specs that cannot be built here). */
function protocolOf(spec: string, env: AgentEnv, family: 'plan' | 'move'): Readonly<Record<string, string | number | boolean>> | undefined {
  try {
    return createAgent(spec, env.models !== undefined ? { models: env.models } : {}, family).protocol;
  } catch {
    return undefined;
  }
}

/**
 * Plays the candidate on the baseline run's matches of the target agent (same keys, seeds, opponents, sides and
 * settings). Resumable like a tournament; the verdict is judged over the returned traces and stored with
 * `recordRegression`.
 */
export async function playRegression(
  store: Store,
  suite: RegressSuite,
  baselineRun: string,
  candidate: string,
  env: AgentEnv,
  options: RegressOptions = {},
): Promise<RegressionRun> {
  const base = store.getRun(baselineRun);
  if (!base) throw new UsageError(`unknown baseline run '${baselineRun}'; runs: ${store.listRuns().map((r) => r.name).join(', ') || '(none)'}`);
  // The candidate is a suite agent, an agent of the baseline run, or else an agent spec string.
  const baseAgents = (JSON.parse(base.config_json) as { agents?: { name: string; spec: string }[] }).agents ?? [];
  const named = suite.agents[candidate] ?? baseAgents.find((a) => a.name === candidate)?.spec;
  const candidateSpec = named ?? candidate;
  const candidateName = named !== undefined ? candidate : candidate.replace(/[^A-Za-z0-9._-]+/g, '_');
  const baseMatches = store.matches(base.id, { status: 'completed' }).filter((m) => m.agent0 === suite.target || m.agent1 === suite.target);
  if (baseMatches.length === 0) {
    throw new UsageError(`baseline run '${base.name}' has no completed match of agent '${suite.target}'`);
  }
  const replace = (seat: SeatSpec): SeatSpec => (seat.name === suite.target ? { side: seat.side, agent: candidateSpec, name: candidateName } : seat);
  const planned: PlannedMatch[] = baseMatches.map((m, i) => {
    const spec = JSON.parse(m.spec_json) as PlanMatchSpec | MoveMatchSpec;
    const seats = [replace(spec.seats[0]), replace(spec.seats[1])] as const;
    return { key: m.match_key, ord: i, game: m.game, family: m.family as 'plan' | 'move', agents: [seats[0].name, seats[1].name], seed: m.seed, spec: { ...spec, seats } };
  });
  // How the candidate is asked is part of who it is: the same spec with another protocol (models file) is another run.
  const candidateProtocol = protocolOf(candidateSpec, env, planned[0]?.family ?? 'move');
  const identity = { baseline: base.id, target: suite.target, candidate: candidateSpec, gates: suite.gates, ...(candidateProtocol === undefined ? {} : { candidateProtocol }) };
  const hash = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
  const runId = `${suite.name ?? 'regress'}-${base.name}-${candidateName}-${hash.slice(0, 6)}`;
  // The candidate must be able to play every one of the target's games (and its model be reachable) before any
  // match is played: a candidate that cannot play them is a usage error, never "0 matches, no regression".
  const done = new Set(store.getRun(runId) ? store.matches(runId, { status: 'completed' }).map((m) => m.match_key) : []);
  checkAgents(planned, env, (m) => !done.has(m.key));
  if (!store.getRun(runId)) store.createRun({ id: runId, name: runId, kind: 'regress', config: { ...identity, suite }, configHash: hash, seed: suite.seed });
  const keys = new Set<string>();
  const baseByKey = new Map<string, TraceEvent[]>();
  const collect = (): { baseTraces: TraceEvent[][]; candidateTraces: TraceEvent[][] } => {
    if (baseByKey.size === 0) {
      for (const events of store.traces(base.id, { completedOnly: true })) {
        const start = events[0];
        if (start?.type === 'match_start') baseByKey.set(start.matchId, events);
      }
    }
    return { baseTraces: [...baseByKey.entries()].filter(([k]) => keys.has(k)).map(([, e]) => e), candidateTraces: [...store.traces(runId)] };
  };
  const inputs = (): RunInputs => ({
    config: { ...identity, suite },
    seed: suite.seed,
    agentSpecs: [...new Set(planned.flatMap((p) => (p.spec as PlanMatchSpec | MoveMatchSpec).seats.map((seat) => seat.agent)))],
    matches: planned,
    models: env.models,
    cache: (env.cache as { mode?: string } | undefined)?.mode ?? 'off',
  });
  const play = (recorded: Recorded) =>
    playPending(store, runId, { env, recorded, ...(options.quiet ? { quiet: true } : {}), ...(options.signal ? { signal: options.signal } : {}), ...(options.workers ? { workers: options.workers } : {}) }, suite.workers !== undefined ? { workers: suite.workers } : {});
  const sequential = options.sequential;
  let count = planned.length;
  if (!sequential) {
    store.planMatches(runId, planned);
    await withManifest(store, runId, inputs, env, play);
  } else {
    const batch = Math.max(1, Math.floor(sequential.batch));
    await withManifest(store, runId, inputs, env, async (recorded) => {
      for (count = Math.min(batch, planned.length); ; count = Math.min(count + batch, planned.length)) {
        store.planMatches(runId, planned.slice(0, count));
        for (const p of planned.slice(0, count)) keys.add(p.key);
        await play(recorded);
        if (options.signal?.aborted || store.pendingMatches(runId).length > 0) return;
        if (count >= planned.length || sequential.decide({ target: suite.target, candidate: candidateName, ...collect() }).done) return;
      }
    });
  }
  for (const p of planned.slice(0, count)) keys.add(p.key);
  const { baseTraces, candidateTraces } = collect();
  return { runId, baseline: base.name, target: suite.target, candidate: candidateName, candidateSpec, baseTraces, candidateTraces, planned: count, available: planned.length };
}

/** Stores a regression run's verdict as its metadata and closes the run (completed when no match is pending). */
export function recordRegression(store: Store, run: RegressionRun, verdict: { readonly regression: boolean; readonly verdicts: readonly unknown[] }): void {
  const { runId, baseline, candidate, candidateSpec, target } = run;
  store.setRunMeta(runId, { baseline, candidate, candidateSpec, target, regression: verdict.regression, verdicts: verdict.verdicts });
  store.setRunStatus(runId, store.pendingMatches(runId).length === 0 ? 'completed' : 'incomplete');
}
