import { gunzipSync } from 'node:zlib';
import type { TraceEvent } from '../../arena/trace/events.js';

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

function isSpace(b: number | undefined): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13;
}

/** Index of the closing quote of the string opening at `at`. */
function skipString(bytes: Uint8Array, at: number, end: number): number {
  for (let i = at + 1; i < end; i++) {
    const b = bytes[i];
    if (b === BACKSLASH) i++;
    else if (b === QUOTE) return i;
  }
  return end;
}

function matchesKey(bytes: Uint8Array, at: number, end: number, key: Uint8Array): boolean {
  if (at + key.length + 1 >= end || bytes[at + key.length + 1] !== QUOTE) return false;
  for (let k = 0; k < key.length; k++) if (bytes[at + 1 + k] !== key[k]) return false;
  return true;
}

/** Index just past the JSON value starting at or after `at` (leading whitespace allowed). */
function valueEnd(bytes: Uint8Array, at: number, end: number): number {
  let depth = 0;
  for (let i = at; i < end; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      i = skipString(bytes, i, end);
      if (depth === 0) return i + 1;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      depth++;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (b === COMMA && depth === 0) {
      return i;
    }
  }
  return end;
}

/**
 * The byte range to cut to remove one top-level member (`"key": value` and one separating comma) from the JSON
 * object text in bytes[start, end), or null when the key is not a member at depth 1. A byte scan that tracks
 * strings and nesting; UTF-8 continuation bytes never equal the ASCII bytes it looks for.
 */
export function topLevelMemberRange(bytes: Uint8Array, start: number, end: number, key: string): [number, number] | null {
  const keyBytes = Buffer.from(key, 'utf8');
  let depth = 0;
  let sep = -1;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      if (depth === 1 && sep >= 0 && matchesKey(bytes, i, end, keyBytes)) {
        let j = i + keyBytes.length + 2;
        while (isSpace(bytes[j])) j++;
        if (bytes[j] === COLON) {
          let stop = valueEnd(bytes, j + 1, end);
          while (stop < end && isSpace(bytes[stop])) stop++;
          // The first member takes the comma after it; any later member the comma before it.
          if (bytes[sep] === OPEN_BRACE) return [sep + 1, bytes[stop] === COMMA ? stop + 1 : stop];
          return [sep, stop];
        }
      }
      i = skipString(bytes, i, end);
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth === 1) sep = i;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
    } else if (b === COMMA && depth === 1) {
      sep = i;
    }
  }
  return null;
}

/** The JSON object text with one top-level member removed (unchanged when absent). */
export function withoutTopLevelKey(text: string, key: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const range = topLevelMemberRange(bytes, 0, bytes.length, key);
  return range === null ? text : bytes.toString('utf8', 0, range[0]) + bytes.toString('utf8', range[1]);
}

const PLAN_REQUEST = Buffer.from('{"type":"plan_request"');
const ROUND_RESULT = Buffer.from('{"type":"round_result"');

function startsWith(buf: Buffer, start: number, end: number, prefix: Buffer): boolean {
  return end - start >= prefix.length && buf.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0;
}

/**
 * Decodes a stored trace for aggregates: what every metric, rating and curve reads, without the parts only a
 * replay viewer needs. Battle logs (most of a plan trace's bytes) are cut out before decoding and plan requests
 * are skipped; every other event is parsed whole. Lines that do not start with their type are parsed whole.
 */
export function decodeSlim(blob: Buffer): TraceEvent[] {
  const buf = gunzipSync(blob);
  const events: TraceEvent[] = [];
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    if (startsWith(buf, start, end, ROUND_RESULT)) {
      const range = topLevelMemberRange(buf, start, end, 'log');
      const text = range === null ? buf.toString('utf8', start, end) : buf.toString('utf8', start, range[0]) + buf.toString('utf8', range[1], end);
      events.push(JSON.parse(text) as TraceEvent);
    } else if (!startsWith(buf, start, end, PLAN_REQUEST) && end > start) {
      const event = JSON.parse(buf.toString('utf8', start, end)) as TraceEvent & { log?: unknown };
      if (event.type === 'round_result') delete event.log;
      if (event.type !== 'plan_request') events.push(event);
    }
    start = end + 1;
  }
  return events;
}
