import { z } from 'zod';

/**
 * The fields Inspect AI's log reader requires (its pydantic models EvalLog, EvalSpec, EvalDataset, EvalConfig,
 * EvalPlan, EvalResults, EvalStats, EvalSample, EvalSampleSummary, ChatMessage, Score, ModelUsage, EvalError),
 * with the types it validates them against. Optional fields the exporter writes are typed too, so a wrong type is
 * caught here rather than by a user's reader. Extra fields are allowed, as Inspect allows them.
 */
const utc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 time with a zone');
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const value = z.union([scalar, z.array(scalar), z.record(z.string(), scalar)]);

export const inspectScoreSchema = z.object({ value, answer: z.string().nullable().optional(), explanation: z.string().nullable().optional(), metadata: z.record(z.string(), z.unknown()).nullable().optional() });

export const inspectUsageSchema = z.object({ input_tokens: z.int(), output_tokens: z.int(), total_tokens: z.int(), reasoning_tokens: z.int().nullable().optional(), total_cost: z.number().nullable().optional() });

export const inspectMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.string(),
  source: z.enum(['input', 'generate', 'operator']).nullable().optional(),
  model: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});

const errorSchema = z.object({ message: z.string(), traceback: z.string(), traceback_ansi: z.string() });

export const inspectSampleSummarySchema = z.object({
  id: z.union([z.int(), z.string()]),
  epoch: z.int(),
  input: z.union([z.string(), z.array(inspectMessageSchema)]),
  target: z.union([z.string(), z.array(z.string())]),
  metadata: z.record(z.string(), z.unknown()),
  scores: z.record(z.string(), inspectScoreSchema).nullable().optional(),
  model_usage: z.record(z.string(), inspectUsageSchema).optional(),
  error: z.string().nullable().optional(),
  completed: z.boolean().optional(),
});

export const inspectSampleSchema = inspectSampleSummarySchema.extend({
  messages: z.array(inspectMessageSchema),
  output: z.object({ model: z.string(), choices: z.array(z.unknown()), completion: z.string() }),
  store: z.record(z.string(), z.unknown()),
  events: z.array(z.unknown()),
  total_time: z.number().nullable().optional(),
  working_time: z.number().nullable().optional(),
  error: errorSchema.nullable().optional(),
});

const metricSchema = z.object({ name: z.string(), value: z.number(), params: z.record(z.string(), z.unknown()).optional() });

export const inspectHeaderSchema = z.object({
  version: z.literal(2),
  status: z.enum(['started', 'success', 'cancelled', 'error']),
  eval: z.object({
    eval_id: z.string(),
    run_id: z.string(),
    created: utc,
    task: z.string(),
    task_id: z.string(),
    task_version: z.union([z.int(), z.string()]),
    dataset: z.object({ name: z.string().nullable().optional(), samples: z.int().nullable().optional(), sample_ids: z.array(z.union([z.int(), z.string()])).nullable().optional(), shuffled: z.boolean().nullable().optional() }),
    model: z.string(),
    model_generate_config: z.record(z.string(), z.unknown()),
    model_roles: z.record(z.string(), z.object({ model: z.string(), config: z.record(z.string(), z.unknown()).optional() })).nullable().optional(),
    config: z.record(z.string(), z.unknown()),
    packages: z.record(z.string(), z.string()),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
    scorers: z.array(z.object({ name: z.string(), options: z.record(z.string(), z.unknown()).nullable().optional(), metrics: z.array(z.object({ name: z.string() })) })).nullable().optional(),
  }),
  plan: z.object({ name: z.string(), steps: z.array(z.object({ solver: z.string(), params: z.record(z.string(), z.unknown()) })), config: z.record(z.string(), z.unknown()) }),
  results: z
    .object({ total_samples: z.int(), completed_samples: z.int(), scores: z.array(z.object({ name: z.string(), scorer: z.string(), metrics: z.record(z.string(), metricSchema) })) })
    .nullable()
    .optional(),
  stats: z.object({ started_at: z.union([utc, z.literal('')]), completed_at: z.union([utc, z.literal('')]), model_usage: z.record(z.string(), inspectUsageSchema) }),
  error: errorSchema.nullable().optional(),
  invalidated: z.boolean().optional(),
});

/** A whole log as the `.json` format holds it: the header fields plus samples and reductions. */
export const inspectLogSchema = inspectHeaderSchema.extend({
  samples: z.array(inspectSampleSchema),
  reductions: z.array(z.object({ scorer: z.string(), reducer: z.string().nullable().optional(), samples: z.array(inspectScoreSchema.extend({ sample_id: z.union([z.int(), z.string()]) })) })).nullable().optional(),
});

export type InspectLog = z.infer<typeof inspectLogSchema>;
export type InspectSample = z.infer<typeof inspectSampleSchema>;
