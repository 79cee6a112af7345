import type { PlanFeedback, Usage } from './usage.js';
import type { BattleRecord } from '../../games/core/plan-loop.js';
import type { PlanGameConfig, PlanReport, SideIndex, ViolationCode } from '../../games/core/plan-game.js';

/** Version of the trace record format. Bump on any incompatible change; readers reject unknown versions. */
export const TRACE_VERSION = 1;

/** A seat: which agent plays which side (plan games: side index; move games: seat 0/1 of the series). */
export interface SeatSpec {
  readonly side: number;
  /** Agent spec string, e.g. `counter`, `mcts:iterations=2000`, `llm:my-model`. */
  readonly agent: string;
  /** Display name of the agent for leaderboards (defaults to the spec string). */
  readonly name: string;
  /** How the agent was asked (LLM protocol settings), recorded by the match runner from the agent. */
  readonly protocol?: Readonly<Record<string, string | number | boolean>>;
}

/** Everything needed to replay a plan-game match from its recorded agent responses. */
export interface PlanMatchSpec {
  readonly family: 'plan';
  /** Versioned game id, e.g. `name@1`. */
  readonly game: string;
  readonly config: PlanGameConfig;
  readonly rounds: number;
  /** The side index that revises after round 1; then sides alternate. */
  readonly reviseFirst: SideIndex;
  readonly seed: number;
  readonly seats: readonly [SeatSpec, SeatSpec];
  /** 'reference' repeats round R for the final battle of Auto-battler/Turn-based (SPEC §1.6 item 3). */
  readonly roundNumbering: 'reference' | 'unique';
  /** Append the plan report to revision feedback (SPEC §1.6 item 4). */
  readonly planReportFeedback: boolean;
}

interface EventBase {
  /** 0-based sequence number within the match. */
  readonly seq: number;
  /** Match time in ms: the sum of recorded decision wall times so far (deterministic under replay). */
  readonly time: number;
  /** Round (plan games; 0 during initial plans) or ply (move games). */
  readonly round: number;
}

export interface MatchStartEvent extends EventBase {
  readonly type: 'match_start';
  readonly traceVersion: number;
  readonly matchId: string;
  readonly spec: PlanMatchSpec | MoveMatchSpec;
  /** Version of the prompt set used to render requests (traced so a re-run is exact). */
  readonly promptVersion: string;
  /** Move games with a seeded start: each game's start position, as the game's state key (chess: the FEN). */
  readonly starts?: readonly string[];
}

export interface PlanRequestEvent extends EventBase {
  readonly type: 'plan_request';
  readonly side: SideIndex;
  readonly phase: 'initial' | 'revision';
  readonly attempt: number;
  readonly feedback: PlanFeedback;
}

