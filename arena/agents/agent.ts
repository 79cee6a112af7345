import type { MoveGame } from '../../games/core/move-game.js';
import type { PlanGame, PlanGameConfig, SideIndex } from '../../games/core/plan-game.js';
import type { Rng } from '../../games/core/rng.js';
import type { PlanFeedback, Usage } from '../trace/usage.js';

/** A request for a plan: an initial plan (attempt 1..N) or a revision after a round. */
export interface PlanRequest {
  readonly kind: 'plan';
  readonly game: PlanGame;
  readonly config: PlanGameConfig;
  readonly side: SideIndex;
  readonly phase: 'initial' | 'revision';
  /** 0 for initial plans; for revisions, the round just played. */
  readonly round: number;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly feedback: PlanFeedback;
  /** The complete text a language model would be shown for this request (rules, catalogues, feedback). */
  readonly prompt: string;
}

export interface PlanDecision {
  /** The plan as a JSON value (built-in agents). */
  readonly plan?: unknown;
  /** The raw reply text (language-model agents); parsed with the SPEC §1.2 extraction. */
  readonly text?: string;
  /** Reasoning text the model returned separately (e.g. `<think>` blocks), traced, never parsed. */
  readonly reasoning?: string;
  readonly usage: Usage;
  /** Anything agent-specific worth tracing (search statistics, candidates and scores, recovery steps). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** A request for one move in a move game. */
export interface MoveRequest<S = unknown, A = unknown> {
  readonly kind: 'move';
  readonly game: MoveGame<S, A>;
  readonly state: S;
  readonly player: 0 | 1;
  readonly legal: readonly A[];
  readonly ply: number;
  /** Index of the game within a series (0-based). */
  readonly gameIndex: number;
  readonly attempt: number;
  /** Messages since the agent's last decision: rejection reasons, the previous game's result. */
  readonly feedback: readonly string[];
}

export interface MoveDecision<A = unknown> {
  readonly action?: A;
  readonly text?: string;
  readonly reasoning?: string;
  readonly usage: Usage;
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface AgentContext {
  /** The agent's own seeded generator for this match (derived from the match seed and its seat). */
  readonly rng: Rng;
  readonly signal?: AbortSignal;
}

/**
 * Every kind of player implements this: built-in bots, plan-game planners, LLM, ONNX and PRM-guided agents.
 * An agent sees only the request (observation, legal actions or plan schema, budget, feedback); never the
 * opponent's private state or the engine. An infrastructure failure is thrown as an error (never a decision);
 * bad play is returned as a decision and scored by the game's rules.
 */
export interface Agent {
  /** The spec string the agent was built from, e.g. `counter` or `mcts:iterations=2000`. */
  readonly id: string;
  readonly kind: string;
  /**
   * How the agent is asked (language models: answer mode, history, legal moves, streaming, truncation re-ask):
   * recorded on its seat in the match spec, so a different protocol is visibly a different agent.
   */
  readonly protocol?: Readonly<Record<string, string | number | boolean>>;
  decidePlan?(request: PlanRequest, ctx: AgentContext): Promise<PlanDecision>;
  decideMove?(request: MoveRequest, ctx: AgentContext): Promise<MoveDecision>;
  /** Called when the match ends; releases tree reuse state, sessions, etc. */
  close?(): Promise<void>;
}
