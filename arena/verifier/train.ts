import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../games/core/rng.js';
import type { Dataset } from './dataset.js';
import { OUTPUT_SCALE, OUTPUT_SHIFT, type DenseLayer, type Mlp } from './mlp.js';
import type { TrainOptions } from './train-defaults.js';

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
      const xs = tf.tensor2d(bx.subarray(0, idx.length * data.inputs), [idx.length, data.inputs]);
      const ys = tf.tensor2d(by.subarray(0, idx.length * 2), [idx.length, 2]);
      const loss = await model.trainOnBatch(xs, ys);
      xs.dispose();
      ys.dispose();
      lossSum += Array.isArray(loss) ? (loss[0] ?? 0) : loss;
      batches++;
    }
    options.onEpoch?.(epoch + 1, lossSum / Math.max(1, batches));
  }
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
