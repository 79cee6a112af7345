import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { towerDefense } from '../games/tower-defense/index.js';
import { startTestServer, type ChatRequestBody, type TestServer } from '../arena/llm/test-server.js';
import { replayMoveMatch } from '../arena/match/move-replay.js';
import { replayPlanMatch } from '../arena/match/replay.js';
import { StoreResponseCache } from '../arena/store/response-cache.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';
import type { TraceEvent } from '../arena/trace/events.js';

/**
 * Replies of a few hundred kilobytes (prose, a separate reasoning field, the answer at the end): every stored copy of
 * reply text (traces, cache rows) stays within `stored_text_max_bytes`, cut with a marker giving the dropped size and
 * SHA-256; the parse still sees the whole reply, trace replay is exact, and a re-run answered from the cut cache
 * rows gives the same traces.
 */

const CAP = 4096;
const FILLER = 'Considering every line of the position once more, slowly. ';
const PROSE = FILLER.repeat(3000); // about 180 kB
const REASONING = `  ${'Weighing the options. '.repeat(5000)}\n`; // about 110 kB, with surrounding blanks

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'arena-cap-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const sent = new Set<string>();

function huge(body: ChatRequestBody): { text: string; reasoning: string } {
  const prompt = body.messages?.at(-1)?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ');
  const answer = legal ? `{"plan": "first free cell", "move": "${legal[0]}"}` : '```json\n{"humans": [], "demons": []}\n```';
  const text = `${PROSE}\n${answer}`;
  sent.add(text);
  return { text, reasoning: REASONING };
}

/** Every string anywhere in a value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('stored reply text is bounded', () => {
  it('cuts traced and cached copies with a marker, parses the whole reply, and replays exactly', async () => {
    server.setBehaviour('big', { kind: 'script', reply: huge });
    const entry = { base_url: server.url, model: 'big', api_key_env: null, retries: 0, timeout_s: 30, stored_text_max_bytes: CAP };
    const config = (name: string) =>
      checkTournamentConfig(
        { name, seed: 8, games: [{ id: 'tic-tac-toe', games: 1 }, { id: 'tower-defense', rounds: 2 }], agents: { big: 'llm:big', twin: 'llm:big' }, concurrency: { workers: 1 }, cache: 'read-write' },
        'test',
        name,
      );
    const path = join(dir, 'arena.db');
    const store = new Store(path);
    let first: TraceEvent[][];
    try {
      const run = await runTournament(config('first'), { store, env: { models: { big: entry }, cache: { store: new StoreResponseCache(store), mode: 'read-write' } }, quiet: true });
      expect(store.counts(run.runId)).toMatchObject({ total: 6, completed: 6 });
      first = [...store.traces(run.runId)];
      const fetched = server.requests.length;
      expect(fetched).toBeGreaterThan(4);

      // Parsing saw the whole reply: the move at its end was played, the plan inside the fence was read.
      const moves = first.flat().flatMap((e) => (e.type === 'move' && e.meta?.['raw'] !== undefined ? [e] : []));
      expect(moves.length).toBeGreaterThan(0);
      const submissions = first.flat().filter((e) => e.type === 'plan_submission' && e.meta?.['model'] === 'big');
      expect(submissions.length).toBeGreaterThan(0);
      for (const s of submissions) expect(s.type === 'plan_submission' && s.parseError).toBeFalsy();

      // Every stored string is within the bound; the cut copies carry the marker with the dropped size and hash.
      const all = strings(first);
      expect(Math.max(...all.map((t) => Buffer.byteLength(t)))).toBeLessThanOrEqual(CAP);
      const markers = all.flatMap((t) => [...t.matchAll(/\[arena: (\d+) bytes cut here, sha256 ([0-9a-f]{64})\]/g)]);
      expect(markers.length).toBeGreaterThan(0);
      // the marker of a raw reply is right: it names the size and SHA-256 of the middle of a reply the server sent
      const raw = moves[0]?.meta?.['raw'] as string;
      const [, bytes, sha] = /\n\[arena: (\d+) bytes cut here, sha256 ([0-9a-f]{64})\]\n/.exec(raw) ?? [];
      const [head, tail] = raw.split(/\n\[arena: \d+ bytes cut here, sha256 [0-9a-f]{64}\]\n/) as [string, string];
      const original = [...sent].find((t) => t.startsWith(head) && t.endsWith(tail));
      expect(original).toBeDefined();
      const originalBytes = Buffer.from(original ?? '');
      const dropped = originalBytes.subarray(Buffer.byteLength(head), originalBytes.length - Buffer.byteLength(tail));
      expect(dropped.length).toBe(Number(bytes));
      expect(createHash('sha256').update(dropped).digest('hex')).toBe(sha);

      // Cache rows are cut too.
      const db = new Database(path, { readonly: true });
      const rows = db.prepare('SELECT response FROM llm_cache').all() as { response: string }[];
      db.close();
      expect(rows.length).toBe(fetched);
      for (const r of rows) expect(Buffer.byteLength(r.response)).toBeLessThan(3 * CAP + 2048);

      // Replay from the trace is exact.
      for (const events of first) {
        const start = events[0];
        if (start?.type !== 'match_start') throw new Error('no match_start');
        const again = start.spec.family === 'plan' ? await replayPlanMatch(towerDefense, events) : await replayMoveMatch(events);
        expect(JSON.stringify(again)).toBe(JSON.stringify(events));
      }

      // A re-run answered from the cut cache rows gives the same traces, with no request.
      const second = await runTournament(config('second'), { store, env: { models: { big: entry }, cache: { store: new StoreResponseCache(store), mode: 'read-write' } }, quiet: true });
      expect(server.requests.length).toBe(fetched);
      const again = [...store.traces(second.runId)];
      expect(again).toHaveLength(first.length);
      again.forEach((events, i) => expect(events).toEqual(first[i]));
    } finally {
      store.close();
    }
    // The store holds a fraction of what was received.
    const received = server.requests.length * (PROSE.length + REASONING.length);
    expect(statSync(path).size).toBeLessThan(received / 10);
  });
});
