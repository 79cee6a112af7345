import { performance } from 'node:perf_hooks';
import { registerBuiltinAgents } from '../agents/builtin.js';
import { createAgent } from '../agents/registry.js';
import { gameEntries } from '../games/registry.js';
import type { PlanMatchSpec } from '../trace/events.js';
import type { BenchResult } from '../../test/bench/types.js';
import { runPlanMatch } from './plan-match.js';

/**
 * Full built-in-agent matches per second on the boardgame.io path (10 rounds, battle logs kept, traces built),
 * side by side for the three plan games, with cheap agents (random vs restless) and with the search agent.
 */
export async function bench(): Promise<BenchResult[]> {
  registerBuiltinAgents();
  const out: BenchResult[] = [];
  for (const entry of gameEntries()) {
    if (entry.family !== 'plan') continue;
    const game = entry.game;
    for (const [a, b, n] of [
      ['random', 'restless', 40],
      ['counter:evals=100', 'random', 8],
    ] as const) {
      const start = performance.now();
      for (let seed = 0; seed < n; seed++) {
        const spec: PlanMatchSpec = {
          family: 'plan',
          game: `${game.id}@${game.version}`,
          config: game.config(),
          rounds: 10,
          reviseFirst: (seed % 2) as 0 | 1,
          seed,
          seats: [
            { side: 0, agent: a, name: a },
            { side: 1, agent: b, name: b },
          ],
          roundNumbering: 'reference',
          planReportFeedback: false,
        };
        await runPlanMatch(game, spec, [createAgent(a, {}, 'plan'), createAgent(b, {}, 'plan')]);
      }
      const seconds = (performance.now() - start) / 1000;
      out.push({ name: `${game.id}: ${a} vs ${b}, 10-round matches`, value: n / seconds, unit: 'matches/s', note: `${n} matches` });
    }
  }
  return out;
}
