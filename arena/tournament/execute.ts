import type { Agent } from '../agents/agent.js';
import { ZERO_USAGE } from '../trace/usage.js';
import { registerBuiltinAgents } from '../agents/builtin.js';
import type { AgentEnv } from '../agents/registry.js';
import { createAgent } from '../agents/registry.js';
import { resolveGame } from '../games/registry.js';
import { runMoveMatch } from '../match/move-match.js';
import { runPlanMatch } from '../match/plan-match.js';
import { TRACE_VERSION, type MoveMatchSpec, type PlanMatchSpec, type TraceEvent } from '../trace/events.js';
import type { MatchOutcome } from '../store/store.js';

export interface MatchJob {
  readonly key: string;
  readonly family: 'plan' | 'move';
  readonly spec: PlanMatchSpec | MoveMatchSpec;
}

/**
 * The trace of a match that could not be played at all (an agent that cannot be built for this game, a crashed
 * worker): start, error, end. It is stored like any match, never scored, and replayed on resume only when the
 * reason is infrastructure.
 */
export function failureTrace(job: MatchJob, reason: 'internal' | 'agent' | 'infrastructure', message: string): TraceEvent[] {
  return [
    { type: 'match_start', seq: 0, time: 0, round: 0, traceVersion: TRACE_VERSION, matchId: job.key, spec: job.spec, promptVersion: 'none' },
    { type: 'error', seq: 1, time: 0, round: 0, kind: reason, message },
    { type: 'match_end', seq: 2, time: 0, round: 0, status: 'error', reason, wins: [0, 0], winner: null, score: [0, 0], usage: [ZERO_USAGE, ZERO_USAGE] },
  ];
}

/** Plays one planned match in this thread. Agent failures end the match with an `error` event, never a throw. */
export async function executeMatch(job: MatchJob, env: AgentEnv, signal?: AbortSignal): Promise<TraceEvent[]> {
  registerBuiltinAgents();
  const resolved = resolveGame(job.spec.game);
  let agents: readonly [Agent, Agent];
  try {
    agents = [createAgent(job.spec.seats[0].agent, env, resolved.family), createAgent(job.spec.seats[1].agent, env, resolved.family)];
  } catch (err) {
    return failureTrace(job, 'agent', `cannot build the agents for ${job.spec.game}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const base = { matchId: job.key, ...(signal ? { signal } : {}) };
  if (resolved.family === 'plan') return runPlanMatch(resolved.game, job.spec as PlanMatchSpec, agents, base);
  return runMoveMatch(job.spec as MoveMatchSpec, agents, base);
}

/** The stored summary of a match, read from its trace. */
export function outcomeOf(events: readonly TraceEvent[]): MatchOutcome {
  const end = events[events.length - 1];
  let tokens = 0;
  let costUsd = 0;
  let wallMs = 0;
  for (const e of events) {
    if ((e.type === 'plan_submission' || e.type === 'move' || e.type === 'rejection') && e.usage) {
      tokens += e.usage.promptTokens + e.usage.completionTokens;
      costUsd += e.usage.costUsd;
      wallMs += e.usage.wallMs;
    }
  }
  if (end?.type !== 'match_end') {
    return { status: 'error', errorReason: 'internal', errorMessage: 'trace has no match_end', winner: null, scores: [0, 0], tokens, costUsd, wallMs };
  }
  if (end.status === 'error') {
    const err = events.find((e) => e.type === 'error');
    return {
      status: 'error',
      errorReason: end.reason ?? 'internal',
      errorMessage: err?.type === 'error' ? err.message : 'unknown error',
      winner: null,
      scores: [0, 0],
      tokens,
      costUsd,
      wallMs,
    };
  }
  return { status: 'completed', winner: end.winner, scores: end.score, tokens, costUsd, wallMs };
}
