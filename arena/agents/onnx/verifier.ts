import type { ConnectFourState } from '../../../games/connect-four/index.js';
import type { MoveGame } from '../../../games/core/move-game.js';
import { encodeMoves, inputSize } from '../../../games/connect-four/encode.js';
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

/** The network's (q, a) for each move of a Connect Four state, one batched inference. */
export async function predictMoves(model: VerifierModel, game: MoveGame, state: unknown, actions: readonly unknown[]): Promise<{ q: number[]; a: number[] }> {
  if (game.id !== 'connect-four') throw new UsageError(`the learned verifier plays connect-four only, not ${game.id}`);
  const s = state as ConnectFourState;
  if (inputSize(s.rows, s.cols) !== model.inputs) throw new UsageError(`the verifier model expects a different board size than ${s.rows} x ${s.cols}`);
  const out = await model.predict(encodeMoves(s, actions as number[]), actions.length);
  return { q: actions.map((_, i) => out[2 * i] as number), a: actions.map((_, i) => out[2 * i + 1] as number) };
}

/** The learned verifier as a PRM scorer: q and a straight from the network; compute = one inference per move. */
export function onnxVerifier(path: string = DEFAULT_VERIFIER_MODEL): MoveVerifier {
  return {
    name: `onnx:${path === DEFAULT_VERIFIER_MODEL ? 'connect-four-verifier.onnx' : path}`,
    kind: 'onnx',
    async score(game: MoveGame, state: unknown, actions: readonly unknown[]) {
      const { q, a } = await predictMoves(await sharedModel(path), game, state, actions);
      return { q, a, simulations: actions.length };
    },
  };
}
