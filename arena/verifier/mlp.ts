/** A dense layer: y = act(x W + b), W stored row-major as [in][out] (the layout of Gemm's B with transB = 0). */
export interface DenseLayer {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly activation: 'relu' | 'tanh';
}

/**
 * A convolution over the board planes: valid padding, stride 1, ReLU. Weights in ONNX Conv layout,
 * [filters][inChannels][kernel][kernel].
 */
export interface ConvLayer {
  readonly inChannels: number;
  readonly filters: number;
  readonly kernel: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/**
 * The convolutional front of a verifier network: a step of `inputs` numbers whose first channels x rows x cols
 * are board planes (channel-major, then row-major; the encoding's `grid`) goes through the conv layers; their
 * output, flattened in (row, column, filter) order, is followed by the step's remaining flat features and feeds
 * the dense layers.
 */
export interface ConvStack {
  readonly inputs: number;
  readonly channels: number;
  readonly rows: number;
  readonly cols: number;
  readonly layers: readonly ConvLayer[];
}

/**
 * The verifier network: optional conv layers (`conv`), dense layers (ReLU hidden, tanh last), then an affine map per output, y * scale + shift,
 * which turns the tanh range into the label ranges: q = Q^μ(s, a) in [0, 1] and a = A^μ(s, a) in [-1, 1].
 */
export interface Mlp {
  readonly conv?: ConvStack;
  readonly layers: readonly DenseLayer[];
  readonly scale: Float32Array;
  readonly shift: Float32Array;
}

/** Output columns of the verifier network. */
export const OUTPUTS = ['q', 'a'] as const;
export const OUTPUT_SCALE = [0.5, 1] as const;
export const OUTPUT_SHIFT = [0.5, 0] as const;

export function parameterCount(mlp: Mlp): number {
  const conv = mlp.conv?.layers.reduce((n, l) => n + l.weights.length + l.bias.length, 0) ?? 0;
  return conv + mlp.layers.reduce((n, l) => n + l.weights.length + l.bias.length, 0);
}

/** Numbers per step the network reads. */
export function inputWidth(mlp: Mlp): number {
  return mlp.conv ? mlp.conv.inputs : (mlp.layers[0]?.inputs ?? 0);
}

/** Output (rows, cols) of the conv layers: each valid convolution takes kernel − 1 off both sides. */
export function convOutputShape(conv: Pick<ConvStack, 'rows' | 'cols'>, kernels: readonly number[]): { rows: number; cols: number } {
  return kernels.reduce((s, k) => ({ rows: s.rows - k + 1, cols: s.cols - k + 1 }), { rows: conv.rows, cols: conv.cols });
}

/** The conv front for one step at `offset`: the flattened (row, column, filter) activations, then the flat features. */
function convFront(conv: ConvStack, input: Float32Array, offset: number): Float32Array {
  const { channels, rows, cols } = conv;
  let h = rows;
  let w = cols;
  let c = channels;
  // Activations in (row, column, channel) order.
  let x = new Float32Array(h * w * c);
  for (let ch = 0; ch < c; ch++) for (let r = 0; r < h; r++) for (let col = 0; col < w; col++) x[(r * w + col) * c + ch] = input[offset + (ch * h + r) * w + col] as number;
  for (const layer of conv.layers) {
    const k = layer.kernel;
    const oh = h - k + 1;
    const ow = w - k + 1;
    const y = new Float32Array(oh * ow * layer.filters);
    for (let r = 0; r < oh; r++) {
      for (let col = 0; col < ow; col++) {
        for (let f = 0; f < layer.filters; f++) {
          let sum = layer.bias[f] as number;
          for (let ch = 0; ch < c; ch++) {
            for (let i = 0; i < k; i++) {
              for (let j = 0; j < k; j++) sum += (x[((r + i) * w + col + j) * c + ch] as number) * (layer.weights[((f * c + ch) * k + i) * k + j] as number);
            }
          }
          y[(r * ow + col) * layer.filters + f] = Math.max(0, sum);
        }
      }
    }
    x = y;
    h = oh;
    w = ow;
    c = layer.filters;
  }
  const planes = channels * rows * cols;
  const extra = conv.inputs - planes;
  const out = new Float32Array(x.length + extra);
  out.set(x);
  out.set(input.subarray(offset + planes, offset + conv.inputs), x.length);
  return out;
}

/**
 * Pure TypeScript forward pass of a batch (`n` rows of `inputWidth` values), in float32 arithmetic at each
 * layer boundary like the runtime. The reference the ONNX model is tested against.
 */
export function forward(mlp: Mlp, input: Float32Array, n: number): Float32Array {
  let x = input;
  const conv = mlp.conv;
  if (conv) {
    const width = mlp.layers[0]?.inputs ?? 0;
    x = new Float32Array(n * width);
    for (let i = 0; i < n; i++) x.set(convFront(conv, input, i * conv.inputs), i * width);
  }
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
