import { join } from 'node:path';
import type { Command } from 'commander';
import { parseProver } from '../../search/provers.js';
import { DEFAULT_SOLVE_BUDGET, generateDataset } from '../../verifier/dataset.js';
import { verifierGame } from '../../verifier/game.js';
import { DEFAULT_CONV, DEFAULT_RECIPE, evaluateModel, trainVerifierModel, writeModel, type VerifierRecipe } from '../../verifier/pipeline.js';
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
  target: string;
  batchSize: string;
  learningRate: string;
  outcome?: string;
  exact?: boolean;
  unique?: boolean;
  augment?: boolean;
  net: string;
  filters?: string;
  kernel?: string;
  budget?: string;
  play?: string;
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

function positive(name: string, text: string): number {
  const x = Number(text);
  if (!Number.isFinite(x) || x <= 0) throw new UsageError(`--${name} must be a positive number, got '${text}'`);
  return x;
}

export function formatQuality(q: VerifierQuality): string {
  return [
    `held-out: ${q.states} positions, ${q.steps} steps`,
    `  q vs rollout Q labels: Pearson r ${q.corrQ.toFixed(3)}, MAE ${q.maeQ.toFixed(3)}`,
    `  a vs rollout A labels: Pearson r ${q.corrA.toFixed(3)}, MAE ${q.maeA.toFixed(3)}`,
    `  top move is the prover's best: by q ${(100 * q.top1).toFixed(1)}%, by a ${(100 * q.top1A).toFixed(1)}% (chance ${(100 * q.chanceTop1).toFixed(1)}%)`,
  ].join('\n');
}

async function train(opts: TrainOptions): Promise<void> {
  const game = verifierGame(opts.game);
  const hidden = opts.hidden.split(',').map((h) => int('hidden', h.trim(), 1, 4096));
  if (opts.target !== 'pav' && opts.target !== 'orm') throw new UsageError(`--target must be pav or orm, got '${opts.target}'`);
  if (opts.net !== 'mlp' && opts.net !== 'conv') throw new UsageError(`--net must be mlp or conv, got '${opts.net}'`);
  if (opts.net !== 'conv' && (opts.filters !== undefined || opts.kernel !== undefined)) throw new UsageError('--filters and --kernel need --net conv');
  if (opts.budget !== undefined && !opts.exact) throw new UsageError('--budget needs --exact');
  // Options left at their defaults stay out of the recipe, so the original recipe (and its model) is unchanged.
  const recipe: VerifierRecipe = {
    ...DEFAULT_RECIPE,
    ...(game.id === verifierGame().id ? {} : { game: opts.game }),
    ...(opts.target === 'orm' ? { target: 'orm' as const } : {}),
    ...(opts.outcome === undefined ? {} : { outcome: parseProver(opts.outcome).name }),
    ...(opts.exact ? { exact: true } : {}),
    ...(opts.unique ? { unique: true } : {}),
    ...(opts.augment ? { augment: true } : {}),
    ...(opts.net === 'conv' ? { net: 'conv' as const } : {}),
    ...(opts.filters === undefined ? {} : { filters: opts.filters.split(',').map((f) => int('filters', f.trim(), 1, 1024)) }),
    ...(opts.kernel === undefined ? {} : { kernel: int('kernel', opts.kernel, 1, 32) }),
    ...(opts.budget === undefined ? {} : { budget: int('budget', opts.budget, 1, 1e10) }),
    ...(opts.play === undefined ? {} : { play: parseProver(opts.play).name }),
    seed: int('seed', opts.seed, 0, 2 ** 31 - 1),
    positions: int('positions', opts.positions, 10, 10_000_000),
    rollouts: int('rollouts', opts.rollouts, 1, 100_000),
    prover: parseProver(opts.prover).name,
    epochs: int('epochs', opts.epochs, 1, 10_000),
    hidden,
    batchSize: int('batch-size', opts.batchSize, 1, 65_536),
    learningRate: positive('learning-rate', opts.learningRate),
  };
  const done = await trainVerifierModel(recipe, (line) => process.stderr.write(`${line}\n`));
  const out = opts.out ?? defaultTrainOut(`${game.id}${recipe.target === 'orm' ? '-orm' : ''}`);
  await writeModel(out, done.bytes);
  process.stdout.write(`wrote ${out}: ${done.parameters} parameters, ${done.bytes.length} bytes; trained on ${done.trainStates} positions (${done.trainSteps} steps)\n`);
  process.stdout.write(`${formatQuality(done.quality)}\n`);
}

interface EvalOptions {
  model: string;
  seed: string;
  positions: string;
  rollouts: string;
  prover: string;
  exact?: boolean;
  budget?: string;
  play?: string;
}

