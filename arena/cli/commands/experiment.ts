import type { Command } from 'commander';
import { registerBuiltinAgents } from '../../agents/builtin.js';
import { runPrmExperiment } from '../../experiment/prm.js';
import { experimentScorers, SEARCH_METHODS, shippedModels, type SearchMethod } from '../../experiment/prm-scorers.js';
import { experimentComparisons } from '../../../metrics/experiment-compare.js';
import { parseProver } from '../../search/provers.js';
import { experimentCell, experimentCells } from '../../../metrics/experiment.js';
import { roundProgress, writeExperimentOutputs } from './experiment-output.js';
import { planPrm } from './experiment-plan.js';
import { createAgent } from '../../agents/registry.js';
import { sharedModel } from '../../agents/onnx/verifier.js';
import { resolveGame, resolveMoveGame } from '../../games/registry.js';
import { UsageError } from '../../errors.js';
import { verifierGame } from '../../verifier/game.js';

interface PrmOptions {
  game?: string;
  seeds: string;
  games: string;
  budgets: string;
  base: string;
  search: string;
  beam: string;
  depth: string;
  opponent: string;
  rollouts: string;
  prover: string;
  alpha: string;
  onnx: boolean;
  verifiers: string;
  ormModel?: string;
  pavModel?: string;
  outDir: string;
  rounds: string;
  preset?: string;
  pool: string;
  poolRandom: string;
  expand: string;
}

function intList(name: string, text: string, min: number, max: number): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < min || n > max)) throw new UsageError(`--${name} takes integers in [${min}, ${max}] separated by commas, got '${text}'`);
  return list;
}

/** The learned models' recipes and held-out quality, from their metadata. */
async function modelInfo(file: string): Promise<{ file: string; recipe: unknown; heldOutQuality: unknown }> {
  const { mlpFromOnnx } = await import('../../verifier/onnx-export.js');
  const { readFile } = await import('node:fs/promises');
  let metadata: Record<string, string>;
  try {
    metadata = mlpFromOnnx(new Uint8Array(await readFile(file))).metadata;
  } catch (err) {
    throw new UsageError(`cannot read verifier model '${file}': ${err instanceof Error ? err.message : String(err)}`);
  }
  const parse = (text: string | undefined): unknown => (text === undefined ? null : JSON.parse(text));
  return { file, recipe: parse(metadata.recipe), heldOutQuality: parse(metadata.heldOutQuality) };
}

/** Options of one family given on the other (e.g. --rounds on Connect Four): a usage error, never ignored. */
const MOVE_ONLY = ['rollouts', 'prover', 'ormModel', 'pavModel', 'onnx', 'verifiers'] as const;

/** Verifier kinds of the move-game scorers `--verifiers` can keep (the unguided base is always played). */
const VERIFIER_KINDS = ['rollout', 'learned'] as const;
const PLAN_ONLY = ['rounds', 'preset', 'pool', 'poolRandom', 'expand'] as const;

