import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { AgentEnv } from '../agents/registry.js';
import { buildManifest, foldMatches, parseManifest, type RunInputs } from '../manifest/manifest.js';
import { StoreResponseCache } from '../store/response-cache.js';
import { UsageError } from '../errors.js';
import type { MatchOutcome, Store } from '../store/store.js';
import type { TraceEvent } from '../trace/events.js';
import type { BudgetCaps, TournamentConfig } from './config.js';
import { planBatch, runResults, type AdaptiveDecide } from './adaptive.js';
import { BudgetGate, describeCap, type CapName, type Spent } from './budget.js';
import { executeMatch, failureTrace, outcomeOf, type MatchJob } from './execute.js';
import { checkAgents } from './check-agents.js';
import { MatchPool } from './pool.js';
import { createProgress, type ProgressState } from './progress.js';
import type { MatchStates, RemotePlayer } from './remote.js';
import { pairings, scheduleSets, scheduleTournament } from './schedule.js';

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
  /** The adaptive schedule's decision function (required for `schedule.type: adaptive`). */
  readonly decide?: AdaptiveDecide;
  /** Caps given as flags; each overrides the config's. */
  readonly budget?: Partial<BudgetCaps>;
  /** Plays the matches elsewhere (e.g. queue workers on other machines); this process still records every result. */
  readonly remote?: RemotePlayer;
}

/** Why a run stopped: recorded in the run's meta and told by the CLI's exit status. */
export interface StopReason {
  readonly kind: 'completed' | 'target' | 'budget' | 'interrupted' | 'incomplete' | 'stalled';
  readonly detail: string;
  readonly cap?: CapName;
}

export interface TournamentResult {
  readonly runId: string;
  readonly planned: number;
  readonly played: number;
  readonly progress: ProgressState;
  readonly stop: StopReason;
}

/**
 * A stable hash of the config: a run resumes only under the same config. The budget, the queue and the adaptive
 * schedule's max_matches are left out: raising a cap and running again continues the same run.
 */
export function configHash(config: TournamentConfig): string {
  const { budget: _budget, queue: _queue, ...rest } = config;
  const identity = rest.schedule.type === 'adaptive' ? { ...rest, schedule: { ...rest.schedule, maxMatches: undefined } } : rest;
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
}

/** The caps in force: the flags' values over the config's, and an adaptive schedule's max_matches as a match cap. */
export function effectiveCaps(config: TournamentConfig, flags: Partial<BudgetCaps> = {}): BudgetCaps | undefined {
  const merged: { -readonly [K in keyof BudgetCaps]?: BudgetCaps[K] } = { ...config.budget };
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  const max = config.schedule.type === 'adaptive' ? config.schedule.maxMatches : undefined;
  if (max !== undefined) merged.matches = Math.min(merged.matches ?? Infinity, max);
  const { usd, tokens, matches, hours } = merged;
  if (usd === undefined && tokens === undefined && matches === undefined && hours === undefined) return undefined;
  return { ...merged, onCap: merged.onCap ?? 'finish' };
}

/** What a run has spent so far, from its stored matches and the wall time recorded by earlier invocations. */
function spentSoFar(store: Store, runId: string, elapsedMs: number): Spent {
  const rows = store.matches(runId).filter((m) => m.status !== 'planned');
  return { matches: rows.length, tokens: rows.reduce((s, m) => s + m.tokens, 0), usd: rows.reduce((s, m) => s + m.cost_usd, 0), elapsedMs };
}

