import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../games/core/rng.js';
import type { Dataset } from './dataset.js';
import { convOutputShape, OUTPUT_SCALE, OUTPUT_SHIFT, type ConvLayer, type DenseLayer, type Mlp } from './mlp.js';
import type { ConvSpec, TrainOptions } from './train-defaults.js';
import type { Rng } from '../../games/core/rng.js';

let backendReady: Promise<boolean> | null = null;

/** tfjs on its pure-JS CPU backend (deterministic, no native addon). */
function cpuBackend(): Promise<boolean> {
  backendReady ??= tf.setBackend('cpu');
  return backendReady;
}

/**
 * Trains the verifier MLP with tfjs (Adam, mean squared error on both outputs, glorot-uniform weights seeded from
 * `seed`, minibatches in a seeded order) and returns its weights. Targets are mapped into the tanh range: the
 * network predicts (2q − 1, a), and the exported scale/shift maps them back to (q, a).
 */
export async function trainVerifier(data: Dataset, options: TrainOptions): Promise<Mlp> {
  await cpuBackend();
  if (options.conv) return trainConv(data, options, options.conv);
  const rng = createRng(options.seed);
  const sizes = [data.inputs, ...options.hidden, 2];
  const model = tf.sequential();
  for (let i = 1; i < sizes.length; i++) {
    const last = i === sizes.length - 1;
    model.add(
      tf.layers.dense({
        units: sizes[i] as number,
        activation: last ? 'tanh' : 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: rng.int(0, 1e9) }),
        biasInitializer: 'zeros',
        ...(i === 1 ? { inputShape: [data.inputs] } : {}),
      }),
    );
  }
  await fit(model, data, options, rng, (x, n) => [tf.tensor2d(x, [n, data.inputs])]);
  const layers: DenseLayer[] = [];
  for (let i = 0; i < model.layers.length; i++) {
    const [kernel, bias] = model.layers[i]?.getWeights() ?? [];
    if (!kernel || !bias) throw new Error('dense layer without weights');
    layers.push({
      inputs: sizes[i] as number,
      outputs: sizes[i + 1] as number,
      weights: Float32Array.from(kernel.dataSync()),
      bias: Float32Array.from(bias.dataSync()),
      activation: i === model.layers.length - 1 ? 'tanh' : 'relu',
    });
  }
  model.dispose();
  return { layers, scale: Float32Array.from(OUTPUT_SCALE), shift: Float32Array.from(OUTPUT_SHIFT) };
}

/**
 * Compiles the model (Adam, squared error on (2q − 1, a), or on q alone for an ORM) and trains it for the epochs,
 * minibatches in a seeded order; `inputs` turns a batch of encoded steps into the model's input tensors.
 */
async function fit(model: tf.LayersModel, data: Dataset, options: TrainOptions, rng: Rng, inputs: (x: Float32Array, n: number) => tf.Tensor[]): Promise<void> {
  // An ORM learns q alone: the squared error of the a column is masked out of the loss.
  const ormLoss = (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor => tf.mean(tf.mul(tf.square(tf.sub(yTrue, yPred)), tf.tensor1d([1, 0])), -1);
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: options.target === 'orm' ? ormLoss : 'meanSquaredError' });
  const qLabel = data.o ?? data.q;
  const target = new Float32Array(data.size * 2);
  for (let i = 0; i < data.size; i++) {
    target[2 * i] = ((qLabel[i] as number) - OUTPUT_SHIFT[0]) / OUTPUT_SCALE[0];
    target[2 * i + 1] = ((data.a[i] as number) - OUTPUT_SHIFT[1]) / OUTPUT_SCALE[1];
  }
  const order = Array.from({ length: data.size }, (_, i) => i);
  const bx = new Float32Array(options.batchSize * data.inputs);
  const by = new Float32Array(options.batchSize * 2);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const shuffled = rng.shuffle(order);
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < shuffled.length; start += options.batchSize) {
      const idx = shuffled.slice(start, start + options.batchSize);
      idx.forEach((row, j) => {
        bx.set(data.x.subarray(row * data.inputs, (row + 1) * data.inputs), j * data.inputs);
        by[2 * j] = target[2 * row] as number;
        by[2 * j + 1] = target[2 * row + 1] as number;
      });
      const xs = inputs(bx.subarray(0, idx.length * data.inputs), idx.length);
      const ys = tf.tensor2d(by.subarray(0, idx.length * 2), [idx.length, 2]);
      const loss = await model.trainOnBatch(xs.length === 1 ? (xs[0] as tf.Tensor) : xs, ys);
      xs.forEach((t) => t.dispose());
      ys.dispose();
      lossSum += Array.isArray(loss) ? (loss[0] ?? 0) : loss;
      batches++;
    }
    options.onEpoch?.(epoch + 1, lossSum / Math.max(1, batches));
  }
}

/**
 * The conv network: the step's board planes as an image [batch, rows, cols, channels] through valid convolutions
 * with ReLU, flattened in (row, column, filter) order and concatenated with the step's flat features, then the
 * dense layers as in the MLP. Weights are returned in ONNX layout (see ConvLayer).
 */
