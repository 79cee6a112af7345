import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoveRequest } from '../../agents/agent.js';
import { rejectionFeedback } from '../../match/move-feedback.js';
import { moveGameEntries, resolveMoveGame } from '../../games/registry.js';
import { LlmAgent } from '../agent.js';
import { MemoryCache } from '../cache.js';
import { checkModelConfig } from '../models.js';
import { context, moveRequest } from '../test-helpers.js';
import { startTestServer, type TestServer } from '../test-server.js';
import { currentPrompts, PROMPT_SETS, PROMPT_VERSION, type PromptSet } from './index.js';

/** Sentences that tell the model how to reply ("Answer with ...", "Reply with ...", "Respond with ..."). */
const INSTRUCTION = /\b(answer|reply|respond)(\s+\w+)?\s+with\b/gi;

describe.each(moveGameEntries.map((e) => e.id))('the %s move prompt', (id) => {
  const { rules } = resolveMoveGame(id);
  const state = rules.initial();
  const request = (attempt: number, feedback: readonly string[]): MoveRequest => ({
    kind: 'move',
    game: rules,
    state,
    player: 0,
    legal: rules.legalActions(state),
    ply: 0,
    gameIndex: 0,
    attempt,
    feedback,
  });

  it('states one answer format: the rules give only the move notation', () => {
    expect(rules.rulesText()).not.toMatch(INSTRUCTION);
    for (const r of [request(1, []), request(2, [rejectionFeedback('move/illegal', 'that cell is taken', 1, 3)])]) {
      const user = currentPrompts.move(r).at(-1)?.content ?? '';
      expect(user.match(INSTRUCTION)).toEqual(['Reply with']);
      expect(user.match(/ANSWER FORMAT/g)).toHaveLength(1);
      expect(user).toContain('{"plan": "<one or two sentences: what you aim for with this move and the next ones>", "move": "<one legal move>"}');
      expect(user).toContain(rules.rulesText());
    }
  });
});

describe('a game parameter that hides the legal moves', () => {
  it('drops the legal-move list from the prompt (chess with legal_moves=0), and keeps it by default', () => {
    for (const [id, shown] of [['chess(legal_moves=0)', false], ['chess', true]] as const) {
      const { rules } = resolveMoveGame(id);
      const state = rules.initial();
      const request: MoveRequest = { kind: 'move', game: rules, state, player: 0, legal: rules.legalActions(state), ply: 0, gameIndex: 0, attempt: 1, feedback: [] };
      const [system, user] = currentPrompts.move(request).map((m) => m.content);
      expect(user?.includes('LEGAL MOVES (20')).toBe(shown);
      expect(user?.includes('Nf3, Nh3')).toBe(shown);
      expect(system?.includes('every legal move')).toBe(shown);
      expect(user).toContain('FEN: rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1');
    }
  });
});

describe('prompt versions and the response cache', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('an answer cached for the v1 texts is never replayed for v2, and each decision records its version', async () => {
    server.setBehaviour({ kind: 'answer', text: '{"plan": "centre", "move": "b2"}' });
    const config = checkModelConfig({ base_url: server.url, model: 'test-model', api_key_env: null, retries: 0, timeout_s: 5 }, 'test', 'test');
    const cache = { store: new MemoryCache(), mode: 'read-write' as const };
    const agent = (version: string): LlmAgent => new LlmAgent({ id: 'llm:test', name: 'test', config, cache, prompts: PROMPT_SETS[version] as PromptSet });
    const before = server.requests.length;
    const v1 = await agent('v1').decideMove(moveRequest(), context());
    const v1again = await agent('v1').decideMove(moveRequest(), context());
    expect(server.requests.length - before).toBe(1);
    const v2 = await agent(PROMPT_VERSION).decideMove(moveRequest(), context());
    expect(server.requests.length - before).toBe(2);
    expect([v1.meta?.['promptVersion'], v1again.meta?.['promptVersion'], v2.meta?.['promptVersion']]).toEqual(['v1', 'v1', 'v2']);
    expect(v2.meta?.['requestKey']).not.toBe(v1.meta?.['requestKey']);
  });
});
