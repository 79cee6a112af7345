import type { MoveRequest } from '../../agents/agent.js';
import type { ChatMessage } from '../chat.js';
import type { MovePromptOptions, PromptSet } from './types.js';
import { promptsV1 } from './v1.js';

/**
 * v2: move prompts state one answer format. v1 showed the game's rules text, which then ended with "Answer with
 * the number of one column ...", next to the JSON answer format; the rules text now only says how a move is
 * written, and the answer format refers to that notation. Plan prompts are rendered as in v1.
 */

const MOVE_SYSTEM =
  'You are a skilled player of two-player board games, playing to win. Each turn you are shown the rules, the ' +
  'current board and every legal move. Choose the best legal move and answer in the format given at the end.';

/** The system message when the game hides the legal moves (`legalMovesShown: false`, a game parameter). */
const MOVE_SYSTEM_HIDDEN =
  'You are a skilled player of two-player board games, playing to win. Each turn you are shown the rules and the ' +
  'current board. Choose the best legal move and answer in the format given at the end.';

function moveMessages(request: MoveRequest, options: MovePromptOptions = {}): ChatMessage[] {
  const { game, state } = request;
  const shown = options.legalShown ?? game.legalMovesShown !== false;
  const legal = request.legal.map((action) => game.actionText(state, action));
  const seat = request.player === 0 ? 'first' : 'second';
  const parts = [
    `GAME\n${game.title}, game ${request.gameIndex + 1} of the series. You are the ${seat} player.`,
    `RULES\n${game.rulesText({ legalShown: shown })}`,
    `BOARD (ply ${request.ply + 1}, you to move)\n${game.renderBoard(state)}`,
  ];
  if (shown) parts.push(`LEGAL MOVES (${legal.length}, in the notation of the rules)\n${legal.join(', ')}`);
  if (request.feedback.length > 0) {
    parts.push(`SINCE YOUR LAST MOVE\n${request.feedback.map((line) => `- ${line}`).join('\n')}`);
  }
  if (request.attempt > 1) parts.push(`This is attempt ${request.attempt} for this move.`);
  parts.push(
    'ANSWER FORMAT\nReply with exactly one JSON object and nothing else, with your move written ' +
      (shown ? 'exactly as one of the legal moves above:\n' : 'in the notation of the rules:\n') +
      '{"plan": "<one or two sentences: what you aim for with this move and the next ones>", "move": "<one legal move>"}',
  );
  return [
    { role: 'system', content: shown ? MOVE_SYSTEM : MOVE_SYSTEM_HIDDEN },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

export const promptsV2: PromptSet = { version: 'v2', plan: promptsV1.plan, move: moveMessages };
