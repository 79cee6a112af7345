import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseProver } from '../search/provers.js';
import { augmentSymmetries, generateDataset, sliceStates, type Dataset } from './dataset.js';
import { verifierGame } from './game.js';
import { UsageError } from '../errors.js';
import { parameterCount, type Mlp } from './mlp.js';
import { mlpToOnnx } from './onnx-export.js';
import { verifierQuality, type VerifierQuality } from './quality.js';
import { VerifierModel } from './runtime.js';
import { DEFAULT_TRAIN, type ConvSpec, type VerifierNet, type VerifierTarget } from './train-defaults.js';

export interface VerifierRecipe {
  readonly seed: number;
  /** States labelled; the last `heldOut` share of them (by state) is kept out of training. */
  readonly positions: number;
  readonly rollouts: number;
  readonly prover: string;
  readonly epochs: number;
  readonly hidden: readonly number[];
  readonly batchSize: number;
  readonly learningRate: number;
  readonly heldOut: number;
  /** Optional (absent: the original recipe). The game id (absent: the shipped model's game). */
  readonly game?: string;
  /** 'pav' (absent) learns q and A^μ; 'orm' learns the outcome value q only (TrainOptions.target). */
  readonly target?: VerifierTarget;
  /** Outcome policy π of the q labels (a prover spec); absent: q is Q^μ. */
  readonly outcome?: string;
  /** Exact labels (solvable games), each position once up to symmetry, symmetric images added to training. */
  readonly exact?: boolean;
  readonly unique?: boolean;
  readonly augment?: boolean;
  /** 'conv' (absent: an MLP): `filters` conv layers of `kernel` x `kernel` over the encoding's grid before `hidden`. */
  readonly net?: VerifierNet;
  readonly filters?: readonly number[];
  readonly kernel?: number;
  /** Search nodes per position for exact labels by a bounded solver (large games); positions needing more are skipped. */
  readonly budget?: number;
  /** Self-play policy of the positions (a prover spec; absent: μ, or uniform moves when μ is exact). */
  readonly play?: string;
}

export const DEFAULT_RECIPE: Omit<VerifierRecipe, 'seed'> = { positions: 12000, rollouts: 32, prover: 'greedy', heldOut: 0.1, ...DEFAULT_TRAIN };

export interface TrainedVerifier {
  readonly mlp: Mlp;
  readonly bytes: Uint8Array;
  readonly parameters: number;
  readonly trainStates: number;
  readonly trainSteps: number;
  /** Held-out quality of the exported ONNX model, run with onnxruntime-node. */
  readonly quality: VerifierQuality;
}

/** Held-out quality of an ONNX verifier on a labelled dataset (one batched run). */
export async function evaluateModel(model: VerifierModel, data: Dataset): Promise<VerifierQuality> {
  return verifierQuality(data, await model.run(data.x, data.size));
}

const OPTIONAL = ['game', 'target', 'outcome', 'exact', 'unique', 'augment', 'net', 'filters', 'kernel', 'budget', 'play'] as const;

/** Whether a recipe is the original kind (none of the optional fields): its stored form is the one it always had. */
function isOriginal(recipe: VerifierRecipe): boolean {
  return OPTIONAL.every((k) => recipe[k] === undefined || recipe[k] === false);
}

/**
 * The recipe as stored in a model's metadata. The original kind is stored as given (the shipped model's bytes);
 * the others in one fixed key order, so the same recipe gives the same bytes however it was built.
 */
export function recipeJson(recipe: VerifierRecipe): string {
  if (isOriginal(recipe)) return JSON.stringify(recipe);
  const keys = [...Object.keys(DEFAULT_RECIPE), 'seed', ...OPTIONAL] as (keyof VerifierRecipe)[];
  return JSON.stringify(Object.fromEntries(keys.filter((k) => recipe[k] !== undefined).map((k) => [k, recipe[k]])));
}

/** The labelled positions of a recipe (deterministic for its seed). */
export function recipeDataset(recipe: VerifierRecipe): Dataset {
  return generateDataset(verifierGame(recipe.game), {
    positions: recipe.positions,
    rollouts: recipe.rollouts,
    seed: recipe.seed,
    prover: parseProver(recipe.prover),
    ...(recipe.outcome === undefined ? {} : { outcome: parseProver(recipe.outcome) }),
    ...(recipe.exact ? { exact: true } : {}),
    ...(recipe.unique ? { unique: true } : {}),
    ...(recipe.budget === undefined ? {} : { budget: recipe.budget }),
    ...(recipe.play === undefined ? {} : { selfPlay: parseProver(recipe.play) }),
  });
}

/** The conv layers of a recipe over its game's grid, or undefined for an MLP; a game without a grid is an error. */
export function recipeConv(recipe: VerifierRecipe): ConvSpec | undefined {
  if (recipe.net !== 'conv') return undefined;
  const game = verifierGame(recipe.game);
  const grid = game.tensor?.grid;
  if (!grid) throw new UsageError(`a conv verifier needs a game whose encoding declares a grid; '${game.id}' has none`);
  return { filters: recipe.filters ?? DEFAULT_CONV.filters, kernel: recipe.kernel ?? DEFAULT_CONV.kernel, ...grid };
}