export interface PlanSubmissionEvent extends EventBase {
  readonly type: 'plan_submission';
  readonly side: SideIndex;
  readonly phase: 'initial' | 'revision';
  readonly attempt: number;
  /** The agent's answer as given: a JSON plan or raw text, plus any separate reasoning. */
  readonly response: { readonly plan?: unknown; readonly text?: string; readonly reasoning?: string };
  /** The plan value used (parsed from text, or given directly); null when the reply could not be parsed. */
  readonly plan: unknown;
  readonly parseError?: string;
  readonly report: PlanReport;
  readonly cost: number;
  readonly budget: number;
  /** Every violation in this submission, deduplicated, in first-seen order (SPEC + METRICS.md). */
  readonly violations: readonly ViolationCode[];
  readonly canonical: string;
  /** Whether this submission became the plan in force (false when it will be re-asked). */
  readonly accepted: boolean;
  /** Revisions: whether the plan differs from the plan in force (canonical comparison). */
  readonly changed?: boolean;
  readonly usage: Usage;
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface ReaskEvent extends EventBase {
  readonly type: 'reask';
  readonly side: SideIndex;
  /** The attempt that was refused. */
  readonly attempt: number;
  readonly reason: 'over_budget' | 'unparseable';
}

/** One battle: the plans in force, costs, the raw and adjudicated result and the battle log (see BattleRecord). */
export interface RoundResultEvent extends EventBase, BattleRecord {
  readonly type: 'round_result';
}

export interface ErrorEvent extends EventBase {
  readonly type: 'error';
  /** infrastructure: the endpoint or machine failed (never scored); agent: an agent broke its contract. */
  readonly kind: 'infrastructure' | 'agent' | 'internal';
  readonly side?: number;
  readonly message: string;
}

export interface MatchEndEvent extends EventBase {
  readonly type: 'match_end';
  readonly status: 'completed' | 'error';
  readonly reason?: 'infrastructure' | 'agent' | 'internal' | 'aborted';
  /** Plan games: rounds won by side, counting each battle row once. Move games: games won. */
  readonly wins: readonly [number, number];
  /** Match winner by side/seat index, null for a draw or an error. */
  readonly winner: number | null;
  /** Match score by side/seat: wins plus half of draws, over the number of battles or games. */
  readonly score: readonly [number, number];
  readonly usage: readonly [Usage, Usage];
}

/** Move-game specs and events are defined with the move games; this is the shared shape the runner needs. */
export interface MoveMatchSpec {
  readonly family: 'move';
  readonly game: string;
  readonly params: Readonly<Record<string, number>>;
  readonly games: number;
  readonly seed: number;
  /** Seed of the games' start positions when it is shared with other matches (both seat orders of a pair); else `seed`. */
  readonly startSeed?: number;
  readonly seats: readonly [SeatSpec, SeatSpec];
  readonly [extra: string]: unknown;
}

export interface MoveEvent extends EventBase {
  readonly type: 'move';
  readonly gameIndex: number;
  /** The player (0 moves first) and the seat (agent) that moved. */
  readonly player: 0 | 1;
  readonly seat: 0 | 1;
  readonly action: string;
  readonly legalCount: number;
  readonly attempt: number;
  /** The agent's answer as given (absent for a move the runner's policy chose); `action` is a direct JSON action. */
  readonly response?: { readonly action?: unknown; readonly text?: string; readonly reasoning?: string };
  readonly usage: Usage;
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface RejectionEvent extends EventBase {
  readonly type: 'rejection';
  readonly gameIndex: number;
  readonly player: 0 | 1;
  readonly seat: 0 | 1;
  readonly attempt: number;
  /** Namespaced reason code, e.g. `move/illegal`, `move/unparseable`. */
  readonly code: string;
  readonly reason: string;
  readonly response?: { readonly action?: unknown; readonly text?: string; readonly reasoning?: string };
  /** What happened next: re-ask, or the configured policy once the allowance ran out. */
  readonly outcome: 'reask' | 'forfeit' | 'random_move';
  readonly usage: Usage;
}

export interface GameEndEvent extends EventBase {
  readonly type: 'game_end';
  readonly gameIndex: number;
  /** Scores by seat. */
  readonly scores: readonly [number, number];
  readonly plies: number;
  readonly forfeit?: 0 | 1;
}

export interface ProgressEvent extends EventBase {
  readonly type: 'progress';
  /** The event seq of the step (move or revision) this annotates. */
  readonly step: number;
  readonly prover: string;
  readonly rollouts: number;
  readonly q: number;
  readonly v: number;
  readonly advantage: number;
  readonly stderr: number;
  /**
   * Engine provers only: the search depth and nodes of the two analyses (before and after the move), the engine's
   * best move in the position (game notation), the scores from the mover's side before and after, and the
   * centipawn loss (before − after, at least 0; mate counts as ±1000 centipawns, losses capped at 1000).
   */
  readonly engine?: {
    readonly depth: number;
    readonly nodes: number;
    readonly best: string | null;
    readonly before: { readonly cp: number } | { readonly mate: number };
    readonly after: { readonly cp: number } | { readonly mate: number } | { readonly result: number };
    readonly cpLoss: number;
  };
}

export type TraceEvent =
  | MatchStartEvent
  | PlanRequestEvent
  | PlanSubmissionEvent
  | ReaskEvent
  | RoundResultEvent
  | MoveEvent
  | RejectionEvent
  | GameEndEvent
  | ProgressEvent
  | ErrorEvent
  | MatchEndEvent;

/** Distributes Omit over a union so each event keeps its own fields. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the recorder stamps it with `seq` and `time`. */
export type EventDraft = DistributiveOmit<TraceEvent, 'seq' | 'time'>;
