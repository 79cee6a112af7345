import type { PlanGame } from '../../games/core/plan-game.js';
import type { Agent, PlanDecision } from '../agents/agent.js';
import { ZERO_USAGE } from '../trace/usage.js';
import type { PlanMatchSpec, TraceEvent } from '../trace/events.js';
import { runPlanMatch } from './plan-match.js';

/** The recorded decisions of each side of a plan-game trace, in the order they were made. */
export function recordedPlanDecisions(events: readonly TraceEvent[]): [PlanDecision[], PlanDecision[]] {
  const out: [PlanDecision[], PlanDecision[]] = [[], []];
  for (const e of events) {
    if (e.type !== 'plan_submission') continue;
    const d: PlanDecision = {
      ...(e.response.plan !== undefined ? { plan: e.response.plan } : {}),
      ...(e.response.text !== undefined ? { text: e.response.text } : {}),
      ...(e.response.reasoning !== undefined ? { reasoning: e.response.reasoning } : {}),
      usage: e.usage ?? ZERO_USAGE,
      ...(e.meta !== undefined ? { meta: e.meta } : {}),
    };
    out[e.side].push(d);
  }
  return out;
}

/** An agent that answers with recorded decisions, in order; running out is an error (the trace was cut short). */
export function replayAgent(id: string, decisions: readonly PlanDecision[]): Agent {
  let next = 0;
  return {
    id,
    kind: 'replay',
    decidePlan: async () => {
      const d = decisions[next++];
      if (d === undefined) throw new Error(`replay of '${id}' ran out of recorded decisions after ${decisions.length}`);
      return d;
    },
  };
}

/**
 * Re-runs a plan match from its trace: the spec and seed from `match_start`, every agent answer from the recorded
 * submissions. A match is a pure function of these, so the result equals the original trace event for event.
 */
export async function replayPlanMatch(game: PlanGame, events: readonly TraceEvent[]): Promise<TraceEvent[]> {
  const start = events[0];
  if (start?.type !== 'match_start' || start.spec.family !== 'plan') throw new Error('not a plan-game trace: the first event must be match_start');
  const spec = start.spec as PlanMatchSpec;
  const [d0, d1] = recordedPlanDecisions(events);
  const hasLogs = events.some((e) => e.type === 'round_result' && e.log !== undefined);
  return runPlanMatch(game, spec, [replayAgent(spec.seats[0].agent, d0), replayAgent(spec.seats[1].agent, d1)], { log: hasLogs, matchId: start.matchId });
}
