import type { ChatMessage } from './chat.js';
import type { Turn } from './history.js';

/**
 * `context_policy: summarise`: the one message that stands for the turns that left the chat, built by a fixed rule
 * from what the match recorded (no model call), so a re-run and a replay rebuild it byte for byte:
 *
 *   EARLIER TURNS (SUMMARY)
 *   Turns 1-7 of this chat were replaced by this summary to fit the context: one line per turn, with your answer and what followed.
 *   - Turn 1 (game 1, ply 1): you answered e4; then: accepted
 *
 * Each line is the turn's number and place, the answer read from the reply (whitespace runs as one space) and what
 * followed it, cut to SUMMARY_LINE_CHARS characters (code points, the last one `…` when cut). Only the latest
 * SUMMARY_MAX_LINES turns get a line; older ones are named in one line.
 */

export const SUMMARY_HEADER = 'EARLIER TURNS (SUMMARY)';
export const SUMMARY_LINE_CHARS = 200;
export const SUMMARY_MAX_LINES = 40;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

export function summaryLine(turn: Turn): string {
  const answer = oneLine(turn.answer) || '(no readable answer)';
  const outcome = oneLine(turn.outcome ?? '') || '(nothing recorded)';
  return cut(`- Turn ${turn.n} (${turn.label}): you answered ${answer}; then: ${outcome}`, SUMMARY_LINE_CHARS);
}

/** The summary message of `turns` (oldest first, at least one). */
export function summaryMessage(turns: readonly Turn[]): ChatMessage {
  const first = turns[0]?.n ?? 0;
  const last = turns.at(-1)?.n ?? 0;
  const listed = turns.slice(-SUMMARY_MAX_LINES);
  const firstListed = listed[0]?.n ?? first;
  const lines = [
    SUMMARY_HEADER,
    `Turns ${first}-${last} of this chat were replaced by this summary to fit the context: one line per turn, with your answer and what followed.`,
    ...(firstListed > first ? [`- Turns ${first}-${firstListed - 1}: not listed.`] : []),
    ...listed.map(summaryLine),
  ];
  return { role: 'user', content: lines.join('\n') };
}