/** Conv layers when a recipe names none: one layer of 32 filters of 4 x 4 (the size of a line of four). */
export const DEFAULT_CONV = { filters: [32], kernel: 4 } as const;

/** The recipe's split by state: training states (augmented by the game's symmetries if asked) and held-out states. */
export function recipeSplit(recipe: VerifierRecipe, data: Dataset = recipeDataset(recipe)): { train: Dataset; test: Dataset } {
  const cut = Math.max(1, Math.min(data.states - 1, Math.round(data.states * (1 - recipe.heldOut))));
  const train = sliceStates(data, 0, cut);
  const symmetries = verifierGame(recipe.game).tensor?.symmetries ?? [];
  return { train: recipe.augment ? augmentSymmetries(train, symmetries) : train, test: sliceStates(data, cut, data.states) };
}

/**
 * The whole recipe, deterministic for a seed: labelled self-play positions of the recipe's game (default: the
 * shipped model's, Connect Four 6 x 7), a tfjs MLP trained on all but the held-out states, exported to ONNX with
 * the recipe and its held-out quality as metadata, and that quality measured on the exported model itself.
 */
export async function trainVerifierModel(recipe: VerifierRecipe, log: (line: string) => void = () => undefined, labelled?: Dataset): Promise<TrainedVerifier> {
  const game = verifierGame(recipe.game);
  // `labelled`: the recipe's own dataset, drawn once and shared by recipes that differ only in target.
  const data = labelled ?? recipeDataset(recipe);
  const { train, test } = recipeSplit(recipe, data);
  const labels = recipe.exact ? `exact ${recipe.prover} values` : `${recipe.rollouts} ${recipe.prover} playouts each`;
  const skipped = data.skipped === undefined ? '' : `, ${data.skipped} positions skipped over the solver's budget`;
  log(`labelled ${data.states} positions (${data.size} steps, ${labels}${skipped}); training on ${train.states}${recipe.augment ? ' (with symmetric images)' : ''}, holding out ${test.states}`);
  const conv = recipeConv(recipe);
  // tfjs is loaded only when training (it is large, and every CLI start would pay for it otherwise).
  const { trainVerifier } = await import('./train.js');
  const mlp = await trainVerifier(train, {
    ...(conv ? { conv } : {}),
    hidden: recipe.hidden,
    epochs: recipe.epochs,
    batchSize: recipe.batchSize,
    learningRate: recipe.learningRate,
    seed: recipe.seed,
    ...(recipe.target ? { target: recipe.target } : {}),
    onEpoch: (e, loss) => log(`epoch ${e}/${recipe.epochs}: loss ${loss.toFixed(4)}`),
  });
  const params = Object.entries(game.params).map(([k, v]) => `${k}=${v}`).join(',');
  const meta = {
    game: `${game.id}@${game.version}(${params})`,
    encoding: game.tensor?.name ?? '',
    outputs: recipe.target === 'orm' ? 'q' : 'q,a',
    recipe: recipeJson(recipe),
    ...(data.skipped === undefined ? {} : { labelSkipped: String(data.skipped) }),
  };
  const draft = mlpToOnnx(mlp, meta);
  const model = await VerifierModel.load(draft);
  const quality = await evaluateModel(model, test);
  await model.close();
  // The original recipe (none of the optional fields) stores the quality fields it always stored, so its model
  // keeps its bytes; the others also store the progress head's ranking (top1A).
  const original = isOriginal(recipe);
  const { top1A: _progressRanking, ...stored } = quality;
  const bytes = mlpToOnnx(mlp, { ...meta, heldOutQuality: JSON.stringify(original ? stored : quality) });
  return { mlp, bytes, parameters: parameterCount(mlp), trainStates: train.states, trainSteps: train.size, quality };
}

export async function writeModel(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}

/** The `arena verifier train` arguments that reproduce a recipe (the held-out share is always the default 10%). */
export function recipeArgs(recipe: VerifierRecipe): string[] {
  return [
    ...(recipe.game === undefined ? [] : ['--game', recipe.game]),
    '--seed', String(recipe.seed),
    '--positions', String(recipe.positions),
    '--rollouts', String(recipe.rollouts),
    '--prover', recipe.prover,
    '--epochs', String(recipe.epochs),
    '--hidden', recipe.hidden.join(','),
    '--batch-size', String(recipe.batchSize),
    '--learning-rate', String(recipe.learningRate),
    ...(recipe.target === undefined ? [] : ['--target', recipe.target]),
    ...(recipe.outcome === undefined ? [] : ['--outcome', recipe.outcome]),
    ...(recipe.exact ? ['--exact'] : []),
    ...(recipe.unique ? ['--unique'] : []),
    ...(recipe.augment ? ['--augment'] : []),
    ...(recipe.net === undefined ? [] : ['--net', recipe.net]),
    ...(recipe.filters === undefined ? [] : ['--filters', recipe.filters.join(',')]),
    ...(recipe.kernel === undefined ? [] : ['--kernel', String(recipe.kernel)]),
    ...(recipe.budget === undefined ? [] : ['--budget', String(recipe.budget)]),
    ...(recipe.play === undefined ? [] : ['--play', recipe.play]),
  ];
}
