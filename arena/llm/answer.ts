import type { JsonSchema } from '../../games/core/json-schema.js';
import type { MoveRequest, PlanRequest } from '../agents/agent.js';
import type { ChatMessage, ChatResult } from './chat.js';

/**
 * How a model hands over its answer (the `answer` protocol setting): free text parsed leniently; a reply
 * constrained by `response_format` to a JSON Schema; or a forced function call whose arguments are the answer.
 * The schema comes from the game: a plan game's `planSchema` (generated from its catalogue), or a move object
 * whose move is one of the legal moves when they are shown.
 */
export const ANSWER_MODES = ['text', 'json_schema', 'tool'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

export interface AnswerShape {
  /** The tool (and schema) name: `submit_plan` or `play_move`. */
  readonly name: 'submit_plan' | 'play_move';
  readonly description: string;
  readonly schema: JsonSchema;
}

export function planShape(request: PlanRequest): AnswerShape {
  return {
    name: 'submit_plan',
    description: `Submit your complete plan as the ${request.game.sides[request.side].label} side.`,
    schema: request.game.planSchema(request.side, request.config),
  };
}

/**
 * The move object `{plan, move}`. Both come from the game: `move` is one of the legal moves in the game's own
 * notation (`actionText`) when they are shown, else any text; it is described by the game's `moveNotation` where
 * the game states one (chess: SAN or UCI).
 */
export function moveShape(request: MoveRequest, legalShown: boolean): AnswerShape {
  const { game } = request;
  const described = game.moveNotation === undefined ? {} : { description: game.moveNotation };
  const move = legalShown ? { type: 'string', ...described, enum: request.legal.map((a) => game.actionText(request.state, a)) } : { type: 'string', ...described };
  return {
    name: 'play_move',
    description: 'Play one move, with a sentence or two on what you aim for.',
    schema: { type: 'object', properties: { plan: { type: 'string' }, move }, required: ['plan', 'move'], additionalProperties: false },
  };
}

/** The request fields of a mode (none for `text`). */
export function answerFields(mode: AnswerMode, shape: AnswerShape): Record<string, unknown> {
  if (mode === 'json_schema') return { response_format: { type: 'json_schema', json_schema: { name: shape.name, schema: shape.schema } } };
  if (mode === 'tool') {
    return {
      tools: [{ type: 'function', function: { name: shape.name, description: shape.description, parameters: shape.schema } }],
      tool_choice: { type: 'function', function: { name: shape.name } },
    };
  }
  return {};
}

/** The last user message, with a line saying where the answer goes in structured modes. */
export function withAnswerNote(messages: readonly ChatMessage[], mode: AnswerMode, shape: AnswerShape): ChatMessage[] {
  if (mode === 'text') return [...messages];
  const note =
    mode === 'tool'
      ? `ANSWER CHANNEL\nGive your answer by calling the function ${shape.name}; its arguments are the JSON object described above.`
      : 'ANSWER CHANNEL\nYour reply is constrained to one JSON object matching the schema of the answer described above: write only that object.';
  const last = messages.at(-1);
  if (last === undefined || last.role !== 'user') return [...messages, { role: 'user', content: note }];
  return [...messages.slice(0, -1), { role: 'user', content: `${last.content}\n\n${note}` }];
}

/**
 * The answer text of a reply in a mode, with how it was found: the arguments of the call to the mode's tool (any
 * single call when the name differs), the content otherwise (json_schema, text, or a tool-mode reply without a
 * call, which is then read as text and says so).
 */
export function answerText(result: ChatResult, mode: AnswerMode, shape: AnswerShape): { readonly text: string; readonly steps: readonly string[] } {
  if (mode !== 'tool') return { text: result.content, steps: mode === 'json_schema' ? ['answer:json_schema'] : [] };
  const call = result.toolCalls?.[readCall(result, shape)];
  if (call === undefined) return { text: result.content, steps: ['answer:tool-missing'] };
  return { text: call.arguments, steps: [call.name === shape.name ? 'answer:tool' : `answer:tool-other-name:${call.name}`] };
}

/** Which of a reply's function calls is read as the answer: the call to the mode's tool, else a single call; -1 for none. */
export function readCall(result: ChatResult, shape: AnswerShape): number {
  const calls = result.toolCalls ?? [];
  const named = calls.findIndex((c) => c.name === shape.name);
  return named >= 0 ? named : calls.length === 1 ? 0 : -1;
}