async function trainConv(data: Dataset, options: TrainOptions, spec: ConvSpec): Promise<Mlp> {
  const rng = createRng(options.seed);
  const { channels, rows, cols } = spec;
  const planes = channels * rows * cols;
  const extra = data.inputs - planes;
  if (extra < 0) throw new RangeError(`a step of ${data.inputs} numbers holds no ${channels} x ${rows} x ${cols} planes`);
  const out = convOutputShape(spec, spec.filters.map(() => spec.kernel));
  if (out.rows < 1 || out.cols < 1) throw new RangeError(`${spec.filters.length} convolutions of kernel ${spec.kernel} do not fit a ${rows} x ${cols} board`);
  // The first convolution runs as one dense map over the board's k x k patches (im2col: the same weights and
  // arithmetic, and much faster than conv2d on the pure-JS backend); later ones as conv2d layers.
  const k = spec.kernel;
  const first = convOutputShape(spec, [k]);
  const patches = first.rows * first.cols;
  const patch = k * k * channels;
  const image = tf.input({ shape: [patches, patch] });
  const flat = extra > 0 ? tf.input({ shape: [extra] }) : null;
  let h = image as tf.SymbolicTensor;
  spec.filters.forEach((filters, i) => {
    const init = { kernelInitializer: tf.initializers.glorotUniform({ seed: rng.int(0, 1e9) }), biasInitializer: 'zeros' as const };
    if (i === 0) {
      h = tf.layers.dense({ units: filters, activation: 'relu', ...init }).apply(h) as tf.SymbolicTensor;
      if (spec.filters.length > 1) h = tf.layers.reshape({ targetShape: [first.rows, first.cols, filters] }).apply(h) as tf.SymbolicTensor;
    } else {
      h = tf.layers.conv2d({ filters, kernelSize: k, padding: 'valid', activation: 'relu', ...init }).apply(h) as tf.SymbolicTensor;
    }
  });
  h = tf.layers.flatten().apply(h) as tf.SymbolicTensor;
  if (flat) h = tf.layers.concatenate().apply([h, flat]) as tf.SymbolicTensor;
  const sizes = [out.rows * out.cols * (spec.filters[spec.filters.length - 1] ?? channels) + extra, ...options.hidden, 2];
  for (let i = 1; i < sizes.length; i++) {
    const last = i === sizes.length - 1;
    const layer = tf.layers.dense({ units: sizes[i] as number, activation: last ? 'tanh' : 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: rng.int(0, 1e9) }), biasInitializer: 'zeros' });
    h = layer.apply(h) as tf.SymbolicTensor;
  }
  const model = tf.model({ inputs: flat ? [image, flat] : [image], outputs: h });
  // Patch element (i, j, channel) of output cell (r, c) is plane `channel` at (r + i, c + j); planes are stored
  // channel-major in a step.
  const toImage = (x: Float32Array, n: number): tf.Tensor[] => {
    const img = new Float32Array(n * patches * patch);
    const rest = new Float32Array(n * extra);
    for (let b = 0; b < n; b++) {
      const base = b * data.inputs;
      let at = b * patches * patch;
      for (let r = 0; r < first.rows; r++) {
        for (let c = 0; c < first.cols; c++) {
          for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let ch = 0; ch < channels; ch++) img[at++] = x[base + (ch * rows + r + i) * cols + c + j] as number;
        }
      }
      rest.set(x.subarray(base + planes, base + data.inputs), b * extra);
    }
    const t: tf.Tensor[] = [tf.tensor3d(img, [n, patches, patch])];
    if (extra > 0) t.push(tf.tensor2d(rest, [n, extra]));
    return t;
  };
  await fit(model, data, options, rng, toImage);
  const convLayers: ConvLayer[] = [];
  const layers: DenseLayer[] = [];
  let inC = channels;
  for (const layer of model.layers) {
    const [kernel, bias] = layer.getWeights();
    if (!kernel || !bias) continue;
    const w = kernel.dataSync();
    if (convLayers.length < spec.filters.length) {
      // tfjs conv2d [k][k][in][out] (the patch map's [k * k * in][out] is the same layout) to ONNX [out][in][k][k].
      const f = kernel.shape[kernel.shape.length - 1] as number;
      const onnx = new Float32Array(w.length);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let c = 0; c < inC; c++) for (let o = 0; o < f; o++) onnx[((o * inC + c) * k + i) * k + j] = w[((i * k + j) * inC + c) * f + o] as number;
      convLayers.push({ inChannels: inC, filters: f, kernel: k, weights: onnx, bias: Float32Array.from(bias.dataSync()) });
      inC = f;
    } else {
      const [inputs, outputs] = kernel.shape as [number, number];
      layers.push({ inputs, outputs, weights: Float32Array.from(w), bias: Float32Array.from(bias.dataSync()), activation: layers.length === sizes.length - 2 ? 'tanh' : 'relu' });
    }
  }
  model.dispose();
  return { conv: { inputs: data.inputs, channels, rows, cols, layers: convLayers }, layers, scale: Float32Array.from(OUTPUT_SCALE), shift: Float32Array.from(OUTPUT_SHIFT) };
}
