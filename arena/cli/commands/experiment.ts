import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { registerBuiltinAgents } from '../../agents/builtin.js';
import { experimentSvg } from '../../../web/charts/experiment.js';
import { runPrmExperiment, type Scorer } from '../../experiment/prm.js';
import { experimentCell, plateauRatio, type ExperimentCell } from '../../../metrics/experiment.js';
import { createAgent } from '../../agents/registry.js';
import { resolveMoveGame } from '../../games/registry.js';
import { UsageError } from '../../errors.js';
import { verifierGame } from '../../verifier/game.js';

interface PrmOptions {
  game: string;
  seeds: string;
  games: string;
  budgets: string;
  base: string;
  opponent: string;
  rollouts: string;
  prover: string;
  alpha: string;
  onnx: boolean;
  outDir: string;
}

function intList(name: string, text: string, min: number, max: number): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < min || n > max)) throw new UsageError(`--${name} takes integers in [${min}, ${max}] separated by commas, got '${text}'`);
  return list;
}

export function experimentTable(cells: readonly ExperimentCell[]): string {
  const head = ['scorer', 'n', 'games', 'W-D-L', 'win rate', '95% Wilson', 'compute/decision', 'ms/decision'];
  const rows = cells.map((c) => [c.scorer, String(c.budget), String(c.games), `${c.wins}-${c.draws}-${c.losses}`, c.winRate.toFixed(3), `[${c.low.toFixed(3)}, ${c.high.toFixed(3)}]`, c.compute.toFixed(1), c.wallMs.toFixed(2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

async function prm(opts: PrmOptions): Promise<void> {
  registerBuiltinAgents();
  const game = resolveMoveGame(opts.game).rules;
  const budgets = intList('budgets', opts.budgets, 1, 1024);
  const rollouts = intList('rollouts', opts.rollouts, 1, 100_000)[0] as number;
  const alpha = Number(opts.alpha);
  if (!Number.isFinite(alpha) || alpha <= 0) throw new UsageError(`--alpha must be a positive number (α = 0 is the ORM scorer, always included), got '${opts.alpha}'`);
  const b = `(${opts.base})`;
  // Build each spec once up front so a bad base, opponent or prover fails before any game is played.
  createAgent(opts.opponent, {}, 'move');
  const scorers: Scorer[] = [
    { name: `unguided ${opts.base}`, guided: false, spec: () => opts.base },
    { name: `ORM (rollouts=${rollouts})`, guided: true, spec: (n) => `prm:base=${b},verifier=orm,n=${n},rollouts=${rollouts}` },
    { name: `PAV (prover ${opts.prover}, α=${alpha})`, guided: true, spec: (n) => `prm:base=${b},verifier=rollout,n=${n},rollouts=${rollouts},prover=(${opts.prover}),alpha=${alpha}` },
  ];
  if (opts.onnx) {
    if (!game.tensor) throw new UsageError(`the learned verifier needs a game with a tensor encoding, not ${game.id}; pass --no-onnx for other games`);
    scorers.push({ name: `PAV learned (onnx, α=${alpha}; compute = inferences)`, guided: true, spec: (n) => `prm:base=${b},verifier=onnx,n=${n},alpha=${alpha}` });
  }
  for (const s of scorers) createAgent(s.spec(1), {}, 'move');
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
    onCell: (c) => process.stderr.write(`  ${c.scorer} n=${c.budget}: ${experimentCell(c).winRate.toFixed(3)} (${c.compute.toFixed(1)} per decision)\n`),
  });
  const cells = played.map(experimentCell);
  const ormCells = cells.filter((c) => c.scorer === scorers[1]?.name);
  const pavCells = cells.filter((c) => c.scorer === scorers[2]?.name);
  const ratio = plateauRatio(ormCells, pavCells);
  const verdict = ratio
    ? `PAV-guided play reaches the ORM-guided plateau (win rate ${ratio.plateau.toFixed(3)}, reached by ORM at ${ratio.ormCompute.toFixed(1)} rollouts per decision) at ${ratio.pavCompute.toFixed(1)} rollouts per decision: a compute ratio of ${ratio.ratio.toFixed(2)}x (> 1 means PAV is more compute-efficient).`
    : ormCells.reduce((x, y) => (y.winRate > x.winRate ? y : x)).compute === 0
      ? 'ORM-guided play never improves on its unscored n = 1 level here, so no compute ratio is defined.'
      : `PAV-guided play never reaches the ORM-guided plateau (win rate ${Math.max(...ormCells.map((c) => c.winRate)).toFixed(3)}) within the budgets tried.`;
  const ormTop = Math.max(...ormCells.map((c) => c.compute));
  const pavMatched = pavCells.filter((c) => c.compute <= ormTop);
  const matched = pavMatched.length
    ? `\nAt matched compute (at most ${ormTop.toFixed(1)} rollouts per decision, ORM's largest budget): best PAV win rate ${Math.max(...pavMatched.map((c) => c.winRate)).toFixed(3)}, best ORM win rate ${Math.max(...ormCells.map((c) => c.winRate)).toFixed(3)}.`
    : '';
  const title = `${game.id}: ${opts.base} guided by ORM vs PAV, against ${opts.opponent} (${seeds.length * games} games per point)`;
  await mkdir(opts.outDir, { recursive: true });
  const svg = join(opts.outDir, 'experiment-prm.svg');
  const json = join(opts.outDir, 'experiment-prm.json');
  await writeFile(svg, experimentSvg(cells, title));
  await writeFile(json, `${JSON.stringify({ game: game.id, base: opts.base, opponent: opts.opponent, seeds, games, budgets, rollouts, prover: opts.prover, alpha, cells, plateau: ratio, verdict: verdict + matched }, null, 2)}\n`);
  process.stdout.write(`${title}\n${experimentTable(cells)}${verdict}${matched}\nchart: ${svg}; data: ${json}\n`);
}

export function registerExperiment(program: Command): void {
  const cmd = program.command('experiment').description('experiments over many seeded games');
  cmd
    .command('prm')
    .description('compute-matched comparison of PAV-guided, ORM-guided and unguided play (metrics/README.md): win rate with 95% intervals against verifier compute')
    .option('--game <id>', 'move game', verifierGame().id)
    .option('--seeds <list>', 'seeds; every scorer plays the same games', '1,2')
    .option('--games <N>', 'games per seed (first move alternates)', '50')
    .option('--budgets <list>', 'candidates per decision n', '1,2,4,8,16')
    .option('--base <spec>', 'the proposer being guided', 'greedy:error=0.5')
    .option('--opponent <spec>', 'the fixed opponent', 'greedy')
    .option('--rollouts <M>', 'playouts per candidate and term of the rollout verifiers', '16')
    .option('--prover <spec>', 'prover μ of the PAV scorer', 'greedy')
    .option('--alpha <a>', 'weight of the progress term of the PAV scorers', '1')
    .option('--no-onnx', 'leave out the learned (ONNX) PAV scorer')
    .option('--out-dir <dir>', 'where experiment-prm.svg and experiment-prm.json go', '.')
    .action(async (opts: PrmOptions) => prm(opts));
}
