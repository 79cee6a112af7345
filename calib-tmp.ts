import { registerBuiltinAgents } from './arena/agents/builtin.js';
import { createAgent } from './arena/agents/registry.js';
import { gameEntries } from './arena/games/registry.js';
import { runPlanMatch } from './arena/match/plan-match.js';
import type { PlanMatchSpec } from './arena/trace/events.js';
import { computeMetrics } from './metrics/compute.js';
registerBuiltinAgents();
for (const e of gameEntries()) {
  if (e.family !== 'plan') continue;
  const game = e.game;
  const t0 = Date.now();
  const matches = [];
  for (let seed = 1; seed <= 4; seed++) for (const side of [0, 1] as const) {
    const seats = side === 0 ? ['counter:evals=60', 'random'] : ['random', 'counter:evals=60'];
    const spec: PlanMatchSpec = { family: 'plan', game: `${game.id}@${game.version}`, config: game.config(), rounds: 4, reviseFirst: seed % 2 === 0 ? 0 : 1, seed, seats: [{ side: 0, agent: seats[0]!, name: seats[0]! }, { side: 1, agent: seats[1]!, name: seats[1]! }], roundNumbering: 'reference', planReportFeedback: false };
    matches.push(await runPlanMatch(game, spec, [createAgent(seats[0]!, {}, 'plan'), createAgent(seats[1]!, {}, 'plan')], { log: false }));
  }
  const r = computeMetrics(matches, { bootstrap: 200 });
  for (const g of r.games) console.log(game.id, g.agent, 'wr', g.metrics.wr?.value?.toFixed(3), g.metrics.wr?.lo?.toFixed(2), g.metrics.wrMatch?.value, 'orr', g.metrics.orr?.value?.toFixed(2));
  console.log(game.id, 'ms', Date.now() - t0);
}
