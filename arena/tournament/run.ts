import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { AgentEnv } from '../agents/registry.js';
import { buildManifest, foldMatches, parseManifest, type RunInputs } from '../manifest/manifest.js';
import { StoreResponseCache } from '../store/response-cache.js';
import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { TraceEvent } from '../trace/events.js';
import type { TournamentConfig } from './config.js';
import { executeMatch, failureTrace, outcomeOf, type MatchJob } from './execute.js';
import { checkAgents } from './check-agents.js';
import { MatchPool } from './pool.js';
import { createProgress, type ProgressState } from './progress.js';
import { scheduleTournament } from './schedule.js';

export interface TournamentOptions {
  readonly store: Store;
  readonly env: AgentEnv;
  readonly quiet?: boolean;
  readonly signal?: AbortSignal;
  /** Worker threads for CPU-bound matches (default: the config's, else the number of cores). */
  readonly workers?: number;
  /** Run kind recorded in the store ('tournament' or 'regress'). */
  readonly kind?: string;
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface TournamentResult {
  readonly runId: string;
  readonly planned: number;
  readonly played: number;
  readonly progress: ProgressState;
}

/** A stable hash of the config: a run resumes only under the same config. */
export function configHash(config: TournamentConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
}

/** True when a match needs the network (LLM seats): those run in this thread under the endpoint limits. */
function networkBound(job: MatchJob): boolean {
  // `llm:...` as the seat's agent or nested anywhere in it, e.g. `prm:base=(llm:m),n=8`
  return job.spec.seats.some((s) => /(^|[(=,])llm(:|$)/.test(s.agent));
}

/**
 * Plays a tournament into the store. Re-running the same config resumes: completed matches are kept, planned,
 * in-flight and infrastructure-error matches are (re)played, and nothing is duplicated (matches are keyed).
 */
export async function runTournament(config: TournamentConfig, options: TournamentOptions): Promise<TournamentResult> {
  const { store } = options;
  const hash = configHash(config);
  const existing = store.getRun(config.name);
  if (existing && existing.config_hash !== hash) {
    throw new UsageError(`run '${config.name}' already exists in ${store.path} with a different config; give the tournament a new name (name: in the config) to start a new run`);
  }
  const runId = existing?.id ?? config.name;
  const planned = scheduleTournament(config);
  // Every agent must be buildable for the games it plays, and every model it calls reachable with a key, before
  // anything is stored or played: a bad spec or an unset key variable is a usage error, not a run of errors.
  const done = new Set(existing ? store.matches(runId, { status: 'completed' }).map((m) => m.match_key) : []);
  checkAgents(planned, options.env, (m) => !done.has(m.key));
  if (!existing) store.createRun({ id: runId, name: config.name, kind: options.kind ?? 'tournament', config, configHash: hash, seed: config.seed, meta: options.meta ?? {} });
  else store.setRunStatus(runId, 'running');
  store.planMatches(runId, planned);
  const { played, progress } = await withManifest(
    store,
    runId,
    () => ({ config, seed: config.seed, agentSpecs: config.agents.map((a) => a.spec), matches: planned, models: options.env.models, cache: config.cache }),
    options.env,
    () => playPending(store, runId, options, { ...(config.workers !== undefined ? { workers: config.workers } : {}), ...(config.maxConcurrentMatches !== undefined ? { maxConcurrentMatches: config.maxConcurrentMatches } : {}) }),
  );
  store.setRunStatus(runId, store.pendingMatches(runId).length === 0 ? 'completed' : 'incomplete');
  return { runId, planned: planned.length, played, progress };
}

/**
 * Plays a run's pending matches (`play`) under its manifest: a new run gets one built from `inputs`, a resumed run
 * keeps its own; then the manifest takes in this session's matches (model ids the servers reported, replies the
 * response cache answered).
 */
export async function withManifest<T>(store: Store, runId: string, inputs: () => RunInputs, env: AgentEnv, play: () => Promise<T>): Promise<T> {
  const stored = store.runManifest(runId);
  const manifest = stored === undefined ? buildManifest(inputs()) : parseManifest(stored, `run '${runId}'`);
  store.setRunManifest(runId, manifest);
  const before = new Set(store.matches(runId, { status: 'completed' }).map((m) => m.match_key));
  const result = await play();
  const session = store.matches(runId, { status: 'completed' }).filter((m) => !before.has(m.match_key)).map((m) => store.trace(runId, m.match_key) ?? []);
  const cacheStore = (env.cache as { store?: unknown } | undefined)?.store;
  const hits = cacheStore instanceof StoreResponseCache ? cacheStore.hits : new Set<string>();
  store.setRunManifest(runId, foldMatches(manifest, session, hits));
  return result;
}

/**
 * Plays every pending match of a run (planned, or ended by an infrastructure error) and stores each as it ends.
 * CPU-bound matches go to a worker pool; matches with LLM seats run here under the endpoint limits.
 */
export async function playPending(
  store: Store,
  runId: string,
  options: Pick<TournamentOptions, 'env' | 'quiet' | 'signal' | 'workers'>,
  limits: { readonly workers?: number; readonly maxConcurrentMatches?: number } = {},
): Promise<{ played: number; progress: ProgressState }> {
  const pending = store.pendingMatches(runId);
  const counts = store.counts(runId);
  const { state, reporter } = createProgress(counts.total, counts.total - pending.length, options.quiet ? { quiet: true } : {});

  const jobs: MatchJob[] = pending.map((m) => ({ key: m.match_key, family: m.family as 'plan' | 'move', spec: JSON.parse(m.spec_json) as MatchJob['spec'] }));
  const cpuJobs = jobs.filter((j) => !networkBound(j));
  const netJobs = jobs.filter(networkBound);
  const record = (job: MatchJob, events: TraceEvent[]): void => {
    const outcome = outcomeOf(events);
    store.recordMatch(runId, job.key, outcome, events);
    reporter.update(outcome);
  };

  const workers = Math.max(1, Math.min(options.workers ?? limits.workers ?? availableParallelism(), cpuJobs.length));
  const pool = workers > 1 ? new MatchPool(workers, options.env) : undefined;
  const netLimit = pLimit(limits.maxConcurrentMatches ?? 64);
  // Without a pool, CPU-bound matches run one at a time here (interleaving them gains nothing and delays a stop).
  const cpuLimit = pLimit(1);
  // An abort stops scheduling at once: queued matches return without playing, the pool's workers (with the matches
  // in flight there) are terminated, and matches in this thread see their own signal. None of those is stored: they
  // stay pending for the resume. Each match in flight here gets its own signal, aborted from this one listener on
  // the run's signal, so the run's signal never collects a listener per match.
  const inFlight = new Set<AbortController>();
  const onAbort = (): void => {
    void pool?.close();
    for (const controller of inFlight) controller.abort(options.signal?.reason);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let played = 0;
  try {
    const runOne = async (job: MatchJob, viaPool: boolean): Promise<void> => {
      // In this thread, give the event loop a turn first, so a signal (Ctrl-C) is seen between matches.
      if (!viaPool) await nextTurn();
      if (options.signal?.aborted) return;
      let events: TraceEvent[];
      const controller = new AbortController();
      inFlight.add(controller);
      try {
        events = viaPool && pool ? await pool.run(job) : await executeMatch(job, options.env, options.signal ? controller.signal : undefined);
      } catch (err) {
        if (options.signal?.aborted) return;
        // A crash outside the match runner (a worker died): recorded as an internal error, never as a result.
        events = failureTrace(job, 'internal', err instanceof Error ? err.message : String(err));
      } finally {
        inFlight.delete(controller);
      }
      const end = events[events.length - 1];
      // An abort leaves the match planned, to be played on resume.
      if (end?.type === 'match_end' && end.reason === 'aborted') return;
      record(job, events);
      played++;
    };
    await Promise.all([
      ...cpuJobs.map((job) => (pool ? runOne(job, true) : cpuLimit(() => runOne(job, false)))),
      ...netJobs.map((job) => netLimit(() => runOne(job, false))),
    ]);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    reporter.stop();
    await pool?.close();
  }
  return { played, progress: state };
}
