import { z } from 'zod';
import type { RegressionMeta } from '../shared/api.js';

const num = z.number().nullable();

/** The agreed shape of a regression run's `runs.meta_json` (written by `arena regress`). */
const regressionSchema = z.object({
  baseline: z.string().max(200),
  candidate: z.string().max(200),
  target: z.string().max(200).optional(),
  verdicts: z
    .array(
      z.object({
        metric: z.string().max(200),
        baseline: num,
        candidate: num,
        diff: num,
        lo: num,
        hi: num,
        tolerance: z.number(),
        regression: z.boolean(),
        better: z.enum(['higher', 'lower']).optional(),
        n: z.number().int().min(0).optional(),
      }),
    )
    .max(1000),
});

/** The regression verdicts in a run's meta, or null when the meta holds none in the agreed shape. */
export function regressionMetaOf(meta: unknown): RegressionMeta | null {
  const parsed = regressionSchema.safeParse(meta);
  if (!parsed.success) return null;
  const { baseline, candidate, target, verdicts } = parsed.data;
  return {
    baseline,
    candidate,
    ...(target !== undefined ? { target } : {}),
    verdicts: verdicts.map((v) => ({
      metric: v.metric,
      baseline: v.baseline,
      candidate: v.candidate,
      diff: v.diff,
      lo: v.lo,
      hi: v.hi,
      tolerance: v.tolerance,
      regression: v.regression,
      ...(v.better !== undefined ? { better: v.better } : {}),
      ...(v.n !== undefined ? { n: v.n } : {}),
    })),
  };
}
