import { experimentCells } from '../../../metrics/experiment.js';
import { experimentComparisons } from '../../../metrics/experiment-compare.js';
import type { PlanGame } from '../../../games/core/plan-game.js';
import { createAgent } from '../../agents/registry.js';
import { runPlanPrmExperiment } from '../../experiment/prm-plan.js';
import { planScorers, type SearchMethod } from '../../experiment/prm-scorers.js';
import { UsageError } from '../../errors.js';
import { roundProgress, writeExperimentOutputs } from './experiment-output.js';

export interface PlanPrmOptions {
  readonly game: PlanGame;
  readonly gameId: string;
  readonly preset?: string;
  readonly rounds: number;
  readonly bases: readonly string[];
  readonly opponent: string;
  readonly searches: readonly SearchMethod[];
  readonly beam: { readonly width: number; readonly depth: number; readonly expand: number };
  readonly pool: number;
  readonly randoms: number;
  readonly alphas: readonly number[];
  readonly seeds: readonly number[];
  readonly games: number;
  readonly budgets: readonly number[];
  readonly outDir: string;
}

/**
 * `arena experiment prm` on a plan game: the unguided base planner, and ORM- and PAV-guided revision (best-of-N
 * or beam search over revisions) for each base, against a fixed opponent planner over whole matches. Writes the
 * same three files as the move-game experiment.
 */
export async function planPrm(o: PlanPrmOptions): Promise<void> {
  let config;
  try {
    config = o.game.config(o.preset);
  } catch (err) {
    throw new UsageError(`--preset: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const b of o.bases) createAgent(b, {}, 'plan');
  createAgent(o.opponent, {}, 'plan');
  const scorers = o.bases.flatMap((base) => o.searches.flatMap((search, i) => planScorers({ base, search, beam: o.beam, pool: o.pool, randoms: o.randoms, alphas: o.alphas, withoutUnguided: i > 0 })));
  if (new Set(scorers.map((s) => s.name)).size !== scorers.length) throw new UsageError('plan-game experiments take one --base (several bases would give scorers the same names)');
  for (const s of scorers) createAgent(s.spec(1), {}, 'plan');
  process.stderr.write(`${scorers.length - 1} guided scorers x ${o.budgets.length} budgets + unguided, ${o.seeds.length * o.games} matches of ${o.rounds} rounds each vs ${o.opponent} on ${o.gameId}\n`);
  const played = await runPlanPrmExperiment({
    game: o.game,
    gameId: o.gameId,
    config,
    rounds: o.rounds,
    opponent: o.opponent,
    seeds: o.seeds,
    games: o.games,
    budgets: o.budgets,
    scorers,
    onCell: (c) => process.stderr.write(`  ${c.scorer} n=${c.budget}: ${c.wins}-${c.draws}-${c.losses}${c.errors ? ` (${c.errors} matches with errors, not scored)` : ''} (${c.compute.toFixed(3)} CPU ms, ${c.simulations.toFixed(1)} battles per decision)\n`),
  }, roundProgress('matches'));
  const errors = new Map(played.map((c) => [`${c.scorer}/${c.budget}`, c.errors]));
  const cells = experimentCells(played);
  const comparisons = experimentComparisons(scorers, cells);
  const title = `${o.gameId}: ${o.bases.join(' / ')} revisions guided by ORM vs PAV (${o.searches.join(', ')}), against ${o.opponent} (${o.seeds.length * o.games} matches of ${o.rounds} rounds per point)`;
  const byName = new Map(scorers.map((s) => [s.name, s]));
  const report = {
    kind: 'prm-experiment',
    family: 'plan',
    game: o.gameId,
    preset: o.preset ?? null,
    rounds: o.rounds,
    bases: o.bases,
    opponent: o.opponent,
    searches: o.searches,
    beam: o.beam,
    pool: o.pool,
    randoms: o.randoms,
    seeds: o.seeds,
    games: o.games,
    budgets: o.budgets,
    alphas: o.alphas,
    scorers: scorers.map(({ name, verifier, base, search, prover, alpha }) => ({ name, verifier, base, search, prover, alpha })),
    cells: cells.map((c) => ({ ...c, errors: errors.get(`${c.scorer}/${c.budget}`) ?? 0, base: byName.get(c.scorer)?.base ?? null, search: byName.get(c.scorer)?.search ?? null })),
    comparisons,
  };
  await writeExperimentOutputs(o.outDir, title, cells, comparisons.map((c) => c.verdict), report);
}
