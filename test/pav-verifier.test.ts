import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlpFromOnnx } from '../arena/verifier/onnx-export.js';
import { DEFAULT_RECIPE, evaluateModel, recipeArgs, recipeSplit, trainVerifierModel, type VerifierRecipe } from '../arena/verifier/pipeline.js';
import { DEFAULT_VERIFIER_MODEL, VerifierModel } from '../arena/verifier/runtime.js';

/** sha256 of the model the small ORM recipe below makes (with every optional recipe field in use). */
const PINNED_SMALL_ORM_SHA256 = '0c8110c6b741af8635bba4e1851e4df85341fb9781739593aae827d22d19ea99';
const models = dirname(DEFAULT_VERIFIER_MODEL);

async function shipped(name: string): Promise<{ bytes: Uint8Array; recipe: VerifierRecipe }> {
  const bytes = new Uint8Array(await readFile(join(models, name)));
  return { bytes, recipe: JSON.parse(mlpFromOnnx(bytes).metadata.recipe ?? '{}') as VerifierRecipe };
}

describe('the shipped tic-tac-toe ORM and PAV, on their held-out positions (exact labels, never trained on)', () => {
  it('are one recipe but for the target, and near-perfect where it matters: the PAV ranks the best move first', async () => {
    const pav = await shipped('tic-tac-toe-pav.onnx');
    const orm = await shipped('tic-tac-toe-orm.onnx');
    expect(orm.recipe).toEqual({ ...pav.recipe, target: 'orm' });
    expect(pav.recipe).toMatchObject({ game: 'tic-tac-toe', prover: 'solver', exact: true, unique: true, augment: true, outcome: 'random' });
    const { test } = recipeSplit(pav.recipe);
    const quality = async (bytes: Uint8Array) => {
      const model = await VerifierModel.load(bytes);
      try {
        return await evaluateModel(model, test);
      } finally {
        await model.close();
      }
    };
    const p = await quality(pav.bytes);
    const o = await quality(orm.bytes);
    expect(p.states).toBeGreaterThanOrEqual(50);
    // the progress head ranks the optimal move first; both q heads fit the outcome values
    expect(p.top1A).toBeGreaterThanOrEqual(0.95);
    expect(p.corrQ).toBeGreaterThan(0.95);
    expect(o.corrQ).toBeGreaterThan(0.95);
    expect(p.corrA).toBeGreaterThan(0.7);
    // the stored figures are the ones measured
    expect(JSON.parse(mlpFromOnnx(pav.bytes).metadata.heldOutQuality ?? '{}')).toEqual(JSON.parse(JSON.stringify(p)));
  }, 60_000);
});

describe('the shipped Connect Four ORM and PAV', () => {
  it('are one recipe but for the target, and the ORM has no progress output', async () => {
    const pav = await shipped('connect-four-pav.onnx');
    const orm = await shipped('connect-four-orm.onnx');
    expect(orm.recipe).toEqual({ ...pav.recipe, target: 'orm' });
    expect(mlpFromOnnx(orm.bytes).metadata.outputs).toBe('q');
    expect(mlpFromOnnx(pav.bytes).metadata.outputs).toBe('q,a');
  });
});

describe('training with every optional recipe field', () => {
  it('is deterministic, gives one pinned hash, and stores a recipe the CLI arguments rebuild', async () => {
    const recipe: VerifierRecipe = { ...DEFAULT_RECIPE, seed: 5, game: 'tic-tac-toe', positions: 40, prover: 'solver', outcome: 'random', exact: true, unique: true, augment: true, target: 'orm', epochs: 1, hidden: [8] };
    const [a, b] = [await trainVerifierModel(recipe), await trainVerifierModel(recipe)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(createHash('sha256').update(a.bytes).digest('hex')).toBe(PINNED_SMALL_ORM_SHA256);
    const meta = mlpFromOnnx(a.bytes).metadata;
    expect(meta.outputs).toBe('q');
    expect(JSON.parse(meta.recipe ?? '{}')).toEqual(recipe);
    expect(recipeArgs(recipe)).toEqual(expect.arrayContaining(['--game', 'tic-tac-toe', '--target', 'orm', '--outcome', 'random', '--exact', '--unique', '--augment']));
  }, 60_000);
});
