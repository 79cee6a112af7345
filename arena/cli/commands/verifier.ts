import { join } from 'node:path';
import type { Command } from 'commander';
import { parseProver } from '../../search/provers.js';
import { generateDataset } from '../../verifier/dataset.js';
import { verifierGame } from '../../verifier/game.js';
import { DEFAULT_RECIPE, evaluateModel, trainConnectFourVerifier, writeModel } from '../../verifier/pipeline.js';
import type { VerifierQuality } from '../../verifier/quality.js';
import { DEFAULT_VERIFIER_MODEL, VerifierModel } from '../../verifier/runtime.js';
import { UsageError } from '../../errors.js';

interface TrainOptions {
  game: string;
  seed: string;
  positions: string;
  rollouts: string;
  prover: string;
  epochs: string;
  hidden: string;
  out?: string;
}

/**
 * Where `verifier train` writes when `--out` is not given: a fresh file under ./out, never the shipped model (which
 * `--out` can still name on purpose).
 */
export function defaultTrainOut(game: string): string {
  return join('out', 'verifiers', `${game}-verifier.onnx`);
}

function int(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got '${text}'`);
  return n;
}

export function formatQuality(q: VerifierQuality): string {
  return [
    `held-out: ${q.states} positions, ${q.steps} steps`,
    `  q vs rollout Q labels: Pearson r ${q.corrQ.toFixed(3)}, MAE ${q.maeQ.toFixed(3)}`,
    `  a vs rollout A labels: Pearson r ${q.corrA.toFixed(3)}, MAE ${q.maeA.toFixed(3)}`,
    `  top move is the prover's best: ${(100 * q.top1).toFixed(1)}% (chance ${(100 * q.chanceTop1).toFixed(1)}%)`,
  ].join('\n');
}

function checkGame(game: string): void {
  const built = verifierGame();
  if (game !== built.id) throw new UsageError(`the learned verifier is built for ${built.id} (${Object.values(built.params).join(' x ')}) only, not '${game}'`);
}

async function train(opts: TrainOptions): Promise<void> {
  checkGame(opts.game);
  const hidden = opts.hidden.split(',').map((h) => int('hidden', h.trim(), 1, 4096));
  const recipe = {
    ...DEFAULT_RECIPE,
    seed: int('seed', opts.seed, 0, 2 ** 31 - 1),
    positions: int('positions', opts.positions, 10, 10_000_000),
    rollouts: int('rollouts', opts.rollouts, 1, 100_000),
    prover: parseProver(opts.prover).name,
    epochs: int('epochs', opts.epochs, 1, 10_000),
    hidden,
  };
  const done = await trainConnectFourVerifier(recipe, (line) => process.stderr.write(`${line}\n`));
  const out = opts.out ?? defaultTrainOut(opts.game);
  await writeModel(out, done.bytes);
  process.stdout.write(`wrote ${out}: ${done.parameters} parameters, ${done.bytes.length} bytes; trained on ${done.trainStates} positions (${done.trainSteps} steps)\n`);
  process.stdout.write(`${formatQuality(done.quality)}\n`);
}

async function evaluate(opts: { model: string; seed: string; positions: string; rollouts: string; prover: string }): Promise<void> {
  const model = await VerifierModel.load(opts.model);
  try {
    const data = generateDataset(verifierGame(), { positions: int('positions', opts.positions, 1, 10_000_000), rollouts: int('rollouts', opts.rollouts, 1, 100_000), seed: int('seed', opts.seed, 0, 2 ** 31 - 1), prover: parseProver(opts.prover) });
    process.stdout.write(`${opts.model} (${model.metadata.recipe ?? 'no recipe'})\n${formatQuality(await evaluateModel(model, data))}\n`);
  } finally {
    await model.close();
  }
}

export function registerVerifier(program: Command): void {
  const cmd = program.command('verifier').description('the learned (ONNX) progress verifier: train it reproducibly, or measure it');
  cmd
    .command('train')
    .description('label self-play positions by rollouts, train an MLP (tfjs), export it to ONNX and report held-out quality')
    .option('--game <id>', `game (${verifierGame().id})`, verifierGame().id)
    .option('--seed <n>', 'seed of self-play, labels, initialisation and batch order', '1')
    .option('--positions <N>', 'positions to label (10% held out)', String(DEFAULT_RECIPE.positions))
    .option('--rollouts <M>', 'prover playouts per labelled step', String(DEFAULT_RECIPE.rollouts))
    .option('--prover <spec>', 'prover μ of the labels (random or greedy)', DEFAULT_RECIPE.prover)
    .option('--epochs <E>', 'training epochs', String(DEFAULT_RECIPE.epochs))
    .option('--hidden <list>', 'hidden layer widths', DEFAULT_RECIPE.hidden.join(','))
    .option('--out <file>', 'ONNX output (default: out/verifiers/<game>-verifier.onnx; the shipped model is never overwritten unless named here)')
    .action(async (opts: TrainOptions) => train(opts));
  cmd
    .command('eval')
    .description('quality of an ONNX verifier on fresh rollout-labelled positions')
    .option('--model <file>', 'ONNX model', DEFAULT_VERIFIER_MODEL)
    .option('--seed <n>', 'seed of the fresh positions', '1000')
    .option('--positions <N>', 'positions', '300')
    .option('--rollouts <M>', 'prover playouts per step', String(DEFAULT_RECIPE.rollouts))
    .option('--prover <spec>', 'prover μ of the labels', DEFAULT_RECIPE.prover)
    .action(async (opts: { model: string; seed: string; positions: string; rollouts: string; prover: string }) => evaluate(opts));
}
