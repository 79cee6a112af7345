import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { formatZodError } from '../config/zod-errors.js';
import { CACHE_MODES } from '../llm/cache.js';

const suiteSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected letters, digits, dot, underscore or dash' }).optional(),
    target: z.string({ error: 'expected the name of the baseline agent the candidate replaces' }).min(1),
    gates: z
      .array(
        z
          .object({
            metric: z.string({ error: 'expected a metric id such as wr, csr, obr, processScore' }).min(1),
            tolerance: z.number({ error: 'expected a number' }).min(0, { error: 'expected a tolerance >= 0' }).default(0),
          })
          .strict(),
      )
      .min(1, { error: 'expected at least one gate' }),
    agents: z.record(z.string(), z.string().min(1)).default({}),
    bootstrap: z.int().min(100).max(100_000).default(1000),
    seed: z.int().min(0).default(1),
    models: z.string().optional(),
    cache: z.enum(CACHE_MODES as unknown as [string, ...string[]]).default('read-write'),
    workers: z.int().min(1).max(256).optional(),
    /**
     * Sequential early stop: play the baseline's matches in batches (in the baseline's order) and stop once every
     * gate's verdict is decided by anytime-valid intervals. `true` uses batches of 10 matches.
     */
    sequential: z
      .union([z.boolean(), z.object({ batch: z.int({ error: 'expected a whole number of matches per batch' }).min(1, { error: 'expected a batch of at least 1 match' }).max(100_000) }).strict()], {
        error: 'expected true, false or { batch: N }',
      })
      .default(false),
  })
  .strict();

export type RegressSuite = z.output<typeof suiteSchema> & { readonly cache: 'off' | 'read' | 'write' | 'read-write' };

/** Matches per batch of a sequential regression run unless the suite says otherwise. */
export const DEFAULT_SEQUENTIAL_BATCH = 10;

/** The batch size of a sequential run, or undefined when the suite is not sequential. */
export function sequentialBatch(suite: Pick<RegressSuite, 'sequential'>): number | undefined {
  if (suite.sequential === false) return undefined;
  return suite.sequential === true ? DEFAULT_SEQUENTIAL_BATCH : suite.sequential.batch;
}

/** Reads and validates a regression suite file (YAML or JSON). */
export function loadRegressSuite(path: string): RegressSuite {
  let value: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    value = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new UsageError(`cannot read regression suite '${path}': ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const parsed = suiteSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`invalid regression suite\n${formatZodError(path, parsed.error)}`);
  return parsed.data as RegressSuite;
}
