/** The training target of a verifier network (see TrainOptions.target). */
export type VerifierTarget = 'pav' | 'orm';

export interface TrainOptions {
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
