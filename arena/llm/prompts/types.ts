import type { MoveRequest, PlanRequest } from '../../agents/agent.js';
import type { ChatMessage } from '../chat.js';

/** How a move prompt is rendered beyond the request. */
export interface MovePromptOptions {
  /** Whether the legal moves are listed (default: the game's `legalMovesShown`, true unless the game hides them). */
  readonly legalShown?: boolean;
}

/** A versioned set of chat renderings. A published version never changes: edit by adding a new one. */
export interface PromptSet {
  readonly version: string;
  /** System message plus the request's prompt text and the answer-format instruction. */
  plan(request: PlanRequest): ChatMessage[];
  /** System message, board, legal moves in notation, feedback and the `{"plan", "move"}` answer format. */
  move(request: MoveRequest, options?: MovePromptOptions): ChatMessage[];
}