/** True when a match needs the network (LLM seats): those run in this thread under the endpoint limits. */
export function networkBound(job: MatchJob): boolean {
  // `llm:...` as the seat's agent or nested anywhere in it, e.g. `prm:base=(llm:m),n=8`
  return job.spec.seats.some((s) => /(^|[(=,])llm(:|$)/.test(s.agent));
}

/**
 * Plays a tournament into the store. Re-running the same config resumes: completed matches are kept, planned,
 * in-flight and infrastructure-error matches are (re)played, and nothing is duplicated (matches are keyed).
 * An adaptive schedule plays in batches: after each, `options.decide` picks the next pairs or stops. Budget caps
 * stop scheduling before a cap would be passed; why the run stopped is recorded in its meta (`stop`).
 */
export async function runTournament(config: TournamentConfig, options: TournamentOptions): Promise<TournamentResult> {
  const { store } = options;
  const hash = configHash(config);
  const existing = store.getRun(config.name);
  if (existing && existing.config_hash !== hash) {
    throw new UsageError(`run '${config.name}' already exists in ${store.path} with a different config; give the tournament a new name (name: in the config) to start a new run`);
  }
  const adaptive = config.schedule.type === 'adaptive' ? config.schedule : undefined;
  const decide = options.decide;
  if (adaptive && !decide) throw new Error('an adaptive schedule needs a decision function');
  const runId = existing?.id ?? config.name;
  // An adaptive run plans batch by batch; its agents are checked on one set of every pair it might play.
  const planned = adaptive ? scheduleSets(config, pairings({ ...config, schedule: { type: 'round-robin' } }), 0) : scheduleTournament(config);
  // Every agent must be buildable for the games it plays, and every model it calls reachable with a key, before
  // anything is stored or played: a bad spec or an unset key variable is a usage error, not a run of errors.
  const done = new Set(existing && !adaptive ? store.matches(runId, { status: 'completed' }).map((m) => m.match_key) : []);
  checkAgents(planned, options.env, (m) => !done.has(m.key));
  if (!existing) store.createRun({ id: runId, name: config.name, kind: options.kind ?? 'tournament', config, configHash: hash, seed: config.seed, meta: options.meta ?? {} });
  else store.setRunStatus(runId, 'running');
  if (!adaptive) store.planMatches(runId, planned);
  const meta = JSON.parse(store.getRun(runId)?.meta_json ?? '{}') as Record<string, unknown>;
  const gate = new BudgetGate(effectiveCaps(config, options.budget), spentSoFar(store, runId, typeof meta['elapsedMs'] === 'number' ? meta['elapsedMs'] : 0));
  const limits = { ...(config.workers !== undefined ? { workers: config.workers } : {}), ...(config.maxConcurrentMatches !== undefined ? { maxConcurrentMatches: config.maxConcurrentMatches } : {}) };
  const { played, progress, stop } = await withManifest(
    store,
    runId,
    () => ({ config, seed: config.seed, agentSpecs: config.agents.map((a) => a.spec), matches: planned, models: options.env.models, cache: config.cache }),
    options.env,
    async (recorded) => {
      let played = 0;
      let progress!: ProgressState;
      let stop: StopReason;
      for (;;) {
        const r = await playPending(store, runId, { ...options, recorded }, limits, gate);
        played += r.played;
        progress = r.progress;
        if (options.signal?.aborted) {
          stop = { kind: 'interrupted', detail: 'interrupted' };
          break;
        }
        if (gate.stopped) {
          stop = { kind: 'budget', detail: `stopped at ${describeCap(gate.stopped)}`, cap: gate.stopped.cap };
          break;
        }
        const pending = store.pendingMatches(runId).length;
        if (pending > 0 || !adaptive || !decide) {
          stop = pending > 0 ? { kind: 'incomplete', detail: `${pending} matches have no result` } : { kind: 'completed', detail: 'every planned match is played' };
          break;
        }
        const step = decide(runResults(store, runId));
        if (step.done) {
          stop = { kind: 'target', detail: step.reason };
          break;
        }
        const next = planBatch(config, store, runId, step.pairs, adaptive.batch);
        if (next.length === 0) {
          stop = { kind: 'stalled', detail: `${step.reason}, but the pairs it needs (${step.pairs.map(([a, b]) => `${a}–${b}`).join(', ')}) share no game` };
          break;
        }
        store.planMatches(runId, next);
      }
      return { played, progress, stop };
    },
  );
  // A distributed run's live states (`queue`) describe it only while it runs.
  const { queue: _live, ...kept } = meta;
  store.setRunMeta(runId, { ...kept, elapsedMs: gate.elapsedMs(), stop: { ...stop, at: new Date().toISOString(), spent: gate.spent() } });
  store.setRunStatus(runId, stop.kind === 'completed' || stop.kind === 'target' ? 'completed' : stop.kind === 'budget' ? 'budget' : 'incomplete');
  return { runId, planned: store.counts(runId).total, played, progress, stop };
}

/** Told of each match as it is stored, with the outcome stored for it. */
export type Recorded = (events: readonly TraceEvent[], outcome: MatchOutcome) => void;

/**
 * Plays a run's pending matches (`play`) under its manifest: a new run gets one built from `inputs`, a resumed run
 * keeps its own; then the manifest takes in this session's completed matches (model ids the servers reported,
 * replies the response cache answered), each folded in as `play` records it (through the callback it is given), so
 * the end of a long run reads no trace back from the store.
 */
export async function withManifest<T>(store: Store, runId: string, inputs: () => RunInputs, env: AgentEnv, play: (recorded: Recorded) => Promise<T>): Promise<T> {
  const stored = store.runManifest(runId);
  let manifest = stored === undefined ? buildManifest(inputs()) : parseManifest(stored, `run '${runId}'`);
  store.setRunManifest(runId, manifest);
  const cacheStore = (env.cache as { store?: unknown } | undefined)?.store;
  const hits = cacheStore instanceof StoreResponseCache ? cacheStore.hits : new Set<string>();
  const result = await play((events, outcome) => {
    if (outcome.status === 'completed') manifest = foldMatches(manifest, [events], hits);
  });
  store.setRunManifest(runId, manifest);
  return result;
}

/**
 * Plays every pending match of a run (planned, or ended by an infrastructure error) and stores each as it ends.
 * CPU-bound matches go to a worker pool; matches with LLM seats run here under the endpoint limits.
 */
export async function playPending(
  store: Store,
  runId: string,
  options: Pick<TournamentOptions, 'env' | 'quiet' | 'signal' | 'workers' | 'remote'> & { readonly recorded?: Recorded },
  limits: { readonly workers?: number; readonly maxConcurrentMatches?: number } = {},
  gate?: BudgetGate,
): Promise<{ played: number; progress: ProgressState }> {
  // The run's signal (Ctrl-C) or the budget's (a cap reached with on_cap: cancel) stops scheduling and abandons
  // matches in flight. Each source gets one listener that stops this call's own controller.
  const stopper = new AbortController();
  const sources = [options.signal, gate?.signal].filter((s): s is AbortSignal => s !== undefined);
  const forward = (): void => stopper.abort(sources.find((s) => s.aborted)?.reason);
  for (const source of sources) {
    if (source.aborted) forward();
    else source.addEventListener('abort', forward, { once: true });
  }
  const signal = sources.length > 0 ? stopper.signal : undefined;
  const pending = store.pendingMatches(runId);
  const counts = store.counts(runId);
  const { state, reporter } = createProgress(counts.total, counts.total - pending.length, options.quiet ? { quiet: true } : {});

  const jobs: MatchJob[] = pending.map((m) => ({ key: m.match_key, family: m.family as 'plan' | 'move', spec: JSON.parse(m.spec_json) as MatchJob['spec'] }));
  if (options.remote) {
    try {
      const update = (events: TraceEvent[], outcome: MatchOutcome): void => {
        reporter.update(outcome);
        options.recorded?.(events, outcome);
      };
      const played = await playRemote(store, runId, jobs, options.remote, options.env, signal, gate, update, (s) => reporter.states(s));
      return { played, progress: state };
    } finally {
      for (const source of sources) source.removeEventListener('abort', forward);
      reporter.stop();
    }
  }
  const cpuJobs = jobs.filter((j) => !networkBound(j));
  const netJobs = jobs.filter(networkBound);
  const record = (job: MatchJob, events: TraceEvent[]): MatchOutcome => {
    const outcome = outcomeOf(events);
    store.recordMatch(runId, job.key, outcome, events);
    reporter.update(outcome);
    options.recorded?.(events, outcome);
    return outcome;
  };

  const workers = Math.max(1, Math.min(options.workers ?? limits.workers ?? availableParallelism(), cpuJobs.length));
  const pool = workers > 1 ? new MatchPool(workers, options.env) : undefined;
  const netLimit = pLimit(limits.maxConcurrentMatches ?? 64);
  // Without a pool, CPU-bound matches run one at a time here (interleaving them gains nothing and delays a stop).
  const cpuLimit = pLimit(1);
  // Matches go to the pool only when a worker is free, so a budget admits each match at the moment it starts.
  const poolLimit = pLimit(workers);
  // An abort stops scheduling at once: queued matches return without playing, the pool's workers (with the matches
  // in flight there) are terminated, and matches in this thread see their own signal. None of those is stored: they
  // stay pending for the resume. Each match in flight here gets its own signal, aborted from this one listener on
  // the run's signal, so the run's signal never collects a listener per match.
  const inFlight = new Set<AbortController>();
  const onAbort = (): void => {
    void pool?.close();
    for (const controller of inFlight) controller.abort(signal?.reason);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let played = 0;
  try {
    const runOne = async (job: MatchJob, viaPool: boolean): Promise<void> => {
      // In this thread, give the event loop a turn first, so a signal (Ctrl-C) is seen between matches.
      if (!viaPool) await nextTurn();
      if (signal?.aborted) return;
      if (gate && !gate.tryStart()) return;
      let outcome: MatchOutcome | undefined;
      try {
        outcome = await playOne(job, viaPool);
      } finally {
        gate?.finish(outcome);
      }
    };
    const playOne = async (job: MatchJob, viaPool: boolean): Promise<MatchOutcome | undefined> => {
      let events: TraceEvent[];
      const controller = new AbortController();
      inFlight.add(controller);
      try {
        events = viaPool && pool ? await pool.run(job) : await executeMatch(job, options.env, signal ? controller.signal : undefined);
      } catch (err) {
        if (signal?.aborted) return undefined;
        // A crash outside the match runner (a worker died): recorded as an internal error, never as a result.
        events = failureTrace(job, 'internal', err instanceof Error ? err.message : String(err));
      } finally {
        inFlight.delete(controller);
      }
      const end = events[events.length - 1];
      // An abort leaves the match planned, to be played on resume.
      if (end?.type === 'match_end' && end.reason === 'aborted') return undefined;
      played++;
      return record(job, events);
    };
    await Promise.all([
      ...cpuJobs.map((job) => (pool ? poolLimit(() => runOne(job, true)) : cpuLimit(() => runOne(job, false)))),
      ...netJobs.map((job) => netLimit(() => runOne(job, false))),
    ]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const source of sources) source.removeEventListener('abort', forward);
    reporter.stop();
    await pool?.close();
  }
  return { played, progress: state };
}

/**
 * Plays a run's pending matches through a remote player (queue workers) and records each as it comes back, in one
 * transaction, here: this process stays the store's only writer. Matches by state go to the progress bar and, for
 * `arena serve`, to the run's meta (`queue`, at most once a second, and dropped when the run ends).
 */
async function playRemote(
  store: Store,
  runId: string,
  jobs: readonly MatchJob[],
  remote: RemotePlayer,
  env: AgentEnv,
  signal: AbortSignal | undefined,
  gate: BudgetGate | undefined,
  update: (events: TraceEvent[], outcome: MatchOutcome) => void,
  states: (s: MatchStates) => void,
): Promise<number> {
  let played = 0;
  let lastWrite = 0;
  let latest: MatchStates | undefined;
  const writeStates = (force: boolean): void => {
    if (latest === undefined || (!force && Date.now() - lastWrite < 1000)) return;
    lastWrite = Date.now();
    const meta = JSON.parse(store.getRun(runId)?.meta_json ?? '{}') as Record<string, unknown>;
    store.setRunMeta(runId, { ...meta, queue: { ...latest, at: new Date().toISOString() } });
  };
  await remote.play(runId, jobs, env, {
    ...(signal ? { signal } : {}),
    admit: () => !gate || gate.tryStart(),
    record: (job, events) => {
      const outcome = outcomeOf(events);
      store.recordMatch(runId, job.key, outcome, events);
      played++;
      update(events, outcome);
      gate?.finish(outcome);
    },
    release: () => gate?.finish(undefined),
    states: (s) => {
      latest = s;
      states(s);
      writeStates(false);
    },
  });
  writeStates(true);
  return played;
}