async function evaluate(opts: EvalOptions): Promise<void> {
  if (opts.budget !== undefined && !opts.exact) throw new UsageError('--budget needs --exact');
  const model = await VerifierModel.load(opts.model);
  try {
    const data = generateDataset(verifierGame(model.metadata.game), {
      positions: int('positions', opts.positions, 1, 10_000_000),
      rollouts: int('rollouts', opts.rollouts, 1, 100_000),
      seed: int('seed', opts.seed, 0, 2 ** 31 - 1),
      prover: parseProver(opts.prover),
      ...(opts.exact ? { exact: true } : {}),
      ...(opts.budget === undefined ? {} : { budget: int('budget', opts.budget, 1, 1e10) }),
      ...(opts.play === undefined ? {} : { selfPlay: parseProver(opts.play) }),
    });
    if (data.skipped !== undefined) process.stdout.write(`${data.skipped} positions skipped over the solver's budget\n`);
    process.stdout.write(`${opts.model} (${model.metadata.recipe ?? 'no recipe'})\n${formatQuality(await evaluateModel(model, data))}\n`);
  } finally {
    await model.close();
  }
}

export function registerVerifier(program: Command): void {
  const cmd = program.command('verifier').description('the learned (ONNX) progress verifier: train it reproducibly, or measure it');
  cmd
    .command('train')
    .description('label self-play positions by rollouts or exactly, train an MLP or conv net (tfjs), export it to ONNX and report held-out quality')
    .option('--game <id>', 'a game with a tensor encoding', verifierGame().id)
    .option('--seed <n>', 'seed of self-play, labels, initialisation and batch order', '1')
    .option('--positions <N>', 'positions to label (10% held out)', String(DEFAULT_RECIPE.positions))
    .option('--rollouts <M>', 'prover playouts per labelled step', String(DEFAULT_RECIPE.rollouts))
    .option('--prover <spec>', 'prover μ of the labels (random, greedy, mcts:iterations=N, best:k=K,base=(greedy); solver with --exact)', DEFAULT_RECIPE.prover)
    .option('--batch-size <B>', 'minibatch size', String(DEFAULT_RECIPE.batchSize))
    .option('--learning-rate <r>', 'Adam learning rate', String(DEFAULT_RECIPE.learningRate))
    .option('--target <t>', 'pav (q and progress A^μ) or orm (outcome value q only)', 'pav')
    .option('--outcome <spec>', 'outcome policy π of the q labels (default: q is Q^μ of the prover)')
    .option('--exact', 'exact labels (games small enough to solve)')
    .option('--unique', 'label each position once, counting symmetric images as one (so none is on both sides of the split)')
    .option('--augment', "add the game's symmetric images of the training positions")
    .option('--net <kind>', 'mlp, or conv: convolutions over the board planes (games whose encoding declares a grid) before the hidden layers', 'mlp')
    .option('--filters <list>', `conv layer widths (with --net conv; default ${DEFAULT_CONV.filters.join(',')})`)
    .option('--kernel <k>', `conv kernel size, valid padding (with --net conv; default ${DEFAULT_CONV.kernel})`)
    .option('--budget <nodes>', `search nodes per position for exact labels by a bounded solver (Connect Four); positions needing more are skipped (default ${DEFAULT_SOLVE_BUDGET})`)
    .option('--play <spec>', "self-play policy of the positions' prover share (default: the prover; uniform moves for the solver)")
    .option('--epochs <E>', 'training epochs', String(DEFAULT_RECIPE.epochs))
    .option('--hidden <list>', 'hidden layer widths', DEFAULT_RECIPE.hidden.join(','))
    .option('--out <file>', 'ONNX output (default: out/verifiers/<game>-verifier.onnx; the shipped model is never overwritten unless named here)')
    .action(async (opts: TrainOptions) => train(opts));
  cmd
    .command('eval')
    .description('quality of an ONNX verifier on fresh rollout-labelled (or exactly labelled) positions')
    .option('--model <file>', 'ONNX model', DEFAULT_VERIFIER_MODEL)
    .option('--seed <n>', 'seed of the fresh positions', '1000')
    .option('--positions <N>', 'positions', '300')
    .option('--rollouts <M>', 'prover playouts per step', String(DEFAULT_RECIPE.rollouts))
    .option('--prover <spec>', 'prover μ of the labels (solver with --exact)', DEFAULT_RECIPE.prover)
    .option('--exact', 'exact labels (the solver prover; Connect Four by its bounded solver)')
    .option('--budget <nodes>', `search nodes per position for the bounded solver (default ${DEFAULT_SOLVE_BUDGET})`)
    .option('--play <spec>', 'self-play policy of the positions (default: the prover; uniform moves for the solver)')
    .action(async (opts: EvalOptions) => evaluate(opts));
}
