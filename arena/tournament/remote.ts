import type { AgentEnv } from '../agents/registry.js';
import type { TraceEvent } from '../trace/events.js';
import type { MatchJob } from './execute.js';

/** Matches of a run by state, while another process (a queue worker) plays them. */
export interface MatchStates {
  readonly waiting: number;
  readonly running: number;
  readonly done: number;
  readonly failed: number;
}

/** What a remote player calls back into the run that owns the store. */
export interface RemoteHooks {
  /** Stops waiting: matches not yet collected stay pending in the store (and keep running remotely). */
  readonly signal?: AbortSignal;
  /** Asks to start one more match (a budget gate); false: do not enqueue it. */
  admit(job: MatchJob): boolean;
  /** A match ended remotely: store it (one transaction). Called once per match. */
  record(job: MatchJob, events: TraceEvent[]): void;
  /** An admitted match was not collected (a stop): it stays pending. */
  release(job: MatchJob): void;
  /** Matches by state, whenever they change. */
  states(states: MatchStates): void;
}

/**
 * Plays a run's pending matches somewhere else (e.g. workers on other machines) and hands each finished match's
 * trace back to `record`, so the run's own process stays the store's only writer.
 */
export interface RemotePlayer {
  play(runId: string, jobs: readonly MatchJob[], env: AgentEnv, hooks: RemoteHooks): Promise<void>;
}
