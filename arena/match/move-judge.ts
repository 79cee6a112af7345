import type { MoveGame } from '../../games/core/move-game.js';
import type { MoveDecision } from '../agents/agent.js';

/** A decision resolved against the legal moves: the action to play, or why the reply is rejected. */
export type MoveVerdict =
  | { readonly ok: true; readonly action: unknown }
  | { readonly ok: false; readonly code: string; readonly reason: string };

/** The agent's answer as traced: a direct action and/or text, plus separate reasoning. */
export interface MoveResponse {
  readonly action?: unknown;
  readonly text?: string;
  readonly reasoning?: string;
}

export function responseOf(decision: MoveDecision): MoveResponse {
  return {
    ...(decision.action !== undefined ? { action: decision.action } : {}),
    ...(decision.text !== undefined ? { text: decision.text } : {}),
    ...(decision.reasoning !== undefined ? { reasoning: decision.reasoning } : {}),
  };
}

function describe(game: MoveGame, state: unknown, action: unknown): string {
  try {
    return game.actionText(state, action);
  } catch {
    return JSON.stringify(action) ?? String(action);
  }
}

/**
 * Resolves a decision. A direct `action` must equal (as JSON) one of the legal actions; otherwise its notation is
 * parsed to get the game's specific reason (occupied cell, full column), falling back to `move/illegal`. Without
 * an action, `text` goes through the game's parser. Neither is `move/empty`. Never throws for bad replies.
 */
export function judgeMove(game: MoveGame, state: unknown, legal: readonly unknown[], decision: MoveDecision): MoveVerdict {
  if (decision.action !== undefined) {
    const wanted = JSON.stringify(decision.action);
    const found = legal.find((a) => JSON.stringify(a) === wanted);
    if (found !== undefined) return { ok: true, action: found };
    const text = describe(game, state, decision.action);
    const parsed = game.parseAction(state, text);
    if (!parsed.ok) return { ok: false, code: parsed.code, reason: parsed.reason };
    return { ok: false, code: 'move/illegal', reason: `${text} is not a legal move` };
  }
  if (decision.text !== undefined) {
    const parsed = game.parseAction(state, decision.text);
    if (!parsed.ok) return { ok: false, code: parsed.code, reason: parsed.reason };
    const wanted = JSON.stringify(parsed.action);
    const found = legal.find((a) => JSON.stringify(a) === wanted);
    if (found === undefined) return { ok: false, code: 'move/illegal', reason: `${describe(game, state, parsed.action)} is not a legal move` };
    return { ok: true, action: found };
  }
  return { ok: false, code: 'move/empty', reason: 'the reply named no move' };
}
