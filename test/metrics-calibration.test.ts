import { describe, expect, it } from 'vitest';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import { createAgent } from '../arena/agents/registry.js';
import { gameEntries } from '../arena/games/registry.js';
import { runPlanMatch } from '../arena/match/plan-match.js';
import type { PlanMatchSpec, TraceEvent } from '../arena/trace/events.js';
import type { PlanGame } from '../games/core/plan-game.js';
import { computeMetrics, type MetricsReport } from '../metrics/compute.js';

/** Calibration: built-in agents whose process metrics are known by construction, in real matches. */

registerBuiltinAgents();
const planGames = gameEntries().flatMap((e) => (e.family === 'plan' ? [e.game] : []));

/** Matches of a against b on both sides, alternating the side that revises first. */
async function series(game: PlanGame, a: string, b: string, seeds: number): Promise<TraceEvent[][]> {
  const out: TraceEvent[][] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    for (const [s0, s1] of [[a, b], [b, a]] as const) {
      const spec: PlanMatchSpec = {
        family: 'plan',
        game: `${game.id}@${game.version}`,
        config: game.config(),
        rounds: 4,
        reviseFirst: seed % 2 === 0 ? 0 : 1,
        seed,
        seats: [
          { side: 0, agent: s0, name: s0 },
          { side: 1, agent: s1, name: s1 },
        ],
        roundNumbering: 'reference',
        planReportFeedback: false,
      };
      out.push(await runPlanMatch(game, spec, [createAgent(s0, {}, 'plan'), createAgent(s1, {}, 'plan')], { log: false }));
    }
  }
  return out;
}

const metric = (r: MetricsReport, agent: string, id: string) => r.games.find((g) => g.agent === agent)?.metrics[id];

describe.each(planGames.map((g) => [g.id, g] as const))('calibration on %s', (_id, game) => {
  it('stubborn never revises (ORR = 0, CSR undefined); restless always does (ORR = 1)', async () => {
    const r = computeMetrics(await series(game, 'stubborn', 'restless', 1), { bootstrap: 100 });
    expect(metric(r, 'stubborn', 'orr')).toMatchObject({ value: 0, lo: 0, hi: 0 });
    expect(metric(r, 'stubborn', 'orr')?.n).toBeGreaterThan(0);
    expect(metric(r, 'stubborn', 'csr')).toMatchObject({ value: null, n: 0 });
    expect(metric(r, 'restless', 'orr')).toMatchObject({ value: 1, lo: 1, hi: 1 });
  });

  it('counter beats random', async () => {
    const r = computeMetrics(await series(game, 'counter:evals=60', 'random', 4), { bootstrap: 200 });
    const counter = metric(r, 'counter:evals=60', 'wr')?.value as number;
    const random = metric(r, 'random', 'wr')?.value as number;
    expect(counter).toBeGreaterThan(random);
    expect(metric(r, 'counter:evals=60', 'wrMatch')?.value as number).toBeGreaterThan(0.5);
  });
});
