import type { MoveRequest, PlanRequest } from '../../agents/agent.js';
import type { ChatMessage } from '../chat.js';
import type { PromptSet } from './types.js';

const PLAN_SYSTEM =
  'You are a skilled player of competitive strategy games, playing to win. You are given the complete rules, your ' +
  'catalogue and budget, and after each round what happened. Work out a strong plan, then state it exactly in ' +
  'the requested format: only the plan in that format is read.';

const MOVE_SYSTEM =
  'You are a skilled player of two-player board games, playing to win. Each turn you are shown the rules, the ' +
  'current board and every legal move. Choose the best legal move and answer in the requested format.';

function planFormat(request: PlanRequest): string {
  const key = request.game.sides[request.side].planKey;
  const lines = [
    'ANSWER FORMAT',
    'Reason first if it helps. End your reply with your complete plan as one JSON object in a single fenced code ' +
      'block that opens with ```json and closes with ```. Use no other fenced block anywhere in your reply.',
    `The object must have the key "${key}", like the example above. Use double quotes, no comments, and write ` +
      'nothing after the closing fence.',
  ];
  const f = request.feedback;
  if (f.reaskReason === 'unparseable' || f.parseError !== undefined) {
    lines.push('Your previous reply could not be read as JSON: follow this format exactly.');
  }
  return lines.join('\n');
}

function planMessages(request: PlanRequest): ChatMessage[] {
  return [
    { role: 'system', content: PLAN_SYSTEM },
    { role: 'user', content: `${request.prompt}\n\n${planFormat(request)}` },
  ];
}

function moveMessages(request: MoveRequest): ChatMessage[] {
  const { game, state } = request;
  const legal = request.legal.map((action) => game.actionText(state, action));
  const seat = request.player === 0 ? 'first' : 'second';
  const parts = [
    `GAME\n${game.title}, game ${request.gameIndex + 1} of the series. You are the ${seat} player.`,
    `RULES\n${game.rulesText()}`,
    `BOARD (ply ${request.ply + 1}, you to move)\n${game.renderBoard(state)}`,
    `LEGAL MOVES (${legal.length}; write your move exactly as one of these, in this notation)\n${legal.join(', ')}`,
  ];
  if (request.feedback.length > 0) {
    parts.push(`SINCE YOUR LAST MOVE\n${request.feedback.map((line) => `- ${line}`).join('\n')}`);
  }
  if (request.attempt > 1) parts.push(`This is attempt ${request.attempt} for this move.`);
  parts.push(
    'ANSWER FORMAT\nReply with exactly one JSON object and nothing else:\n' +
      '{"plan": "<one or two sentences: what you aim for with this move and the next ones>", "move": "<one legal move>"}',
  );
  return [
    { role: 'system', content: MOVE_SYSTEM },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

export const promptsV1: PromptSet = { version: 'v1', plan: planMessages, move: moveMessages };
