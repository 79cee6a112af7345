export interface TrainOptions {
  readonly hidden: readonly number[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
  /** Called after each epoch with the mean training loss. */
  readonly onEpoch?: (epoch: number, loss: number) => void;
}

/** The training settings of the shipped model (see models/README.md). */
export const DEFAULT_TRAIN: Omit<TrainOptions, 'seed'> = { hidden: [64, 32], epochs: 6, batchSize: 128, learningRate: 0.002 };
