/** One benchmark figure. Ratios measured side by side in one run are the figures to trust on shared machines. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}
