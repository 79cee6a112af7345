import type { Agent, MoveDecision } from '../agents/agent.js';
import type { MoveEvent, RejectionEvent, TraceEvent } from '../trace/events.js';
import { runMoveMatch, type MoveMatchOptions } from './move-match.js';

/** One recorded agent answer, in the order the seat gave them. */
function decisionOf(event: MoveEvent | RejectionEvent): MoveDecision {
  const r = event.response ?? {};
  return {
    ...(r.action !== undefined ? { action: r.action } : {}),
    ...(r.text !== undefined ? { text: r.text } : {}),
    ...(r.reasoning !== undefined ? { reasoning: r.reasoning } : {}),
    usage: event.usage,
    ...(event.type === 'move' && event.meta ? { meta: event.meta } : {}),
  };
}

/**
 * Re-runs a recorded move match from its trace: each seat's agent is replaced by one that returns the recorded
 * answers (action or text, reasoning, usage, meta) in order, an infrastructure error is re-raised where it was
 * recorded, and an aborted match is aborted after its last recorded answer. Because a match is a pure function
 * of its spec, seed and answers, the result equals the original trace event for event.
 */
export async function replayMoveMatch(events: readonly TraceEvent[], options: Pick<MoveMatchOptions, 'sink'> = {}): Promise<TraceEvent[]> {
  const start = events[0];
  if (start?.type !== 'match_start' || start.spec.family !== 'move') throw new Error('not a move-match trace: the first event must be a move match_start');
  const spec = start.spec;
  const answers: [MoveDecision[], MoveDecision[]] = [[], []];
  for (const e of events) {
    if ((e.type === 'move' || e.type === 'rejection') && e.response !== undefined) answers[e.seat].push(decisionOf(e));
  }
  const failure = events.find((e) => e.type === 'error' && (e.kind === 'infrastructure' || e.kind === 'agent'));
  const end = events.find((e) => e.type === 'match_end');
  const controller = new AbortController();
  const abortAtEnd = end?.type === 'match_end' && end.reason === 'aborted';
  let remaining = answers[0].length + answers[1].length;
  const agent = (seat: 0 | 1): Agent => ({
    id: spec.seats[seat].agent,
    kind: 'replay',
    decideMove() {
      const next = answers[seat].shift();
      if (next === undefined) {
        const recorded = failure?.type === 'error' && failure.side === seat ? failure : undefined;
        const err = new Error(recorded ? recorded.message : `replay: no recorded answer left for seat ${seat}`);
        // Re-raise the recorded failure with the same classification (infrastructure or an agent's own error).
        if (recorded?.kind === 'infrastructure') err.name = 'InfrastructureError';
        return Promise.reject(err);
      }
      remaining--;
      if (remaining === 0 && abortAtEnd) controller.abort();
      return Promise.resolve(next);
    },
  });
  const maxAttempts = typeof spec.maxAttempts === 'number' ? spec.maxAttempts : undefined;
  const onFail = spec.onFail === 'forfeit' || spec.onFail === 'random' ? spec.onFail : undefined;
  return runMoveMatch(spec, [agent(0), agent(1)], {
    matchId: start.matchId,
    promptVersion: start.promptVersion,
    signal: controller.signal,
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    ...(onFail !== undefined ? { onFail } : {}),
    ...(options.sink ? { sink: options.sink } : {}),
  });
}
