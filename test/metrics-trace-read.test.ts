import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTraceFile, splitMatches } from '../arena/trace/read.js';
import { planTrace } from '../metrics/testing/plan-trace.js';

let dir = '';
const file = async (name: string, text: string): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, text, 'utf8');
  return path;
};
const jsonl = (events: readonly unknown[]): string => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trace-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading JSONL traces', () => {
  it('splits a file holding several matches, each starting with match_start', async () => {
    const a = planTrace({ id: 'a', rounds: 2, winners: [0, 1] });
    const b = planTrace({ id: 'b', rounds: 3, winners: [0, 1, null] });
    const matches = await readTraceFile(await file('two.jsonl', jsonl([...a, ...b]) + '\n'));
    expect(matches.map((m) => m.length)).toEqual([a.length, b.length]);
    expect(matches[1]?.[0]).toEqual(b[0]);
    expect(splitMatches([...a, ...b])).toEqual([a, b]);
  });

  it('names the file and line of a malformed line', async () => {
    const a = planTrace({ id: 'a', rounds: 2, winners: [0, 1] });
    const text = jsonl(a.slice(0, 3)) + '{"type": "round_result", oops\n';
    const path = await file('bad.jsonl', text);
    await expect(readTraceFile(path)).rejects.toThrow(`${path}:4: malformed JSON`);
  });

  it('rejects unknown event types, missing fields and events before match_start', async () => {
    const [start, ...rest] = planTrace({ id: 'a', rounds: 2, winners: [0, 1] });
    const p1 = await file('type.jsonl', jsonl([start, { seq: 1, time: 0, round: 0, type: 'teleport' }]));
    await expect(readTraceFile(p1)).rejects.toThrow(`${p1}:2: unknown event type "teleport"`);
    const p2 = await file('field.jsonl', jsonl([start, { seq: 1, time: 0, round: 1, type: 'round_result', battle: 1 }]));
    await expect(readTraceFile(p2)).rejects.toThrow(`${p2}:2: event 'round_result' lacks 'label'`);
    const p3 = await file('order.jsonl', jsonl(rest));
    await expect(readTraceFile(p3)).rejects.toThrow(`${p3}:1: the first event must be match_start`);
  });

  it('rejects a trace of an unknown version clearly', async () => {
    const [start, ...rest] = planTrace({ id: 'a', rounds: 2, winners: [0, 1] });
    const path = await file('version.jsonl', jsonl([{ ...start, traceVersion: 99 }, ...rest]));
    await expect(readTraceFile(path)).rejects.toThrow(`${path}:1: unsupported trace version 99 (this build reads version 1)`);
  });
});
