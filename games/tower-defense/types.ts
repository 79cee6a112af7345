/** A used (validated) Human unit: catalogue index, cell and effective spawn time. */
export interface TdHuman {
  /** Index into HUMANS. */
  readonly kind: number;
  readonly x: number;
  readonly y: number;
  /** Effective spawn time in ms: the submitted value rounded down to a multiple of 50. */
  readonly spawn: number;
}

/** A used (validated) Demon unit: catalogue index, lane and effective spawn time. */
export interface TdDemon {
  /** Index into DEMONS. */
  readonly kind: number;
  readonly y: number;
  readonly spawn: number;
}

/**
 * A validated Tower Defense plan: the units that fight, in submitted order (order breaks spawn ties). A Human plan
 * has side 'human' and only `humans`; a Demon plan has side 'demon' and only `demons`.
 */
export type TdPlan =
  | { readonly side: 'human'; readonly humans: readonly TdHuman[] }
  | { readonly side: 'demon'; readonly demons: readonly TdDemon[] };
