import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { registerBuiltinAgents } from '../../agents/builtin.js';
import { experimentHtml, experimentSvg } from '../../../web/charts/experiment.js';
import { runPrmExperiment } from '../../experiment/prm.js';
import { experimentScorers, shippedModels } from '../../experiment/prm-scorers.js';
import { experimentComparisons } from '../../../metrics/experiment-compare.js';
import { parseProver } from '../../search/provers.js';
import { experimentCell, experimentCells, type ExperimentCell } from '../../../metrics/experiment.js';
import { createAgent } from '../../agents/registry.js';
import { sharedModel } from '../../agents/onnx/verifier.js';
import { resolveMoveGame } from '../../games/registry.js';
import { UsageError } from '../../errors.js';
import { verifierGame } from '../../verifier/game.js';

interface PrmOptions {
  game?: string;
  seeds: string;
  games: string;
  budgets: string;
  base: string;
  opponent: string;
  rollouts: string;
  prover: string;
  alpha: string;
  onnx: boolean;
  ormModel?: string;
  pavModel?: string;
  outDir: string;
}

function intList(name: string, text: string, min: number, max: number): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < min || n > max)) throw new UsageError(`--${name} takes integers in [${min}, ${max}] separated by commas, got '${text}'`);
  return list;
}

export function experimentTable(cells: readonly ExperimentCell[]): string {
  const head = ['scorer', 'n', 'games', 'W-D-L', 'win rate', '95% Wilson', 'verifier CPU ms/decision', '(this cell)', 'rollouts or inferences/decision', 'ms/decision'];
  const rows = cells.map((c) => [c.scorer, String(c.budget), String(c.games), `${c.wins}-${c.draws}-${c.losses}`, c.winRate.toFixed(3), `[${c.low.toFixed(3)}, ${c.high.toFixed(3)}]`, c.compute.toFixed(4), c.cpuMs.toFixed(4), c.simulations.toFixed(1), c.wallMs.toFixed(2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
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

async function prm(opts: PrmOptions): Promise<void> {
  registerBuiltinAgents();
  const game = opts.game === undefined ? verifierGame() : resolveMoveGame(opts.game).rules;
  const budgets = intList('budgets', opts.budgets, 1, 1024);
  const rollouts = intList('rollouts', opts.rollouts, 1, 100_000)[0] as number;
  const alphas = opts.alpha.split(',').map((a) => Number(a.trim()));
  if (alphas.some((a) => !Number.isFinite(a) || a <= 0)) throw new UsageError(`--alpha takes positive numbers separated by commas (α = 0 is the ORM scorer, always included), got '${opts.alpha}'`);
  const provers = opts.prover.split(';').map((p) => parseProver(p.trim()).name);
  // Build each spec once up front so a bad base, opponent, prover or model fails before any game is played.
  createAgent(opts.opponent, {}, 'move');
  const shipped = opts.onnx ? shippedModels(game.id) : {};
  const ormModel = opts.onnx ? (opts.ormModel ?? shipped.orm) : undefined;
  const pavModel = opts.onnx ? (opts.pavModel ?? shipped.pav) : undefined;
  if ((ormModel || pavModel) && !game.tensor) throw new UsageError(`the learned verifiers need a game with a tensor encoding, not ${game.id}; pass --no-onnx for other games`);
  const models = { orm: ormModel ? await modelInfo(ormModel) : null, pav: pavModel ? await modelInfo(pavModel) : null };
  const pavRecipe = models.pav?.recipe as { prover?: string } | null | undefined;
  const scorers = experimentScorers({
    base: opts.base,
    rollouts,
    provers,
    alphas,
    ...(ormModel ? { ormModel } : {}),
    ...(pavModel ? { pavModel } : {}),
    ...(pavRecipe?.prover ? { pavProver: pavRecipe.prover } : {}),
  });
  for (const s of scorers) createAgent(s.spec(1), {}, 'move');
  // Load the learned models before any game, so no decision's CPU time includes loading one.
  for (const file of [ormModel, pavModel]) if (file) await sharedModel(file);
  const seeds = intList('seeds', opts.seeds, 0, 2 ** 31 - 1);
  const games = intList('games', opts.games, 1, 1_000_000)[0] as number;
  process.stderr.write(`${scorers.length - 1} guided scorers x ${budgets.length} budgets + unguided, ${seeds.length * games} games each vs ${opts.opponent} on ${game.id}\n`);
  const played = await runPrmExperiment({
    game,
    base: opts.base,
    opponent: opts.opponent,
    seeds,
    games,
    budgets,
    scorers,
    onCell: (c) => process.stderr.write(`  ${c.scorer} n=${c.budget}: ${experimentCell(c).winRate.toFixed(3)} (${c.compute.toFixed(3)} CPU ms, ${c.simulations.toFixed(1)} rollouts or inferences per decision)\n`),
  });
  const cells = experimentCells(played);
  const comparisons = experimentComparisons(scorers, cells);
  const title = `${game.id}: ${opts.base} guided by ORM vs PAV, against ${opts.opponent} (${seeds.length * games} games per point)`;
  const report = { game: game.id, base: opts.base, opponent: opts.opponent, seeds, games, budgets, rollouts, provers, alphas, models, scorers: scorers.map(({ name, verifier, prover, alpha, model }) => ({ name, verifier, prover, alpha, ...(model ? { model } : {}) })), cells, comparisons };
  await mkdir(opts.outDir, { recursive: true });
  const svg = join(opts.outDir, 'experiment-prm.svg');
  const json = join(opts.outDir, 'experiment-prm.json');
  const html = join(opts.outDir, 'experiment-prm.html');
  const chart = experimentSvg(cells, title);
  const verdicts = comparisons.map((c) => c.verdict).join('\n');
  await writeFile(svg, chart);
  // Infinity (a ratio where PAV needs no compute at all) is not JSON: it is written as the string "Infinity".
  await writeFile(json, `${JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v), 2)}\n`);
  await writeFile(html, experimentHtml(title, experimentTable(cells), chart, verdicts));
  process.stdout.write(`${title}\n${experimentTable(cells)}${verdicts}\nchart: ${svg}; report: ${html}; data: ${json}\n`);
}

export function registerExperiment(program: Command): void {
  const cmd = program.command('experiment').description('experiments over many seeded games');
  cmd
    .command('prm')
    .description('compute-matched comparison of PAV-guided, ORM-guided and unguided play (metrics/README.md): win rate with 95% intervals against verifier compute')
    .option('--game <id>', 'move game (default: the shipped verifier model\'s game)')
    .option('--seeds <list>', 'seeds; every scorer plays the same games', '1,2')
    .option('--games <N>', 'games per seed (first move alternates)', '50')
    .option('--budgets <list>', 'candidates per decision n', '1,2,4,8,16')
    .option('--base <spec>', 'the proposer being guided', 'greedy:error=0.5')
    .option('--opponent <spec>', 'the fixed opponent', 'greedy')
    .option('--rollouts <M>', 'playouts per candidate and term of the rollout verifiers', '16')
    .option('--prover <specs>', 'provers μ of the rollout PAV scorers, separated by ";" (e.g. "greedy;best:k=4,base=(greedy)")', 'greedy')
    .option('--alpha <list>', 'weights α of the progress term of the PAV scorers, separated by commas', '1')
    .option('--orm-model <file>', "learned outcome verifier (default: the game's shipped models/<game>-orm.onnx, if any)")
    .option('--pav-model <file>', "learned progress verifier (default: the game's shipped models/<game>-verifier.onnx, if any)")
    .option('--no-onnx', 'leave out the learned (ONNX) scorers')
    .option('--out-dir <dir>', 'where experiment-prm.svg, .html and .json go', '.')
    .action(async (opts: PrmOptions) => prm(opts));
}
