import { z } from 'zod';
import { LIMITS, MATCH_SORTS, MATCH_STATUSES } from '../shared/api.js';

/** A request the API refuses: the status and a one-line message, sent as `{ "error": message }`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const id = (what: string, max: number = LIMITS.idMax) =>
  z
    .string()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} is longer than ${max} characters` })
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: `${what} holds control characters` });

const int = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, { error: `${what} must be a whole number` })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: `${what} must be at least ${min}` }).max(max, { error: `${what} must be at most ${max}` }));

/** Query schemas by API path; every parameter not listed is refused. */
export const QUERY_SCHEMAS = {
  '/api/runs': z.object({}).strict(),
  '/api/leaderboard': z.object({ run: id('run').optional(), game: id('game').optional() }).strict(),
  '/api/agent': z.object({ run: id('run').optional(), agent: id('agent') }).strict(),
  '/api/matches': z
    .object({
      run: id('run').optional(),
      game: id('game').optional(),
      agent: id('agent').optional(),
      status: z.enum(MATCH_STATUSES, { error: `status must be one of ${MATCH_STATUSES.join(', ')}` }).optional(),
      sort: z.enum(MATCH_SORTS, { error: `sort must be one of ${MATCH_SORTS.join(', ')}` }).optional(),
      offset: int('offset', 0, LIMITS.offsetMax).optional(),
      limit: int('limit', 1, LIMITS.pageMax).optional(),
    })
    .strict(),
  '/api/match': z.object({ run: id('run'), key: id('key', LIMITS.keyMax) }).strict(),
  '/api/compare': z.object({ runA: id('runA'), agentA: id('agentA'), runB: id('runB'), agentB: id('agentB') }).strict(),
  '/api/experiments': z.object({}).strict(),
} as const;

export type ApiPath = keyof typeof QUERY_SCHEMAS;
export type QueryOf<P extends ApiPath> = z.output<(typeof QUERY_SCHEMAS)[P]>;

export function isApiPath(path: string): path is ApiPath {
  return Object.hasOwn(QUERY_SCHEMAS, path);
}

/** Validates a query string against the path's schema: repeated or unknown parameters and bad values are 400s. */
export function parseQuery<P extends ApiPath>(path: P, params: URLSearchParams): QueryOf<P> {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(raw, key)) throw new HttpError(400, `parameter '${key.slice(0, 40)}' is given more than once`);
    raw[key] = value;
  }
  const parsed = QUERY_SCHEMAS[path].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys') throw new HttpError(400, `unknown parameter '${String(issue.keys[0]).slice(0, 40)}'`);
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new HttpError(400, `${where}${issue?.message ?? 'invalid query'}`);
  }
  return parsed.data as QueryOf<P>;
}
