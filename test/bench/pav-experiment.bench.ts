import { registerBuiltinAgents } from '../../arena/agents/builtin.js';
import { runPrmExperiment } from '../../arena/experiment/prm.js';
import { experimentScorers, shippedModels } from '../../arena/experiment/prm-scorers.js';
import { resolveMoveGame } from '../../arena/games/registry.js';
import { experimentCells } from '../../metrics/experiment.js';
import { experimentComparisons } from '../../metrics/experiment-compare.js';
import type { BenchResult } from './types.js';

/**
 * The PRM experiment on tic-tac-toe and Connect Four with the shipped learned models: base greedy:error=0.5 against
 * greedy, 90 games a cell, budgets 1-8, rollout verifiers at M = 16 under the greedy and best-of-4 provers. Reports
 * each scorer's best win rate and every PAV-vs-ORM compute ratio (CPU ms; -1 where PAV never reaches ORM's best or
 * no ratio is defined, the verdict in the note says which). Takes many minutes: run it alone with
 * `npm run bench pav-experiment`.
 */
export async function bench(): Promise<BenchResult[]> {
  registerBuiltinAgents();
  const out: BenchResult[] = [];
  for (const id of ['tic-tac-toe', 'connect-four']) {
    const game = resolveMoveGame(id).rules;
    const models = shippedModels(id);
    const scorers = experimentScorers({
      base: 'greedy:error=0.5',
      rollouts: 16,
      provers: ['greedy', 'best:k=4,base=(greedy)'],
      alphas: [1],
      ...(models.orm ? { ormModel: models.orm } : {}),
      ...(models.pav ? { pavModel: models.pav } : {}),
    });
    const cells = experimentCells(await runPrmExperiment({ game, base: 'greedy:error=0.5', opponent: 'greedy', seeds: [1, 2, 3], games: 30, budgets: [1, 2, 4, 8], scorers }));
    for (const s of scorers) {
      const best = cells.filter((c) => c.scorer === s.name).reduce((a, b) => (b.winRate > a.winRate ? b : a));
      out.push({ name: `${id}: ${s.name}, best win rate`, value: Number(best.winRate.toFixed(3)), unit: 'WR', note: `n=${best.budget}, [${best.low.toFixed(3)}, ${best.high.toFixed(3)}], ${best.compute.toFixed(3)} CPU ms/decision` });
    }
    for (const c of experimentComparisons(scorers, cells)) {
      out.push({ name: `${id}: ${c.pav} vs ${c.orm}, compute ratio at ORM's best`, value: c.ratio === null || !Number.isFinite(c.ratio) ? -1 : Number(c.ratio.toFixed(2)), unit: 'x', note: c.verdict });
    }
  }
  return out;
}
