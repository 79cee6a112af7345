import { describe, expect, it } from 'vitest';
import type { PlanGame } from '../games/core/plan-game.js';
import { initLoop, submit, type LoopState } from '../games/core/plan-loop.js';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import { createAgent } from '../arena/agents/registry.js';
import { gameEntries } from '../arena/games/registry.js';
import { planSettings, runPlanMatch } from '../arena/match/plan-match.js';
import { recordedPlanDecisions } from '../arena/match/replay.js';
import type { PlanMatchSpec } from '../arena/trace/events.js';

registerBuiltinAgents();
const planGames = gameEntries().flatMap((e) => (e.family === 'plan' ? [e.game] : []));
const MATCHES = 200;

function spec(game: PlanGame, seed: number): PlanMatchSpec {
  return {
    family: 'plan',
    game: `${game.id}@${game.version}`,
    config: game.config(seed % 3 === 0 ? 'paper' : 'default'),
    rounds: 4 + (seed % 5),
    reviseFirst: (seed % 2) as 0 | 1,
    seed,
    seats: [
      { side: 0, agent: 'random', name: 'random' },
      { side: 1, agent: 'restless', name: 'restless' },
    ],
    roundNumbering: seed % 4 === 0 ? 'unique' : 'reference',
    planReportFeedback: false,
  };
}

describe.each(planGames.map((g) => [g.id, g] as const))('%s: the boardgame.io path agrees with the pure loop', (_id, game) => {
  it(`on ${MATCHES} random matches`, async () => {
    let battles = 0;
    for (let seed = 1; seed <= MATCHES; seed++) {
      const s = spec(game, seed);
      const events = await runPlanMatch(game, s, [createAgent('random', {}, 'plan'), createAgent('restless', {}, 'plan')], { log: false });
      expect(events.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
      // Feed the same decisions to the pure loop.
      const decisions = recordedPlanDecisions(events);
      const next: [number, number] = [0, 0];
      let state: LoopState = initLoop();
      const settings = planSettings(s, false);
      while (state.pending) {
        const side = state.pending.side;
        const d = decisions[side][next[side]++]!;
        state = submit(game, settings, state, d.plan !== undefined ? { plan: d.plan } : { text: d.text ?? '' });
      }
      const traced = events.filter((e) => e.type === 'round_result');
      expect(traced.length).toBe(state.battles.length);
      state.battles.forEach((b, i) => {
        const t = traced[i]!;
        expect(t.type === 'round_result' && { label: t.label, winner: t.winner, raw: t.raw, costs: t.costs, plans: t.plans, revisedBy: t.revisedBy, reason: t.reason }).toEqual({
          label: b.label,
          winner: b.winner,
          raw: b.raw,
          costs: b.costs,
          plans: b.plans,
          revisedBy: b.revisedBy,
          reason: b.reason,
        });
      });
      battles += state.battles.length;
    }
    expect(battles).toBeGreaterThan(MATCHES * 4);
  }, 120_000);
});
