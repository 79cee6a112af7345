import type { z } from 'zod';

/** `games[0].rounds` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** One line per issue: `file: path: what was expected`. */
export function formatZodError(source: string, error: z.ZodError): string {
  return error.issues.map((issue) => `${source}: ${formatPath(issue.path)}: ${issue.message}`).join('\n');
}