async function prm(opts: PrmOptions, given: (name: string) => boolean): Promise<void> {
  registerBuiltinAgents();
  const flag = (name: string): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const resolved = opts.game === undefined ? null : resolveGame(opts.game);
  if (resolved?.family === 'plan') {
    const wrong = MOVE_ONLY.filter(given);
    if (wrong.length > 0) throw new UsageError(`${wrong.map(flag).join(', ')} ${wrong.length > 1 ? 'apply' : 'applies'} to move games only, not ${resolved.id}`);
    const alphas = opts.alpha.split(',').map((a) => Number(a.trim()));
    if (alphas.some((a) => !Number.isFinite(a) || a <= 0)) throw new UsageError(`--alpha takes positive numbers separated by commas (α = 0 is the ORM scorer, always included), got '${opts.alpha}'`);
    const searches = opts.search.split(',').map((x) => x.trim());
    for (const x of searches) if (!(SEARCH_METHODS as readonly string[]).includes(x)) throw new UsageError(`--search takes ${SEARCH_METHODS.join(', ')} separated by commas, got '${opts.search}'`);
    await planPrm({
      game: resolved.game,
      gameId: resolved.id,
      ...(opts.preset !== undefined ? { preset: opts.preset } : {}),
      rounds: intList('rounds', opts.rounds, 1, 1000)[0] as number,
      bases: opts.base.split(';').map((b) => b.trim()),
      opponent: opts.opponent,
      searches: searches as SearchMethod[],
      beam: { width: intList('beam', opts.beam, 1, 64)[0] as number, depth: intList('depth', opts.depth, 0, 64)[0] as number, expand: intList('expand', opts.expand, 0, 256)[0] as number },
      pool: intList('pool', opts.pool, 0, 256)[0] as number,
      randoms: intList('pool-random', opts.poolRandom, 0, 256)[0] as number,
      alphas,
      seeds: intList('seeds', opts.seeds, 0, 2 ** 31 - 1),
      games: intList('games', opts.games, 1, 1_000_000)[0] as number,
      budgets: intList('budgets', opts.budgets, 1, 1024),
      outDir: opts.outDir,
    });
    return;
  }
  const wrong = PLAN_ONLY.filter(given);
  if (wrong.length > 0) throw new UsageError(`${wrong.map(flag).join(', ')} ${wrong.length > 1 ? 'apply' : 'applies'} to plan games only`);
  const game = opts.game === undefined ? verifierGame() : resolveMoveGame(opts.game).rules;
  const budgets = intList('budgets', opts.budgets, 1, 1024);
  const rollouts = intList('rollouts', opts.rollouts, 1, 100_000)[0] as number;
  const alphas = opts.alpha.split(',').map((a) => Number(a.trim()));
  if (alphas.some((a) => !Number.isFinite(a) || a <= 0)) throw new UsageError(`--alpha takes positive numbers separated by commas (α = 0 is the ORM scorer, always included), got '${opts.alpha}'`);
  const provers = opts.prover.split(';').map((p) => parseProver(p.trim()).name);
  const bases = opts.base.split(';').map((b) => b.trim());
  for (const b of bases) createAgent(b, {}, 'move');
  const searches = opts.search.split(',').map((x) => x.trim());
  for (const x of searches) if (!(SEARCH_METHODS as readonly string[]).includes(x)) throw new UsageError(`--search takes ${SEARCH_METHODS.join(', ')} separated by commas, got '${opts.search}'`);
  const beam = { width: intList('beam', opts.beam, 1, 64)[0] as number, depth: intList('depth', opts.depth, 0, 64)[0] as number };
  // Build each spec once up front so a bad base, opponent, prover or model fails before any game is played.
  createAgent(opts.opponent, {}, 'move');
  const shipped = opts.onnx ? shippedModels(game.id) : {};
  const ormModel = opts.onnx ? (opts.ormModel ?? shipped.orm) : undefined;
  const pavModel = opts.onnx ? (opts.pavModel ?? shipped.pav) : undefined;
  if ((ormModel || pavModel) && !game.tensor) throw new UsageError(`the learned verifiers need a game with a tensor encoding, not ${game.id}; pass --no-onnx for other games`);
  const models = { orm: ormModel ? await modelInfo(ormModel) : null, pav: pavModel ? await modelInfo(pavModel) : null };
  const pavRecipe = models.pav?.recipe as { prover?: string } | null | undefined;
  const kinds = opts.verifiers.split(',').map((k) => k.trim());
  if (kinds.length === 0 || kinds.some((k) => !(VERIFIER_KINDS as readonly string[]).includes(k))) throw new UsageError(`--verifiers takes ${VERIFIER_KINDS.join(', ')} separated by commas, got '${opts.verifiers}'`);
  if (!kinds.includes('learned') && (given('ormModel') || given('pavModel'))) throw new UsageError('--orm-model and --pav-model need the learned verifiers: add learned to --verifiers');
  const all = bases.flatMap((base) =>
    searches.flatMap((search, i) =>
      experimentScorers({
        base,
        search: search as SearchMethod,
        beam,
        withoutUnguided: i > 0,
        ...(bases.length > 1 ? { label: `[${base}]` } : {}),
        rollouts,
        provers,
        alphas,
        ...(ormModel ? { ormModel } : {}),
        ...(pavModel ? { pavModel } : {}),
        ...(pavRecipe?.prover ? { pavProver: pavRecipe.prover } : {}),
      }),
    ),
  );
  const scorers = all.filter((s) => s.verifier === 'none' || kinds.includes(s.verifier.split('-')[0] as string));
  if (scorers.every((s) => s.verifier === 'none')) throw new UsageError(`no guided scorer left: --verifiers ${opts.verifiers} without a learned model (pass --orm-model / --pav-model, or add rollout)`);
  for (const s of scorers) createAgent(s.spec(1), {}, 'move');
  // Load the learned models before any game, so no decision's CPU time includes loading one.
  for (const file of [ormModel, pavModel]) if (file) await sharedModel(file);
  const seeds = intList('seeds', opts.seeds, 0, 2 ** 31 - 1);
  const games = intList('games', opts.games, 1, 1_000_000)[0] as number;
  process.stderr.write(`${scorers.length - 1} guided scorers x ${budgets.length} budgets + unguided, ${seeds.length * games} games each vs ${opts.opponent} on ${game.id}\n`);
  const played = await runPrmExperiment({
    game,
    base: bases.join(';'),
    opponent: opts.opponent,
    seeds,
    games,
    budgets,
    scorers,
    onCell: (c) => process.stderr.write(`  ${c.scorer} n=${c.budget}: ${experimentCell(c).winRate.toFixed(3)} (${c.compute.toFixed(3)} CPU ms, ${c.simulations.toFixed(1)} rollouts or inferences per decision)\n`),
  }, roundProgress('games'));
  const cells = experimentCells(played);
  const comparisons = experimentComparisons(scorers, cells);
  const title = `${game.id}: ${bases.join(' / ')} guided by ORM vs PAV (${searches.join(', ')}), against ${opts.opponent} (${seeds.length * games} games per point)`;
  const byName = new Map(scorers.map((s) => [s.name, s]));
  const report = {
    kind: 'prm-experiment',
    family: 'move',
    game: game.id,
    bases,
    opponent: opts.opponent,
    searches,
    beam,
    seeds,
    games,
    budgets,
    rollouts,
    provers,
    alphas,
    models,
    scorers: scorers.map(({ name, verifier, base, search, prover, alpha, model }) => ({ name, verifier, base, search, prover, alpha, ...(model ? { model } : {}) })),
    cells: cells.map((c) => ({ ...c, base: byName.get(c.scorer)?.base ?? null, search: byName.get(c.scorer)?.search ?? null })),
    comparisons,
  };
  await writeExperimentOutputs(opts.outDir, title, cells, comparisons.map((c) => c.verdict), report);
}

