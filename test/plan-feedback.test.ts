import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanGame, SideIndex } from '../games/core/plan-game.js';
import { createRng, hashSeed } from '../games/core/rng.js';
import { parseAgentSpec } from '../arena/spec/agent-spec.js';
import { gameEntries } from '../arena/games/registry.js';
import { runPlanMatch } from '../arena/match/plan-match.js';
import type { PlanMatchSpec, TraceEvent } from '../arena/trace/events.js';
import { createLlmAgent, startTestServer, type ChatRequestBody, type LlmAgent, type TestServer } from '../arena/llm/index.js';

/**
 * What a revising model is told after a round, read from the requests an LLM seat actually sent to a local
 * OpenAI-compatible server during a whole match: every fact the rules text says is reported, from the round's
 * recorded result, and each catalogue once.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type RoundResult = Extract<TraceEvent, { type: 'round_result' }>;

function agent(model: string): LlmAgent {
  const entry = { base_url: server.url, model, api_key_env: null, retries: 1, retry_base_ms: 1, retry_max_ms: 5, timeout_s: 10 };
  return createLlmAgent(parseAgentSpec(`llm:${model}`), { models: { [model]: entry } }, {});
}

function userText(body: ChatRequestBody): string {
  return body.messages?.at(-1)?.content ?? '';
}

/**
 * Side 0 submits a random plan first, then in turn an empty plan (the opponent wins the battle), its list ten
 * times over (over budget: the budget rule decides) and a random plan. Side 1 always submits a random plan.
 */
function script(game: PlanGame, side: SideIndex): () => string {
  let n = 0;
  const config = game.config();
  const key = game.sides[side].planKey;
  return () => {
    const k = n++;
    const plan = game.randomPlan(side, createRng(hashSeed(game.id, side, k)), config) as Record<string, unknown[]>;
    const list = plan[key] ?? [];
    const chosen = side === 1 || k === 0 || k % 3 === 0 ? plan : k % 3 === 1 ? { ...plan, [key]: [] } : { ...plan, [key]: Array.from({ length: 10 }, () => list).flat() };
    return `\`\`\`json\n${JSON.stringify(chosen)}\n\`\`\``;
  };
}

const count = (v: unknown, one: string, many: string): string => `${String(v)} ${v === 1 ? one : many}`;

/** The facts each game's feedback must state about a battle, generated here from the recorded round result. */
function promisedFacts(game: PlanGame, r: RoundResult): string[] {
  const s = r.raw.summary;
  const facts: string[] = [];
  if (r.reason !== 'battle') facts.push('The budget rule decided the round');
  if (game.id === 'tower-defense') {
    facts.push(r.raw.winner === 1 ? `broke through in lane y = ${String(s['lostRow'])} at t = ${String(s['endTick'])} ms` : 'the Humans held');
    facts.push(`Alive at the end: ${count(s['humansAlive'], 'Human unit', 'Human units')}, ${count(s['demonsAlive'], 'demon', 'demons')} (of ${String(s['demonsAppeared'])} that appeared)`);
  } else if (game.id === 'auto-battler') {
    facts.push(`The battle lasted ${count(s['turns'], 'turn', 'turns')}; the ${s['first'] === 0 ? 'Defender' : 'Invader'} took the first turn.`);
    facts.push(`Defender ${count(s['remain0'], 'unit', 'units')} with ${String(s['hp0'])} total Health`, `Invader ${count(s['remain1'], 'unit', 'units')} with ${String(s['hp1'])} total Health`);
  } else {
    if (s['end'] === 'defeat') facts.push(`It ended in round ${String(s['rounds'])}`);
    if (s['end'] === 'no_characters') facts.push('a side had no usable character');
    facts.push(`Defenders ${count(s['alive0'], 'character', 'characters')} with ${String(s['hp0'])} HP in total`, `Invaders ${count(s['alive1'], 'character', 'characters')} with ${String(s['hp1'])} HP in total`);
  }
  return facts;
}

const planGames = gameEntries().flatMap((e) => (e.family === 'plan' ? [e.game] : []));

describe.each(planGames.map((g) => [g.id, g] as const))('revision feedback: %s', (id, game) => {
  const models = [`${id}-fb0`, `${id}-fb1`] as const;
  let trace: TraceEvent[] = [];
  let prompts: string[] = [];

  beforeAll(async () => {
    server.setBehaviour(models[0], { kind: 'script', reply: script(game, 0) });
    server.setBehaviour(models[1], { kind: 'script', reply: script(game, 1) });
    const before = server.requests.length;
    const spec: PlanMatchSpec = {
      family: 'plan',
      game: `${game.id}@${game.version}`,
      config: game.config(),
      rounds: 6,
      reviseFirst: 0,
      seed: 3,
      seats: [
        { side: 0, agent: `llm:${models[0]}`, name: models[0] },
        { side: 1, agent: `llm:${models[1]}`, name: models[1] },
      ],
      roundNumbering: 'unique',
      planReportFeedback: false,
    };
    trace = await runPlanMatch(game, spec, [agent(models[0]), agent(models[1])]);
    prompts = server.requests.slice(before).map((r) => userText(r.body));
  });

  it('tells the revising side every fact of the last battle that the rules promise, from the recorded result', () => {
    expect(trace.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
    const rounds = trace.filter((e): e is RoundResult => e.type === 'round_result');
    const revisions = trace.filter((e) => e.type === 'plan_request' && e.phase === 'revision');
    // Two initial requests (no re-asks: random plans are within budget), then one revision after each battle but the last.
    expect(prompts).toHaveLength(2 + revisions.length);
    expect(revisions).toHaveLength(rounds.length - 1);
    expect(rounds.some((r) => r.reason !== 'battle')).toBe(true);
    expect(rounds.some((r) => r.raw.winner === 1)).toBe(true);
    revisions.forEach((_, i) => {
      const prompt = prompts[2 + i] ?? '';
      const round = rounds[i] as RoundResult;
      for (const fact of promisedFacts(game, round)) expect(prompt, `after battle ${round.battle}`).toContain(fact);
    });
    if (id === 'tower-defense') expect(game.rulesText(0, game.config())).toContain('the lane of the demon that appeared first is reported');
  });

  it('shows each catalogue line at most once in every request', () => {
    const config = game.config();
    const lines = ([0, 1] as const).flatMap((side) => game.catalogueText(side, config).split('\n')).filter((l) => l.startsWith('- '));
    expect(lines.length).toBeGreaterThan(10);
    for (const prompt of prompts) {
      for (const line of lines) expect(prompt.split(line).length - 1, line).toBeLessThanOrEqual(1);
    }
    // Every request still shows the side's own catalogue in full.
    expect(prompts.every((p) => p.includes(game.catalogueText(0, config)) || p.includes(game.catalogueText(1, config)))).toBe(true);
  });
});
