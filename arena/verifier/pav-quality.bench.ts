import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BenchResult } from '../../test/bench/types.js';
import { mlpFromOnnx } from './onnx-export.js';
import { evaluateModel, recipeSplit, type VerifierRecipe } from './pipeline.js';
import { DEFAULT_VERIFIER_MODEL, VerifierModel } from './runtime.js';

/**
 * Held-out quality of every shipped verifier model, on the held-out split its own recipe draws (positions never
 * trained on, nor their symmetric images when the recipe draws unique positions): Pearson r and MAE of q and a,
 * and how often the model's top move is the prover's best (by its q output and by its a output) against chance.
 * Relabels each recipe's positions, so it takes minutes; run it alone with `npm run bench pav-quality`.
 */
export async function bench(): Promise<BenchResult[]> {
  const dir = dirname(DEFAULT_VERIFIER_MODEL);
  const out: BenchResult[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.onnx')).sort()) {
    const bytes = new Uint8Array(await readFile(join(dir, file)));
    const recipe = JSON.parse(mlpFromOnnx(bytes).metadata.recipe ?? '{}') as VerifierRecipe;
    const { test } = recipeSplit(recipe);
    const model = await VerifierModel.load(bytes);
    const q = await evaluateModel(model, test);
    await model.close();
    const note = `${q.states} held-out positions, ${q.steps} steps`;
    out.push(
      { name: `${file}: Pearson r of q vs its labels`, value: Number(q.corrQ.toFixed(3)), unit: 'r', note },
      { name: `${file}: Pearson r of a vs A^μ labels`, value: Number(q.corrA.toFixed(3)), unit: 'r' },
      { name: `${file}: top move is the prover's best, by q`, value: Number((100 * q.top1).toFixed(1)), unit: '%', note: `chance ${(100 * q.chanceTop1).toFixed(1)}%` },
      { name: `${file}: top move is the prover's best, by a`, value: Number((100 * q.top1A).toFixed(1)), unit: '%' },
    );
  }
  return out;
}
