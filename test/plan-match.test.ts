import { describe, expect, it } from 'vitest';
import type { PlanGame } from '../games/core/plan-game.js';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import type { Agent } from '../arena/agents/agent.js';
import { ZERO_USAGE } from '../arena/trace/usage.js';
import { createAgent } from '../arena/agents/registry.js';
import { gameEntries } from '../arena/games/registry.js';
import { runPlanMatch } from '../arena/match/plan-match.js';
import { replayPlanMatch } from '../arena/match/replay.js';
import type { PlanMatchSpec, TraceEvent } from '../arena/trace/events.js';

registerBuiltinAgents();
const planGames = gameEntries().flatMap((e) => (e.family === 'plan' ? [e.game] : []));

function spec(game: PlanGame, a0: string, a1: string, seed = 11, rounds = 6): PlanMatchSpec {
  return {
    family: 'plan',
    game: `${game.id}@${game.version}`,
    config: game.config(),
    rounds,
    reviseFirst: 1,
    seed,
    seats: [
      { side: 0, agent: a0, name: a0 },
      { side: 1, agent: a1, name: a1 },
    ],
    roundNumbering: 'reference',
    planReportFeedback: false,
  };
}

const play = (game: PlanGame, a0: string, a1: string, seed?: number): Promise<TraceEvent[]> =>
  runPlanMatch(game, spec(game, a0, a1, seed), [createAgent(a0, {}, 'plan'), createAgent(a1, {}, 'plan')]);

/** The trace with wall-clock figures blanked: they differ between live runs, and only there. */
const withoutClock = (events: readonly TraceEvent[]) => JSON.stringify(events).replace(/"(wallMs|time)":[\d.e+-]+/g, '"$1":0');

describe.each(planGames.map((g) => [g.id, g] as const))('%s matches', (_id, game) => {
  it('are deterministic for a seed, and a replay of the recorded decisions reproduces the trace byte for byte', async () => {
    const first = await play(game, 'counter:evals=60', 'random');
    const second = await play(game, 'counter:evals=60', 'random');
    // wall times differ between live runs; everything else is identical
    expect(withoutClock(second) === withoutClock(first)).toBe(true);
    const replayed = await replayPlanMatch(game, first);
    expect(JSON.stringify(replayed) === JSON.stringify(first)).toBe(true);
    const other = await play(game, 'counter:evals=60', 'random', 12);
    expect(withoutClock(other) === withoutClock(first)).toBe(false);
  });

  it('traces every request, submission, round result and the feedback shown, with battle logs', async () => {
    const events = await play(game, 'restless', 'stubborn');
    const types = new Set(events.map((e) => e.type));
    for (const t of ['match_start', 'plan_request', 'plan_submission', 'round_result', 'match_end']) expect(types.has(t as TraceEvent['type'])).toBe(true);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    const revisions = events.filter((e) => e.type === 'plan_submission' && e.phase === 'revision');
    for (const r of revisions) {
      if (r.type !== 'plan_submission') continue;
      expect(r.changed).toBe(r.side === 0); // restless always changes, stubborn never does
    }
    const requests = events.filter((e) => e.type === 'plan_request' && e.phase === 'revision');
    expect(requests.length).toBe(revisions.length);
    for (const r of requests) if (r.type === 'plan_request') expect(r.feedback.opponentPlan).toBeDefined();
    const rounds = events.filter((e) => e.type === 'round_result');
    for (const r of rounds) if (r.type === 'round_result') expect(r.log).toBeDefined();
  });
});

describe('agent failures', () => {
  const game = planGames[0]!;
  const failing = (name: string, message: string): Agent => ({
    id: 'flaky',
    kind: 'test',
    decidePlan: async () => {
      throw Object.assign(new Error(message), { name });
    },
  });

  it('an infrastructure error ends the match with status error, not a loss', async () => {
    const events = await runPlanMatch(game, spec(game, 'random', 'flaky'), [createAgent('random', {}, 'plan'), failing('InfrastructureError', 'endpoint returned 503 three times')]);
    const end = events.at(-1)!;
    expect(end).toMatchObject({ type: 'match_end', status: 'error', reason: 'infrastructure', winner: null });
    expect(events.some((e) => e.type === 'error' && e.kind === 'infrastructure' && e.side === 1)).toBe(true);
    expect(events.some((e) => e.type === 'round_result')).toBe(false);
  });

  it('a garbage answer is scored by the rules, not an error', async () => {
    const garbage: Agent = { id: 'garbage', kind: 'test', decidePlan: async () => ({ text: '\u0000<html>nope', usage: ZERO_USAGE }) };
    const events = await runPlanMatch(game, spec(game, 'random', 'garbage'), [createAgent('random', {}, 'plan'), garbage]);
    expect(events.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
    const subs = events.filter((e) => e.type === 'plan_submission' && e.side === 1);
    expect(subs.every((e) => e.type === 'plan_submission' && e.violations.includes('plan/unparseable'))).toBe(true);
  });
});
