import { extractPlanJson } from '../../games/core/reply.js';
import type { MoveDecision, MoveRequest, PlanDecision, PlanRequest } from '../agents/agent.js';

/**
 * What a conversation keeps about each turn besides its messages, all read from the requests and decisions a match
 * records: where the turn was, the answer read from the reply, and what followed it (taken from the next request's
 * feedback). Tool messages and summary lines (history.ts, summary.ts) say these.
 */

export function moveLabel(r: MoveRequest): string {
  return `game ${r.gameIndex + 1}, ply ${r.ply + 1}${r.attempt > 1 ? `, attempt ${r.attempt}` : ''}`;
}

/** What followed the seat's previous move, as this request tells it: its feedback lines, or `accepted` without any. */
export function moveOutcome(r: MoveRequest): string {
  return r.feedback.length > 0 ? r.feedback.join(' ') : 'accepted';
}

export function moveAnswer(d: MoveDecision): string {
  return d.text ?? '';
}

export function planLabel(r: PlanRequest): string {
  const where = r.phase === 'initial' ? 'initial plan' : `revision after round ${r.round}`;
  return `${where}${r.attempt > 1 ? `, attempt ${r.attempt}` : ''}`;
}

/** What followed the side's previous plan, as this request tells it: a refusal, a parse error, the last round's result. */
export function planOutcome(r: PlanRequest): string {
  const f = r.feedback;
  const parts: string[] = [];
  if (f.reaskReason !== undefined) parts.push(`refused (${f.reaskReason}), asked again`);
  if (f.parseError !== undefined) parts.push(`not readable (${f.parseError}), an empty plan was used`);
  if (r.phase === 'revision' && r.attempt === 1 && f.lastRound !== undefined) {
    const result = f.lastWinner === undefined || f.lastWinner === null ? 'no winner' : f.lastWinner === r.side ? 'you won' : 'you lost';
    parts.push(`round ${f.lastRound}: ${result}${f.lastBattle ? ` (${f.lastBattle.reason})` : ''}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'accepted';
}

/** The plan as compact JSON: the decision's plan, else the one its reply states, else nothing. */
export function planAnswer(d: PlanDecision): string {
  if (d.plan !== undefined) return JSON.stringify(d.plan) ?? '';
  const parsed = d.text === undefined ? undefined : extractPlanJson(d.text);
  return parsed?.ok ? (JSON.stringify(parsed.value) ?? '') : '';
}
