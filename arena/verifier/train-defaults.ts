/** The training target of a verifier network (see TrainOptions.target). */
export type VerifierTarget = 'pav' | 'orm';

/** The network kind: a dense MLP on the flat step, or conv layers over the board planes first. */
export type VerifierNet = 'mlp' | 'conv';

/** Conv layers of a `conv` network: filters per layer (valid convolutions, stride 1, ReLU), one square kernel size. */
export interface ConvSpec {
  readonly filters: readonly number[];
  readonly kernel: number;
  /** The encoding's grid (TensorEncoding.grid). */
  readonly channels: number;
  readonly rows: number;
  readonly cols: number;
}

export interface TrainOptions {
  /** Conv layers before the dense ones (absent: an MLP). */
  readonly conv?: ConvSpec;
  readonly hidden: readonly number[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
  /**
   * What the network learns: 'pav' (default) both outputs, q the outcome label (the dataset's outcome labels when it
   * has them, else Q^μ) and a = A^μ; 'orm' the q output only (the a output gets no loss and is not used).
   */
  readonly target?: VerifierTarget;
  /** Called after each epoch with the mean training loss. */
  readonly onEpoch?: (epoch: number, loss: number) => void;
}

/** The training settings of the shipped model (see models/README.md). */
export const DEFAULT_TRAIN: Omit<TrainOptions, 'seed'> = { hidden: [64, 32], epochs: 6, batchSize: 128, learningRate: 0.002 };
