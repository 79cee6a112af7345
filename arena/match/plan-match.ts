import { withProtocols } from './protocols.js';
import { Client } from 'boardgame.io/client';
import { planBgioGame, type PlanBgioState } from '../../games/core/plan-bgio.js';
import type { PlanGame, SideIndex } from '../../games/core/plan-game.js';
import { factsFor, type LoopOutput, type LoopSettings } from '../../games/core/plan-loop.js';
import { PLAN_PROMPT_VERSION, renderPlanPrompt } from '../../games/core/prompt.js';
import { createRng } from '../../games/core/rng.js';
import type { Agent, PlanDecision, PlanRequest } from '../agents/agent.js';
import { addUsage, ZERO_USAGE, type Usage } from '../trace/usage.js';
import type { EventDraft, PlanMatchSpec, TraceEvent } from '../trace/events.js';
import { TraceRecorder } from '../trace/recorder.js';
import { classifyAgentError } from './errors.js';

export interface PlanMatchOptions {
  /** Sees every event as it is recorded (JSONL writer, live printer). */
  readonly sink?: (event: TraceEvent) => void;
  readonly signal?: AbortSignal;
  /** Keep battle logs in round results (default true). */
  readonly log?: boolean;
  /** Identifies the match in traces and stores (default: derived from game, seats and seed). */
  readonly matchId?: string;
}

export function planSettings(spec: PlanMatchSpec, log: boolean): LoopSettings {
  return {
    config: spec.config,
    rounds: spec.rounds,
    reviseFirst: spec.reviseFirst,
    roundNumbering: spec.roundNumbering,
    planReportFeedback: spec.planReportFeedback,
    log,
  };
}

function outputToDraft(output: LoopOutput, request: PlanRequest | null, decision: PlanDecision | null, round: number): EventDraft {
  if (output.kind === 'reask') return { type: 'reask', round, side: output.side, attempt: output.attempt, reason: output.reason };
  if (output.kind === 'battle') {
    const b = output.record;
    return {
      type: 'round_result',
      round: b.battle,
      label: b.label,
      battle: b.battle,
      plans: b.plans,
      costs: b.costs,
      budgets: b.budgets,
      raw: b.raw,
      winner: b.winner,
      reason: b.reason,
      scores: b.scores,
      revisedBy: b.revisedBy,
      ...(b.log !== undefined ? { log: b.log } : {}),
    };
  }
  const s = output.scored;
  const response: { plan?: unknown; text?: string; reasoning?: string } = {};
  if (decision?.plan !== undefined) response.plan = decision.plan;
  if (decision?.text !== undefined) response.text = decision.text;
  if (decision?.reasoning !== undefined) response.reasoning = decision.reasoning;
  return {
    type: 'plan_submission',
    round,
    side: output.side,
    phase: output.phase,
    attempt: output.attempt,
    response,
    plan: s.value ?? null,
    ...(s.parseError !== undefined ? { parseError: s.parseError } : {}),
    report: s.report,
    cost: s.cost,
    budget: request?.feedback.budget ?? 0,
    violations: s.violations,
    canonical: s.canonical,
    accepted: output.accepted,
    ...(output.changed !== undefined ? { changed: output.changed } : {}),
    usage: decision?.usage ?? ZERO_USAGE,
    ...(decision?.meta !== undefined ? { meta: decision.meta } : {}),
  };
}

/** Default match id: stable for the same game, seats, settings and seed. */
export function defaultMatchId(spec: PlanMatchSpec): string {
  return `${spec.game}:${spec.seats[0].agent}~${spec.seats[1].agent}:r${spec.rounds}:f${spec.reviseFirst}:s${spec.seed}`;
}

/**
 * Plays one plan match on the boardgame.io Game and returns its trace. Agent failures never throw out of here:
 * a thrown error ends the match with an `error` event and status 'error' (infrastructure errors are not losses).
 */
