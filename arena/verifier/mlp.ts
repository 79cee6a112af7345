/** A dense layer: y = act(x W + b), W stored row-major as [in][out] (the layout of Gemm's B with transB = 0). */
export interface DenseLayer {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly activation: 'relu' | 'tanh';
}

/**
 * The verifier network: dense layers (ReLU hidden, tanh last), then an affine map per output, y * scale + shift,
 * which turns the tanh range into the label ranges: q = Q^μ(s, a) in [0, 1] and a = A^μ(s, a) in [-1, 1].
 */
export interface Mlp {
  readonly layers: readonly DenseLayer[];
  readonly scale: Float32Array;
  readonly shift: Float32Array;
}

/** Output columns of the verifier network. */
export const OUTPUTS = ['q', 'a'] as const;
export const OUTPUT_SCALE = [0.5, 1] as const;
export const OUTPUT_SHIFT = [0.5, 0] as const;

export function parameterCount(mlp: Mlp): number {
  return mlp.layers.reduce((n, l) => n + l.weights.length + l.bias.length, 0);
}

/**
 * Pure TypeScript forward pass of a batch (`n` rows of `layers[0].inputs` values), in float32 arithmetic at each
 * layer boundary like the runtime. The reference the ONNX model is tested against.
 */
export function forward(mlp: Mlp, input: Float32Array, n: number): Float32Array {
  let x = input;
  for (const layer of mlp.layers) {
    const y = new Float32Array(n * layer.outputs);
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < layer.outputs; o++) {
        let sum = layer.bias[o] as number;
        for (let k = 0; k < layer.inputs; k++) sum += (x[i * layer.inputs + k] as number) * (layer.weights[k * layer.outputs + o] as number);
        y[i * layer.outputs + o] = layer.activation === 'relu' ? Math.max(0, sum) : Math.tanh(sum);
      }
    }
    x = y;
  }
  const outs = mlp.scale.length;
  const out = new Float32Array(n * outs);
  for (let i = 0; i < n * outs; i++) out[i] = (x[i] as number) * (mlp.scale[i % outs] as number) + (mlp.shift[i % outs] as number);
  return out;
}
