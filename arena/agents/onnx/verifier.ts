import { basename } from 'node:path';
import { encodeActions, type MoveGame } from '../../../games/core/move-game.js';
import { DEFAULT_VERIFIER_MODEL, VerifierModel } from '../../verifier/runtime.js';
import { UsageError } from '../../errors.js';
import type { MoveVerifier } from '../prm/verifier.js';

const models = new Map<string, Promise<VerifierModel>>();

/**
 * The loaded model for a file, shared by every agent of the process so that concurrent games batch through one
 * session. A file that cannot be loaded is a UsageError naming it.
 */
export function sharedModel(path: string = DEFAULT_VERIFIER_MODEL): Promise<VerifierModel> {
  let model = models.get(path);
  if (!model) {
    model = VerifierModel.load(path).catch((err: unknown) => {
      models.delete(path);
      throw new UsageError(`cannot load verifier model '${path}': ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    });
    models.set(path, model);
  }
  return model;
}

/** The network's (q, a) for each move of a state of a game with a tensor encoding, one batched inference. */
export async function predictMoves(model: VerifierModel, game: MoveGame, state: unknown, actions: readonly unknown[]): Promise<{ q: number[]; a: number[] }> {
  const tensor = game.tensor;
  if (!tensor) throw new UsageError(`the learned verifier plays games with a tensor encoding only, not ${game.id}`);
  if (tensor.size !== model.inputs) throw new UsageError(`the verifier model expects a different board size than ${Object.values(game.params).join(' x ')}`);
  const out = await model.predict(encodeActions(tensor, state, actions), actions.length);
  return { q: actions.map((_, i) => out[2 * i] as number), a: actions.map((_, i) => out[2 * i + 1] as number) };
}

/**
 * The learned verifier as a PRM scorer: q and a straight from the network (a is null for an outcome model, whose
 * metadata lists the output q only); compute = one inference per move.
 */
export function onnxVerifier(path: string = DEFAULT_VERIFIER_MODEL): MoveVerifier {
  return {
    name: `onnx:${path === DEFAULT_VERIFIER_MODEL ? basename(DEFAULT_VERIFIER_MODEL) : path}`,
    kind: 'onnx',
    async score(game: MoveGame, state: unknown, actions: readonly unknown[]) {
      const model = await sharedModel(path);
      const { q, a } = await predictMoves(model, game, state, actions);
      // An outcome model (trained with target orm) has no progress output.
      return { q, a: model.metadata.outputs === 'q' ? null : a, simulations: actions.length };
    },
  };
}