export function registerExperiment(program: Command): void {
  const cmd = program.command('experiment').description('experiments over many seeded games');
  cmd
    .command('prm')
    .description('compute-matched comparison of PAV-guided, ORM-guided and unguided play (metrics/README.md): win rate with 95% intervals against verifier compute')
    .option('--game <id>', 'move or plan game (default: the shipped verifier model\'s game)')
    .option('--seeds <list>', 'seeds; every scorer plays the same games', '1,2')
    .option('--games <N>', 'games per seed (first move alternates)', '50')
    .option('--budgets <list>', 'candidates per decision n', '1,2,4,8,16')
    .option('--base <specs>', 'the proposers being guided, separated by ";" (each with every scorer; e.g. "greedy;greedy:error=0.5" crosses strong and weak bases with the provers)', 'greedy:error=0.5')
    .option('--search <list>', 'search methods of the guided scorers, separated by commas: best-of-n, beam', 'best-of-n')
    .option('--beam <B>', 'beam width of the beam search', '3')
    .option('--depth <D>', 'further plies of each beam line', '2')
    .option('--opponent <spec>', 'the fixed opponent', 'greedy')
    .option('--rollouts <M>', 'playouts per candidate and term of the rollout verifiers', '16')
    .option('--prover <specs>', 'provers μ of the rollout PAV scorers, separated by ";" (e.g. "greedy;best:k=4,base=(greedy)")', 'greedy')
    .option('--alpha <list>', 'weights α of the progress term of the PAV scorers, separated by commas', '1')
    .option('--orm-model <file>', "learned outcome verifier (default: the game's shipped models/<game>-orm.onnx, if any)")
    .option('--pav-model <file>', "learned progress verifier (default: the game's shipped models/<game>-pav.onnx, else models/<game>-verifier.onnx, if any)")
    .option('--no-onnx', 'leave out the learned (ONNX) scorers')
    .option('--verifiers <kinds>', 'verifier kinds of the guided scorers, separated by commas: rollout, learned (the unguided base always plays)', 'rollout,learned')
    .option('--rounds <R>', 'plan games: rounds per match', '10')
    .option('--preset <name>', "plan games: the game's budget preset")
    .option('--pool <P>', 'plan games: perturbations of the opponent plan in the PAV\'s prover pool', '4')
    .option('--pool-random <R>', 'plan games: random opponent plans added to the PAV\'s prover pool of revisions', '0')
    .option('--expand <E>', 'plan games, beam search: mutations per beam member and step', '4')
    .option('--out-dir <dir>', 'where experiment-prm.svg, .html and .json go', '.')
    .action(async (opts: PrmOptions, command: Command) => prm(opts, (name) => command.getOptionValueSource(name) === 'cli'));
}
