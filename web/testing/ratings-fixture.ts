import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerBuiltinAgents } from '../../arena/agents/builtin.js';
import { Store } from '../../arena/store/store.js';
import { checkTournamentConfig } from '../../arena/tournament/config.js';
import { runTournament } from '../../arena/tournament/run.js';
import { startTestServer } from '../../arena/llm/index.js';
import { createRng, hashSeed } from '../../games/core/rng.js';
import { towerDefense } from '../../games/tower-defense/index.js';

/** The runs of the ratings fixture, by name; `regress` is created last, so it is the newest run. */
export const RATING_RUNS = { llm: 'llm-one', many: 'many', pools: 'pools', regress: 'regress-pools' } as const;

/** Nine move-game agents: more than the eight colours of the base palette. */
export const MANY_AGENTS: Readonly<Record<string, string>> = {
  random: 'random',
  greedy: 'greedy',
  'greedy-10': 'greedy:error=0.1',
  'greedy-20': 'greedy:error=0.2',
  'greedy-30': 'greedy:error=0.3',
  'greedy-40': 'greedy:error=0.4',
  'greedy-50': 'greedy:error=0.5',
  'greedy-60': 'greedy:error=0.6',
  'greedy-70': 'greedy:error=0.7',
};

export interface RatingsFixture {
  readonly storePath: string;
  close(): Promise<void>;
}

/**
 * A results store filled by real tournaments for the leaderboard's rating views: `many` (nine agents on one move
 * game), `pools` (a move game whose agents meet the plan games' agents only through `random`, so the cross-game
 * rating must leave them out), and a regression run recorded last whose candidate replaced an agent of `pools`.
 */
export async function buildRatingsFixture(): Promise<RatingsFixture> {
  registerBuiltinAgents();
  const dir = await mkdtemp(join(tmpdir(), 'arena-ratings-web-'));
  const storePath = join(dir, 'arena.db');
  const store = new Store(storePath);
  const quiet = { quiet: true, workers: 1 } as const;
  // A model behind the local OpenAI-compatible test server that answers with a valid plan for either side.
  const config = towerDefense.config();
  const server = await startTestServer({
    models: {
      planner: {
        kind: 'script',
        reply: (_body, index) => {
          const rng = createRng(hashSeed('planner', index));
          return { text: `\`\`\`json\n${JSON.stringify({ ...(towerDefense.randomPlan(0, rng, config) as object), ...(towerDefense.randomPlan(1, rng, config) as object) })}\n\`\`\`` };
        },
      },
    },
  });
  try {
    const llm = checkTournamentConfig({ name: RATING_RUNS.llm, seed: 6, games: [{ id: 'tower-defense', rounds: 1 }], agents: { planner: 'llm:planner', random: 'random' } }, 'fixture', RATING_RUNS.llm);
    const endpoint = { base_url: server.url, model: 'planner', api_key_env: null, retries: 0, retry_base_ms: 1, retry_max_ms: 5, timeout_s: 10 };
    await runTournament(llm, { store, env: { models: { planner: endpoint } }, ...quiet });
    const many = checkTournamentConfig({ name: RATING_RUNS.many, seed: 7, games: [{ id: 'tic-tac-toe', games: 1 }], agents: MANY_AGENTS }, 'fixture', RATING_RUNS.many);
    await runTournament(many, { store, env: {}, ...quiet });
    const pools = checkTournamentConfig(
      {
        name: RATING_RUNS.pools,
        seed: 8,
        games: [{ id: 'connect-four', games: 2 }, { id: 'auto-battler', rounds: 2 }, { id: 'turn-based', rounds: 2 }],
        agents: { random: 'random', greedy: 'greedy', stubborn: 'stubborn', counter: 'counter:evals=10' },
        repetitions: 2,
      },
      'fixture',
      RATING_RUNS.pools,
    );
    await runTournament(pools, { store, env: {}, ...quiet });
    const regress = checkTournamentConfig({ name: RATING_RUNS.regress, seed: 8, games: [{ id: 'auto-battler', rounds: 2 }], agents: { random: 'random', stubborn: 'stubborn' }, repetitions: 2 }, 'fixture', RATING_RUNS.regress);
    const verdicts = [{ metric: 'wr', better: 'higher', baseline: 0.6, candidate: 0.4, diff: -0.2, lo: -0.35, hi: -0.05, tolerance: 0.05, n: 8, regression: true }];
    await runTournament(regress, { store, env: {}, kind: 'regress', meta: { baseline: RATING_RUNS.pools, candidate: 'stubborn', target: 'counter', regression: true, verdicts }, ...quiet });
  } finally {
    store.close();
    await server.close();
  }
  return { storePath, close: () => rm(dir, { recursive: true, force: true }) };
}