export async function runPlanMatch(game: PlanGame, spec: PlanMatchSpec, agents: readonly [Agent, Agent], options: PlanMatchOptions = {}): Promise<TraceEvent[]> {
  const settings = planSettings(spec, options.log ?? true);
  const recorder = new TraceRecorder(options.sink);
  const usage: [Usage, Usage] = [ZERO_USAGE, ZERO_USAGE];
  const root = createRng(spec.seed);
  const rngs = [root.fork('side0'), root.fork('side1')] as const;
  recorder.emit({ type: 'match_start', round: 0, traceVersion: 1, matchId: options.matchId ?? defaultMatchId(spec), spec: withProtocols(spec, agents), promptVersion: PLAN_PROMPT_VERSION });

  const client = Client<PlanBgioState>({ game: planBgioGame(game, settings), numPlayers: 2, debug: false });
  client.start();
  try {
    for (;;) {
      const state = client.getState();
      if (state === null) throw new Error('boardgame.io client has no state');
      const G = state.G;
      const pending = G.pending;
      if (pending === null) break;
      const facts = factsFor(game, settings, G);
      if (facts === null) break;
      const side = pending.side;
      const round = G.battles.length;
      const { phase: _p, attempt: _a, maxAttempts: _m, ...feedback } = facts;
      const request: PlanRequest = {
        kind: 'plan',
        game,
        config: spec.config,
        side,
        phase: pending.phase,
        round,
        attempt: pending.attempt,
        maxAttempts: facts.maxAttempts,
        feedback,
        prompt: renderPlanPrompt(game, spec.config, side, facts),
      };
      recorder.emit({ type: 'plan_request', round, side, phase: pending.phase, attempt: pending.attempt, feedback });
      if (options.signal?.aborted) throw Object.assign(new Error('match aborted'), { name: 'AbortError' });
      const agent = agents[side];
      if (!agent.decidePlan) throw new Error(`agent '${agent.id}' cannot play plan games`);
      let decision: PlanDecision;
      try {
        decision = await agent.decidePlan(request, options.signal ? { rng: rngs[side], signal: options.signal } : { rng: rngs[side] });
      } catch (err) {
        const c = classifyAgentError(err);
        recorder.emit({ type: 'error', round, kind: c.kind, side, message: c.message });
        recorder.emit({ type: 'match_end', round, status: 'error', reason: c.reason, wins: [0, 0], winner: null, score: [0, 0], usage });
        return [...recorder.events];
      }
      recorder.advance(decision.usage);
      usage[side] = addUsage(usage[side], decision.usage);
      const before = state._stateID;
      const submission = decision.plan !== undefined ? { plan: decision.plan } : { text: decision.text ?? '' };
      client.updatePlayerID(String(side));
      client.moves['submit']?.(submission);
      const after = client.getState();
      if (after === null || after._stateID === before) throw new Error(`boardgame.io refused the submission of side ${side}`);
      for (const output of after.G.outbox) {
        recorder.emit(outputToDraft(output, request, output.kind === 'submission' ? decision : null, output.kind === 'battle' ? output.record.battle : round));
      }
    }
    const final = client.getState();
    if (final === null) throw new Error('boardgame.io client has no state');
    const battles = final.G.battles;
    const wins: [number, number] = [0, 0];
    let draws = 0;
    for (const b of battles) {
      if (b.winner === null) draws++;
      else wins[b.winner as SideIndex]++;
    }
    const n = Math.max(battles.length, 1);
    const score: [number, number] = [(wins[0] + draws / 2) / n, (wins[1] + draws / 2) / n];
    const winner = wins[0] === wins[1] ? null : wins[0] > wins[1] ? 0 : 1;
    recorder.emit({ type: 'match_end', round: battles.length, status: 'completed', wins, winner, score, usage });
  } catch (err) {
    const c = classifyAgentError(err);
    const kind = c.reason === 'aborted' ? 'infrastructure' : 'internal';
    recorder.emit({ type: 'error', round: 0, kind, message: c.message });
    recorder.emit({ type: 'match_end', round: 0, status: 'error', reason: c.reason === 'aborted' ? 'aborted' : 'internal', wins: [0, 0], winner: null, score: [0, 0], usage });
  } finally {
    client.stop();
    await Promise.all(agents.map((a) => a.close?.()));
  }
  return [...recorder.events];
}
