import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerBuiltinAgents } from '../../arena/agents/builtin.js';
import { startTestServer, type ChatRequestBody, type ScriptedReply, type TestServer } from '../../arena/llm/index.js';
import { Store } from '../../arena/store/store.js';
import { checkTournamentConfig } from '../../arena/tournament/config.js';
import { outcomeOf } from '../../arena/tournament/execute.js';
import { runTournament } from '../../arena/tournament/run.js';
import { annotateMatch, parseProver } from '../../arena/progress/index.js';
import { createRng, hashSeed } from '../../games/core/rng.js';
import { towerDefense } from '../../games/tower-defense/index.js';

/** Markup a hostile or careless model might send; the site must show it as inert text. */
export const HOSTILE_TEXT = '<script>window.__pwned = 1; alert(1)</script> <img src=x onerror="window.__pwned = 2; alert(2)"> [link](javascript:alert(1))';
export const HOSTILE_REASONING = '<script>window.__pwned = 3</script><iframe src="javascript:alert(3)"></iframe>';

/** The runs of the fixture store, by name. `main` is created last, so it is the default (newest) run. */
export const RUNS = { llm: 'llm', moves: 'moves', regress: 'regress', main: 'main' } as const;

export interface Fixture {
  readonly dir: string;
  readonly storePath: string;
  close(): Promise<void>;
}

/** The hostile model: a Tower Defense plan for both sides (each side reads its own key) wrapped in markup. */
function hostileReply(): (body: ChatRequestBody, index: number) => ScriptedReply {
  const config = towerDefense.config();
  return (_body, index) => {
    const rng = createRng(hashSeed('hostile', index));
    const plan = { ...(towerDefense.randomPlan(0, rng, config) as object), ...(towerDefense.randomPlan(1, rng, config) as object) };
    return { text: `${HOSTILE_TEXT}\nMy plan:\n\`\`\`json\n${JSON.stringify(plan)}\n\`\`\``, reasoning: HOSTILE_REASONING };
  };
}

function model(server: TestServer, name: string): Record<string, unknown> {
  return { base_url: server.url, model: name, api_key_env: null, retries: 0, retry_base_ms: 1, retry_max_ms: 5, timeout_s: 10 };
}

/**
 * A results store filled by real tournaments of built-in agents (plan games, and move games annotated with
 * progress), a tournament with
 * LLM seats played through the LLM test server (one hostile model, one whose endpoint fails), and a small run
 * recorded as a regression run with verdicts in the agreed meta shape.
 */
export async function buildFixture(): Promise<Fixture> {
  registerBuiltinAgents();
  const dir = await mkdtemp(join(tmpdir(), 'arena-web-'));
  const storePath = join(dir, 'arena.db');
  const store = new Store(storePath);
  const server = await startTestServer({ models: { hostile: { kind: 'script', reply: hostileReply() }, down: { kind: 'status', status: 500 } } });
  const quiet = { quiet: true, workers: 1 } as const;
  try {
    const llm = checkTournamentConfig(
      { name: RUNS.llm, seed: 2, games: [{ id: 'tower-defense', rounds: 2 }], agents: { hostile: 'llm:hostile', random: 'random', down: 'llm:down' } },
      'fixture',
      RUNS.llm,
    );
    await runTournament(llm, { store, env: { models: { hostile: model(server, 'hostile'), down: model(server, 'down') } }, ...quiet });
    const moves = checkTournamentConfig({ name: RUNS.moves, seed: 3, games: [{ id: 'tic-tac-toe', games: 2 }, 'connect-four'], agents: { random: 'random', greedy: 'greedy' } }, 'fixture', RUNS.moves);
    await runTournament(moves, { store, env: {}, ...quiet });
    // Progress (advantage) annotations on every move, as `arena progress` adds them.
    for (const m of store.matches(RUNS.moves, { status: 'completed' })) {
      const annotated = annotateMatch(store.trace(RUNS.moves, m.match_key) ?? [], { prover: parseProver('random'), rollouts: 4, seed: 1 });
      store.recordMatch(RUNS.moves, m.match_key, outcomeOf(annotated), annotated);
    }
    const regress = checkTournamentConfig({ name: RUNS.regress, seed: 4, games: [{ id: 'auto-battler', rounds: 2 }], agents: { random: 'random', stubborn: 'stubborn' } }, 'fixture', RUNS.regress);
    const verdicts = [
      { metric: 'wr', better: 'higher', baseline: 0.62, candidate: 0.41, diff: -0.21, lo: -0.33, hi: -0.09, tolerance: 0.05, n: 16, regression: true },
      { metric: 'obr', better: 'lower', baseline: 0.1, candidate: 0.08, diff: -0.02, lo: -0.06, hi: 0.02, tolerance: 0.05, n: 16, regression: false },
    ];
    await runTournament(regress, { store, env: {}, kind: 'regress', meta: { baseline: RUNS.main, candidate: 'stubborn', target: 'counter', regression: true, verdicts }, ...quiet });
    const main = checkTournamentConfig(
      {
        name: RUNS.main,
        seed: 1,
        games: [
          { id: 'auto-battler', rounds: 3 },
          { id: 'turn-based', rounds: 3 },
        ],
        agents: { random: 'random', stubborn: 'stubborn', counter: 'counter:evals=10' },
      },
      'fixture',
      RUNS.main,
    );
    await runTournament(main, { store, env: {}, ...quiet });
  } finally {
    store.close();
    await server.close();
  }
  return { dir, storePath, close: () => rm(dir, { recursive: true, force: true }) };
}
