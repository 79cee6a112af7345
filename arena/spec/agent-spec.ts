import { UsageError } from '../errors.js';

/**
 * A parsed agent spec. Grammar: `kind[:arg][:k=v,k=v...]` or `kind:k=v,...`, e.g. `random`, `counter:evals=400`,
 * `mcts:iterations=2000`, `llm:my-model`, `llm:my-model:temperature=0.7`. A value may be wrapped in parentheses to
 * hold commas and colons: `prm:base=(llm:my-model),verifier=rollout,n=8`.
 */
export interface AgentSpec {
  readonly kind: string;
  /** Positional argument (model name, file), if any. */
  readonly arg?: string;
  readonly params: Readonly<Record<string, string>>;
  /** The spec string as given (trimmed). */
  readonly text: string;
}

function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unwrap(value: string): string {
  const v = value.trim();
  return v.startsWith('(') && v.endsWith(')') ? v.slice(1, -1) : v;
}

export function parseAgentSpec(input: string): AgentSpec {
  const text = input.trim();
  if (text === '') throw new UsageError('empty agent spec');
  const [kindPart, ...rest] = splitTopLevel(text, ':');
  const kind = (kindPart ?? '').trim();
  if (!/^[a-z][a-z0-9-]*$/.test(kind)) throw new UsageError(`bad agent spec '${text}': kind must be lower-case letters, digits and '-'`);
  let arg: string | undefined;
  const params: Record<string, string> = {};
  for (const section of rest) {
    for (const piece of splitTopLevel(section, ',')) {
      const p = piece.trim();
      if (p === '') continue;
      const eq = p.indexOf('=');
      const paren = p.indexOf('(');
      if (eq > 0 && (paren < 0 || eq < paren)) {
        const key = p.slice(0, eq).trim();
        if (!/^[a-zA-Z][a-zA-Z0-9_-]*$/.test(key)) throw new UsageError(`bad agent spec '${text}': bad parameter name '${key}'`);
        params[key] = unwrap(p.slice(eq + 1));
      } else if (arg === undefined) {
        arg = unwrap(p);
      } else {
        throw new UsageError(`bad agent spec '${text}': more than one positional argument`);
      }
    }
  }
  return arg === undefined ? { kind, params, text } : { kind, arg, params, text };
}

/** Reads a numeric parameter with a default and bounds; a bad value is a UsageError naming the spec. */
export function numParam(spec: AgentSpec, key: string, fallback: number, min = -Infinity, max = Infinity): number {
  const raw = spec.params[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`agent '${spec.text}': ${key} must be a number in [${min}, ${max}], got '${raw}'`);
  }
  return value;
}

/** Rejects parameters the agent kind does not know, listing the valid ones. */
export function checkParams(spec: AgentSpec, known: readonly string[]): void {
  for (const key of Object.keys(spec.params)) {
    if (!known.includes(key)) {
      throw new UsageError(`agent '${spec.text}': unknown parameter '${key}'; valid parameters: ${known.length ? known.join(', ') : '(none)'}`);
    }
  }
}
