import { createHash } from 'node:crypto';
import { extractRecords } from '../../metrics/steps/extract.js';
import { regressionVerdicts, type Verdict } from '../../metrics/regression.js';
import type { AgentEnv } from '../agents/registry.js';
import { UsageError } from '../errors.js';
import type { PlannedMatch, Store } from '../store/store.js';
import type { MoveMatchSpec, PlanMatchSpec, SeatSpec, TraceEvent } from '../trace/events.js';
import type { RegressSuite } from './regress-config.js';
import { playPending } from './run.js';

export interface RegressResult {
  readonly runId: string;
  readonly baseline: string;
  readonly target: string;
  readonly candidate: string;
  readonly candidateSpec: string;
  readonly verdicts: readonly Verdict[];
  readonly regression: boolean;
  readonly matches: number;
}

/**
 * Plays the candidate on the baseline run's matches of the target agent (same keys, seeds, opponents, sides and
 * settings), then applies the regression verdict of METRICS.md to each gate. Resumable like a tournament.
 */
export async function runRegression(
  store: Store,
  suite: RegressSuite,
  baselineRun: string,
  candidate: string,
  env: AgentEnv,
  options: { quiet?: boolean; signal?: AbortSignal; workers?: number } = {},
): Promise<RegressResult> {
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
  const identity = { baseline: base.id, target: suite.target, candidate: candidateSpec, gates: suite.gates };
  const hash = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
  const runId = `${suite.name ?? 'regress'}-${base.name}-${candidateName}-${hash.slice(0, 6)}`;
  if (!store.getRun(runId)) store.createRun({ id: runId, name: runId, kind: 'regress', config: { ...identity, suite }, configHash: hash, seed: suite.seed });
  store.planMatches(runId, planned);
  await playPending(store, runId, { env, ...(options.quiet ? { quiet: true } : {}), ...(options.signal ? { signal: options.signal } : {}), ...(options.workers ? { workers: options.workers } : {}) }, suite.workers !== undefined ? { workers: suite.workers } : {});
  const keys = new Set(planned.map((p) => p.key));
  const baseTraces: TraceEvent[][] = [];
  for (const events of store.traces(base.id, { completedOnly: true })) {
    const start = events[0];
    if (start?.type === 'match_start' && keys.has(start.matchId)) baseTraces.push(events);
  }
  const candTraces = [...store.traces(runId)];
  const baseRecords = extractRecords(baseTraces).records.filter((r) => r.agent === suite.target);
  const candRecords = extractRecords(candTraces).records.filter((r) => r.agent === candidateName);
  const verdicts = regressionVerdicts(baseRecords, candRecords, suite.gates, { bootstrap: suite.bootstrap, seed: suite.seed });
  const regression = verdicts.some((v) => v.regression);
  const result: RegressResult = { runId, baseline: base.name, target: suite.target, candidate: candidateName, candidateSpec, verdicts, regression, matches: candRecords.length };
  store.setRunMeta(runId, { baseline: base.name, candidate: candidateName, candidateSpec, target: suite.target, regression, verdicts });
  store.setRunStatus(runId, store.pendingMatches(runId).length === 0 ? 'completed' : 'incomplete');
  return result;
}
