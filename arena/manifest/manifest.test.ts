import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/events.js';
import { buildManifest, foldMatches, llmSpecs, parseManifest, type RunInputs } from './manifest.js';
import pkg from '../../package.json' with { type: 'json' };

const MODEL = { base_url: 'http://127.0.0.1:9/v1', model: 'vendor/model-1', api_key_env: 'ARENA_TEST_SECRET_VAR', temperature: 0.2, top_p: 0.9, max_tokens: 512, reasoning_effort: 'low' };

function inputs(change: (i: { -readonly [K in keyof RunInputs]: RunInputs[K] }) => void = () => {}): RunInputs {
  const base = {
    config: { name: 'r', seed: 7, games: [{ id: 'tic-tac-toe' }] },
    seed: 7,
    agentSpecs: ['random', 'llm:m'],
    matches: [{ key: 'k1', seed: 11, spec: { family: 'move', game: 'tic-tac-toe@1', params: {}, games: 1 } }],
    models: { m: { ...MODEL } },
    cache: 'read-write',
  };
  change(base);
  return base;
}

describe('run manifest', () => {
  it('records the arena build, machine, prompts, games, seeds, endpoints, decoding settings and cache mode', () => {
    const m = buildManifest(inputs());
    expect(m.arena.version).toBe(pkg.version);
    expect(m.node).toBe(process.version);
    expect(m.arena.lockfileSha256).toBe(createHash('sha256').update(readFileSync('package-lock.json')).digest('hex'));
    if (existsSync('.git')) expect(m.arena.gitCommit).toBe(execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim());
    expect(m.games).toEqual([{ game: 'tic-tac-toe@1', family: 'move', settings: { params: {}, games: 1 } }]);
    expect(m.seeds).toEqual({ run: 7, matches: { k1: 11 } });
    expect(m.models).toEqual([
      { agentSpec: 'llm:m', endpoint: 'm', preset: null, requestedModel: 'vendor/model-1', returnedModels: [], decoding: { temperature: 0.2, top_p: 0.9, max_tokens: 512, reasoning_effort: 'low' }, sampleScope: 'match' },
    ]);
    expect(m.cache).toBe('read-write');
    expect(parseManifest(JSON.parse(JSON.stringify(m)), 'test')).toEqual(m);
  });

  it('changes with each input it claims to record', () => {
    const base = JSON.stringify(buildManifest(inputs()));
    const changes: [string, (i: { -readonly [K in keyof RunInputs]: RunInputs[K] }) => void][] = [
      ['config', (i) => (i.config = { ...(i.config as object), repetitions: 2 })],
      ['run seed', (i) => (i.seed = 8)],
      ['match seed', (i) => (i.matches = [{ ...i.matches[0]!, seed: 12 }])],
      ['game parameters', (i) => (i.matches = [{ ...i.matches[0]!, spec: { family: 'move', game: 'connect-four@1(rows=5)', params: { rows: 5 }, games: 1 } }])],
      ['cache mode', (i) => (i.cache = 'off')],
      ['model id', (i) => (i.models = { m: { ...MODEL, model: 'vendor/model-2' } })],
      ['temperature', (i) => (i.models = { m: { ...MODEL, temperature: 0.7 } })],
      ['top_p', (i) => (i.models = { m: { ...MODEL, top_p: 0.5 } })],
      ['max_tokens', (i) => (i.models = { m: { ...MODEL, max_tokens: 64 } })],
      ['reasoning effort', (i) => (i.models = { m: { ...MODEL, reasoning_effort: 'high' } })],
      ['spec override', (i) => (i.agentSpecs = ['random', 'llm:m:temperature=1'])],
    ];
    for (const [what, change] of changes) expect(JSON.stringify(buildManifest(inputs(change))), what).not.toBe(base);
  });

  it('holds no key and no key variable name', () => {
    process.env['ARENA_TEST_SECRET_VAR'] = 'sk-very-secret-value';
    try {
      const text = JSON.stringify(buildManifest(inputs()));
      expect(text).not.toContain('sk-very-secret-value');
      expect(text).not.toContain('ARENA_TEST_SECRET_VAR');
    } finally {
      delete process.env['ARENA_TEST_SECRET_VAR'];
    }
  });

  it('finds llm endpoints nested in other agents', () => {
    expect(llmSpecs('prm:base=(llm:m:temperature=0.5),n=8')).toEqual(['llm:m:temperature=0.5']);
    expect(llmSpecs('mcts:iterations=10')).toEqual([]);
  });

  it('folds in the model ids servers reported and the replies the cache answered', () => {
    const events = [
      { type: 'match_start', seq: 0, time: 0, round: 0, traceVersion: 1, matchId: 'k1', promptVersion: 'v2', spec: { family: 'move', game: 'tic-tac-toe@1', params: {}, games: 1, seed: 1, seats: [{ side: 0, agent: 'llm:m', name: 'model' }, { side: 1, agent: 'random', name: 'random' }] } },
      { type: 'move', seq: 1, time: 0, round: 0, gameIndex: 0, player: 0, seat: 0, action: 'a', legalCount: 9, attempt: 0, usage: {}, meta: { model: 'm', endpointModel: 'vendor/model-1-2026-01-01', requestKey: 'hit' } },
      { type: 'move', seq: 2, time: 0, round: 0, gameIndex: 0, player: 0, seat: 0, action: 'b', legalCount: 8, attempt: 0, usage: {}, meta: { model: 'm', endpointModel: 'vendor/model-1-2026-01-01', requestKey: 'miss' } },
    ] as unknown as TraceEvent[];
    const folded = foldMatches(buildManifest(inputs()), [events], new Set(['hit']));
    expect(folded.models[0]?.returnedModels).toEqual(['vendor/model-1-2026-01-01']);
    expect(folded.cachedReplies).toEqual({ model: 1 });
  });

  it('refuses a manifest from a newer arena', () => {
    expect(() => parseManifest({ ...buildManifest(inputs()), manifestVersion: 99 }, 'x.json')).toThrow(/manifest version 99 is newer/);
  });
});
