import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRUNCATION_NOTE } from '../arena/llm/prompts/notes.js';
import { startTestServer, type ChatRequestBody, type ScriptedReply, type TestServer } from '../arena/llm/test-server.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';
import type { TraceEvent } from '../arena/trace/events.js';
import { runCliCaptured } from './support/cli.js';

/**
 * Replies cut off at the token limit, end to end through a real local server: traced as truncated, re-asked once
 * with the truncation note, counted by the truncation-rate metric with an interval, and never an infrastructure
 * error.
 */

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'arena-truncation-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function firstLegal(body: ChatRequestBody): string {
  const prompt = body.messages?.find((m) => m.content?.includes('LEGAL MOVES'))?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ') ?? [];
  return `{"plan": "take the first free cell", "move": "${legal[0] ?? 'none'}"}`;
}

const reasked = (body: ChatRequestBody): boolean => body.messages?.at(-1)?.content === TRUNCATION_NOTE;

/** Cut off (with the provider's finish reason) unless the request is the truncation re-ask. */
const cutThenAnswer =
  (finishReason: string) =>
  (body: ChatRequestBody): ScriptedReply =>
    reasked(body) ? { text: firstLegal(body) } : { text: '<think>Let me enumerate every line of play, starting with', finishReason };

describe('truncated replies', () => {
  it('are traced, re-asked once, counted in the truncation rate and never infrastructure errors', async () => {
    server.setBehaviour('cut', { kind: 'script', reply: cutThenAnswer('length') });
    server.setBehaviour('cut-anthropic', { kind: 'script', reply: cutThenAnswer('max_tokens') });
    server.setBehaviour('always-cut', { kind: 'script', reply: () => ({ text: '{"plan": "centre", "mo', finishReason: 'length' }) });
    server.setBehaviour('fine', { kind: 'script', reply: firstLegal });
    const entry = (model: string) => ({ base_url: server.url, model, api_key_env: null, retries: 0, timeout_s: 10 });
    const models = { cut: entry('cut'), 'cut-anthropic': entry('cut-anthropic'), 'always-cut': entry('always-cut'), fine: entry('fine'), 'no-reask': { ...entry('cut'), truncation_reask: false } };
    const config = checkTournamentConfig(
      {
        name: 'truncation',
        seed: 5,
        games: [{ id: 'tic-tac-toe', games: 1 }],
        agents: { cut: 'llm:cut', anthropic: 'llm:cut-anthropic', always: 'llm:always-cut', fine: 'llm:fine', noreask: 'llm:no-reask' },
        concurrency: { matches: 4, workers: 1 },
        cache: 'off',
      },
      'test',
      'truncation',
    );
    const db = join(dir, 'arena.db');
    const store = new Store(db);
    let runId = '';
    try {
      server.reset();
      runId = (await runTournament(config, { store, env: { models }, quiet: true })).runId;
      const rows = store.matches(runId);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.status).toBe('completed');
      const events: TraceEvent[] = rows.flatMap((r) => store.trace(runId, r.match_key) ?? []);
      const decisions = events.filter((e): e is Extract<TraceEvent, { type: 'move' | 'rejection' }> => e.type === 'move' || e.type === 'rejection');
      const by = (model: string) => decisions.filter((e): e is Extract<TraceEvent, { type: 'move' }> => e.type === 'move' && e.meta?.['model'] === model);
      // the cut-off reply and its re-ask are one decision: two calls, one truncated reply, the move from the re-ask
      const cutMoves = by('cut');
      expect(cutMoves.length).toBeGreaterThan(0);
      for (const m of cutMoves) {
        expect(m.usage).toMatchObject({ calls: 2, truncated: 1 });
        expect(m.meta?.['truncation']).toMatchObject({ reasked: true });
      }
      for (const m of by('cut-anthropic')) expect(m.usage).toMatchObject({ calls: 2, truncated: 1 });
      for (const m of by('fine')) expect(m.usage.truncated).toBeUndefined();
      // turned off: the cut-off reply is judged as it is (no move in it), one call
      const noReask = decisions.filter((e) => e.type === 'rejection' && e.usage.calls === 1 && e.usage.truncated === 1);
      expect(noReask.length).toBeGreaterThan(0);
      // a re-ask that is cut off again: both replies count
      expect(decisions.some((e) => e.usage.calls === 2 && e.usage.truncated === 2)).toBe(true);
      // every re-ask carried the original messages and the note
      const notes = server.requests.filter((r) => reasked(r.body));
      expect(notes.length).toBeGreaterThan(0);
      for (const r of notes) expect(r.body.messages?.slice(0, -1).map((m) => m.role)).toEqual(['system', 'user']);
    } finally {
      store.close();
    }

    const json = await runCliCaptured(['leaderboard', runId, '--store', db, '--format', 'json', '--bootstrap', '50']);
    expect(json.code).toBe(0);
    const board = JSON.parse(json.out) as { rows: Array<{ agent: string; metrics: Record<string, { value: number | null; lo: number | null; hi: number | null; n: number }> }> };
    const rate = (agent: string) => board.rows.find((r) => r.agent === agent)?.metrics['truncationRate'];
    expect(rate('cut')?.value).toBeCloseTo(0.5, 9);
    expect(rate('anthropic')?.value).toBeCloseTo(0.5, 9);
    expect(rate('always')?.value).toBe(1);
    expect(rate('noreask')?.value).toBe(1);
    expect(rate('fine')?.value).toBe(0);
    const interval = rate('cut');
    expect(interval?.lo).not.toBeNull();
    expect(interval?.lo ?? 2).toBeLessThanOrEqual(0.5);
    expect(interval?.hi ?? -1).toBeGreaterThanOrEqual(0.5);
    const table = await runCliCaptured(['leaderboard', runId, '--store', db, '--bootstrap', '50']);
    expect(table.out.split('\n')[0]).toMatch(/OBR\s+Trunc\s+Process/);
  });
});
