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

/** Where a top-level member starts: the ',' or '{' before its key, and the first byte after its ':'. */
interface Member {
  readonly sep: number;
  readonly value: number;
}

/** Finds `"key":` at depth 1 of the JSON object text in bytes[start, end), scanning only up to it. */
function findMember(bytes: Uint8Array, start: number, end: number, keyBytes: Uint8Array): Member | null {
  let depth = 0;
  let sep = -1;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      if (depth === 1 && sep >= 0 && matchesKey(bytes, i, end, keyBytes)) {
        let j = i + keyBytes.length + 2;
        while (isSpace(bytes[j])) j++;
        if (bytes[j] === COLON) return { sep, value: j + 1 };
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

/** The range to cut for a member whose value ends at `stop`: the first member takes the comma after it, any later one the comma before it. */
function cutRange(bytes: Uint8Array, m: Member, stop: number, end: number): [number, number] {
  while (stop < end && isSpace(bytes[stop])) stop++;
  if (bytes[m.sep] === OPEN_BRACE) return [m.sep + 1, bytes[stop] === COMMA ? stop + 1 : stop];
  return [m.sep, stop];
}

/**
 * The byte range to cut to remove one top-level member (`"key": value` and one separating comma) from the JSON
 * object text in bytes[start, end), or null when the key is not a member at depth 1. A byte scan that tracks
 * strings and nesting; UTF-8 continuation bytes never equal the ASCII bytes it looks for.
 */
export function topLevelMemberRange(bytes: Uint8Array, start: number, end: number, key: string): [number, number] | null {
  const m = findMember(bytes, start, end, Buffer.from(key, 'utf8'));
  return m === null ? null : cutRange(bytes, m, valueEnd(bytes, m.value, end), end);
}

/** The JSON object text with one top-level member removed (unchanged when absent). */
export function withoutTopLevelKey(text: string, key: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const range = topLevelMemberRange(bytes, 0, bytes.length, key);
  return range === null ? text : bytes.toString('utf8', 0, range[0]) + bytes.toString('utf8', range[1]);
}

const PLAN_REQUEST = Buffer.from('{"type":"plan_request"');
const ROUND_RESULT = Buffer.from('{"type":"round_result"');
const LOG_KEY = Buffer.from('log');
const SEQ_MEMBER = Buffer.from(',"seq":');
/** What the recorder appends to every event: `,"seq":N,"time":T}`. */
const RECORDER_TAIL = /^,"seq":\d+,"time":-?[\d.eE+-]+\}$/;

function startsWith(buf: Buffer, start: number, end: number, prefix: Buffer): boolean {
  return end - start >= prefix.length && buf.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0;
}

/**
 * Cuts battle logs out of round_result lines. The exact way scans the whole log; the fast way relies on the
 * writer putting `log` last, right before the recorder's `seq` and `time`, and finds its end with a native search.
 * The first round_result of each trace is cut both ways, and the fast way is used for the rest of that trace only
 * when both agree, so a change in the writer's field order can never drop a field silently.
 */
class LogCutter {
  private fast: boolean | null = null;

  range(buf: Buffer, start: number, end: number): [number, number] | null {
    const m = findMember(buf, start, end, LOG_KEY);
    if (m === null) return null;
    const fast = this.fast === false ? null : this.fastRange(buf, m, end);
    if (this.fast === true && fast !== null) return fast;
    const exact = cutRange(buf, m, valueEnd(buf, m.value, end), end);
    if (this.fast === null) this.fast = fast !== null && fast[0] === exact[0] && fast[1] === exact[1];
    return exact;
  }

  private fastRange(buf: Buffer, m: Member, end: number): [number, number] | null {
    const tail = buf.lastIndexOf(SEQ_MEMBER, end);
    if (tail <= m.value || end - tail > 64 || !RECORDER_TAIL.test(buf.toString('latin1', tail, end))) return null;
    return [m.sep, tail];
  }
}

/**
 * Decodes a stored trace for aggregates: what every metric, rating and curve reads, without the parts only a
 * replay viewer needs. Battle logs (most of a plan trace's bytes) are cut out before decoding and plan requests
 * are skipped; every other event is parsed whole. Lines that do not start with their type are parsed whole.
 */
export function decodeSlim(blob: Buffer): TraceEvent[] {
  const buf = gunzipSync(blob);
  const events: TraceEvent[] = [];
  const logs = new LogCutter();
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    if (startsWith(buf, start, end, ROUND_RESULT)) {
      const range = logs.range(buf, start, end);
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
