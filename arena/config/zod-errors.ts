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
  return error.issues
    .map((issue) => {
      // A bad record key: say what was wrong with the key rather than zod's generic "Invalid key in record".
      const inner = issue.code === 'invalid_key' ? issue.issues.map((i) => i.message).join('; ') : '';
      return `${source}: ${formatPath(issue.path)}: ${inner || issue.message}`;
    })
    .join('\n');
}
