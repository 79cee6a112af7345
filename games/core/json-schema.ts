/**
 * A JSON Schema (draft 2020-12 subset) as a plain JSON value: what a game's `planSchema` returns and what the LLM
 * client sends as a `response_format` schema or tool parameters.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** An integer in [min, max]. */
export function intIn(min: number, max: number): JsonSchema {
  return { type: 'integer', minimum: min, maximum: max };
}

/** One of the given strings. */
export function oneOfText(values: readonly string[]): JsonSchema {
  return { type: 'string', enum: [...values] };
}

/** An object with one required list under `key`, plus optional properties. */
export function planObject(key: string, list: JsonSchema, extra: Readonly<Record<string, JsonSchema>> = {}): JsonSchema {
  return { type: 'object', properties: { [key]: list, ...extra }, required: [key] };
}
