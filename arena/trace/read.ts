import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { TRACE_VERSION, type TraceEvent } from './events.js';

/** A trace file that cannot be read as trace events: the message names the file and line. */
export class TraceFormatError extends Error {
  override readonly name = 'TraceFormatError';
}

/** Fields every event of a type must carry (a shallow check at the edge; inside, the types are trusted). */
const REQUIRED: Readonly<Record<TraceEvent['type'], readonly string[]>> = {
  match_start: ['traceVersion', 'matchId', 'spec'],
  plan_request: ['side', 'phase', 'attempt'],
  plan_submission: ['side', 'phase', 'attempt', 'cost', 'budget', 'violations', 'accepted', 'usage'],
  reask: ['side', 'attempt', 'reason'],
  round_result: ['battle', 'label', 'costs', 'budgets', 'winner', 'scores', 'revisedBy'],
  move: ['gameIndex', 'player', 'seat', 'action', 'usage'],
  rejection: ['gameIndex', 'player', 'seat', 'outcome', 'usage'],
  game_end: ['gameIndex', 'scores'],
  progress: ['step', 'advantage'],
  error: ['kind', 'message'],
  match_end: ['status', 'wins', 'usage'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses one JSONL line into an event; `where` is `file:line` for messages. */
export function parseTraceLine(line: string, where: string): TraceEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new TraceFormatError(`${where}: malformed JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isRecord(value)) throw new TraceFormatError(`${where}: a trace event must be a JSON object`);
  const type = value['type'];
  if (typeof type !== 'string' || !Object.hasOwn(REQUIRED, type)) {
    throw new TraceFormatError(`${where}: unknown event type ${JSON.stringify(type)}`);
  }
  if (typeof value['seq'] !== 'number') throw new TraceFormatError(`${where}: event '${type}' has no numeric 'seq'`);
  for (const field of REQUIRED[type as TraceEvent['type']]) {
    if (!(field in value)) throw new TraceFormatError(`${where}: event '${type}' lacks '${field}'`);
  }
  if (type === 'match_start') {
    if (value['traceVersion'] !== TRACE_VERSION) {
      throw new TraceFormatError(`${where}: unsupported trace version ${JSON.stringify(value['traceVersion'])} (this build reads version ${TRACE_VERSION})`);
    }
    const spec = value['spec'];
    if (!isRecord(spec) || (spec['family'] !== 'plan' && spec['family'] !== 'move') || !Array.isArray(spec['seats'])) {
      throw new TraceFormatError(`${where}: match_start.spec must have family 'plan' or 'move' and seats`);
    }
  }
  return value as unknown as TraceEvent;
}

/** Splits an event stream into matches, each starting with its match_start. Throws if the stream does not start with one. */
export function splitMatches(events: readonly TraceEvent[]): TraceEvent[][] {
  const matches: TraceEvent[][] = [];
  for (const event of events) {
    if (event.type === 'match_start') matches.push([event]);
    else {
      const current = matches[matches.length - 1];
      if (current === undefined) throw new TraceFormatError(`event '${event.type}' (seq ${event.seq}) comes before any match_start`);
      current.push(event);
    }
  }
  return matches;
}

/** Reads a JSONL trace file (one event per line, blank lines allowed) and returns its matches in file order. */
export async function readTraceFile(path: string): Promise<TraceEvent[][]> {
  const events: TraceEvent[] = [];
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const event = parseTraceLine(line, `${path}:${lineNo}`);
    if (events.length === 0 && event.type !== 'match_start') {
      throw new TraceFormatError(`${path}:${lineNo}: the first event must be match_start, got '${event.type}'`);
    }
    events.push(event);
  }
  return splitMatches(events);
}

/** Reads several trace files in the order given and concatenates their matches. */
export async function readTraceFiles(paths: readonly string[]): Promise<TraceEvent[][]> {
  const matches: TraceEvent[][] = [];
  for (const path of paths) matches.push(...(await readTraceFile(path)));
  return matches;
}
