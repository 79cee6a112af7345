import { describe, expect, it } from 'vitest';
import { encodeActions } from '../core/move-game.js';
import { encodeMoves, inputSize } from './encode.js';
import { createConnectFour } from './rules.js';

describe('the tensor-encoding capability of Connect Four', () => {
  it('is the verifier encoding of the instance size, batched like encodeMoves', () => {
    const game = createConnectFour({ rows: 5, cols: 6 });
    const tensor = game.tensor;
    expect(tensor?.size).toBe(inputSize(5, 6));
    const state = game.apply(game.apply(game.initial(), 2), 3);
    expect(Array.from(encodeActions(tensor!, state, [0, 3, 5]))).toEqual(Array.from(encodeMoves(state, [0, 3, 5])));
  });
});
