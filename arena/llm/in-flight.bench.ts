import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { BenchResult } from '../../test/bench/types.js';
import { currentPrompts } from './prompts/index.js';
import { childServer, moveRequest, plainPost } from './test-helpers.js';

/** The protocols the benchmark plays with, as agent-spec parameters. */
const PROTOCOLS: ReadonlyArray<readonly [string, string]> = [
  ['answer=text', ''],
  ['answer=json_schema', ':answer=json_schema'],
  ['answer=tool', ':answer=tool'],
  ['history=conversation', ':history=conversation'],
  ['stream=true', ':stream=true'],
];

const LATENCY = 200;
const IN_FLIGHT = 64;
/** Repetitions of the LLM-against-random pair: two matches each (both seat orders), so 320 matches a tournament. */
const REPETITIONS = 160;
/** Timed rounds per protocol (protocols interleaved within each round; medians are reported). */
const ROUNDS = 3;

interface Round {
  /** Ideal wall time over the measured one. */
  readonly ratio: number;
  readonly wall: number;
  readonly ideal: number;
  /** Model calls of each match, in the order the matches were started. */
  readonly chains: readonly number[];
  readonly cpu: number;
}

/**
 * The wall time of `durations` started in order on `slots` slots, each job taking the first free slot: the schedule
 * a run with that many matches in flight follows (p-limit over the matches in plan order) if every model call took
 * exactly L and nothing else took any time.
 */
function makespan(durations: readonly number[], slots: number): number {
  const free = new Array<number>(Math.min(slots, Math.max(1, durations.length))).fill(0);
  for (const d of durations) {
    let k = 0;
    for (let i = 1; i < free.length; i++) if ((free[i] as number) < (free[k] as number)) k = i;
    free[k] = (free[k] as number) + d;
  }
  return Math.max(...free);
}

/** Times `play`, then reads the model calls of each match it played (what it returns, called after the clock stops). */
async function timed(play: () => Promise<() => readonly number[]>): Promise<Round> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const chains = await play();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const calls = chains();
  const ideal = makespan(
    calls.map((c) => c * LATENCY),
    IN_FLIGHT,
  );
  return { ratio: ideal / wall, wall, ideal, chains: calls, cpu: (used.user + used.system) / 1000 };
}

function median(rounds: readonly Round[]): Round {
  const mid = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)];
  if (mid === undefined) throw new Error('no rounds');
  return mid;
}

const range = (rounds: readonly Round[]): string => `${Math.min(...rounds.map((r) => r.ratio)).toFixed(2)}-${Math.max(...rounds.map((r) => r.ratio)).toFixed(2)}`;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * 64 LLM matches in flight at L = 200 ms, per protocol, as a fraction of the ideal wall time, measured two ways
 * against a test server in its own process (the LLM seat answers the first legal move after L ms, in whichever
 * channel it was asked; its opponent is `random`):
 * - a tournament (`runTournament`: SQLite store, schedule, progress) of 320 tic-tac-toe matches with 64 in flight,
 *   matches starting as others end, as a run does;
 * - its first wave alone: 64 matches started at the same instant, so the 64 replies of each step arrive together
 *   and are handled one after another on one thread (the hardest case; a run passes through it at its start).
 * Ideal: the schedule's wall time if every model call took exactly L (`makespan`). Beside each, the same call
 * chains as plain requests (a first-move prompt each, no arena code) in the same schedule: what the machine and the
 * server allow right now. One untimed round per protocol first (module loading, first compilation, connections,
 * heap growth), then rounds with the protocols interleaved, so a change in the machine's load falls on all alike.
 */
export async function bench(): Promise<BenchResult[]> {
  const { runTournament } = await import('../tournament/run.js');
  const { checkTournamentConfig } = await import('../tournament/config.js');
  const { Store } = await import('../store/store.js');
  const { runMoveMatch } = await import('../match/move-match.js');
  const { createAgent } = await import('../agents/registry.js');
  const { registerBuiltinAgents } = await import('../agents/builtin.js');
  registerBuiltinAgents();
  const server = await childServer(LATENCY, 'first-legal');
  const dir = mkdtempSync(join(tmpdir(), 'arena-in-flight-'));
  const store = new Store(join(dir, 'in-flight.db'));
  try {
    const env = { models: { m: { base_url: server.url, model: 'm', api_key_env: null, concurrency: 2 * IN_FLIGHT, retries: 0, timeout_s: 30 } } };
    let runs = 0;
    const tournament = (params: string): Promise<Round> =>
      timed(async () => {
        const name = `in-flight-${runs++}`;
        const config = checkTournamentConfig(
          { name, seed: 11, games: [{ id: 'tic-tac-toe', games: 1 }], agents: { llm: `llm:m${params}`, random: 'random' }, repetitions: REPETITIONS, concurrency: { matches: IN_FLIGHT, workers: 1 }, cache: 'off' },
          'bench',
          name,
        );
        await runTournament(config, { store, env, quiet: true });
        return () =>
          [...store.traces(name)].map((trace) => {
            const end = trace.at(-1);
            if (end?.type !== 'match_end' || end.status !== 'completed') throw new Error(`a benchmark match did not complete: ${JSON.stringify(end)}`);
            return end.usage[0].calls + end.usage[1].calls;
          });
      });
    const wave = (params: string): Promise<Round> =>
      timed(async () => {
        const traces = await Promise.all(
          Array.from({ length: IN_FLIGHT }, (_, i) =>
            runMoveMatch({ family: 'move', game: 'tic-tac-toe', params: {}, games: 1, seed: i + 1, seats: [{ side: 0, agent: `llm:m${params}`, name: 'llm' }, { side: 1, agent: 'random', name: 'random' }] }, [createAgent(`llm:m${params}`, env, 'move'), createAgent('random', {}, 'move')]),
          ),
        );
        return () =>
          traces.map((t) => {
            const end = t.at(-1);
            return end?.type === 'match_end' ? end.usage[0].calls : 0;
          });
      });
    const body = JSON.stringify({ model: 'm', messages: currentPrompts.move(moveRequest([])) });
    const post = (): Promise<unknown> => plainPost(server.url, body);
    /** The call chains of `like` as plain requests, in the same schedule. */
    const plain = (like: Round): Promise<Round> =>
      timed(async () => {
        const limit = pLimit(IN_FLIGHT);
        await Promise.all(
          like.chains.map((calls) =>
            limit(async () => {
              for (let k = 0; k < calls; k++) await post();
            }),
          ),
        );
        return () => like.chains;
      });

    const measured = new Map<string, { tournament: Round[]; wave: Round[] }>(PROTOCOLS.map(([label]) => [label, { tournament: [], wave: [] }]));
    const ceilings = { tournament: [] as Round[], wave: [] as Round[] };
    for (let round = 0; round <= ROUNDS; round++) {
      const timedRound = round > 0;
      let shapes: { tournament: Round; wave: Round } | undefined;
      for (const [label, params] of PROTOCOLS) {
        const t = await tournament(params);
        const w = await wave(params);
        shapes ??= { tournament: t, wave: w };
        if (timedRound) {
          measured.get(label)?.tournament.push(t);
          measured.get(label)?.wave.push(w);
        }
      }
      if (shapes === undefined) continue;
      const pt = await plain(shapes.tournament);
      const pw = await plain(shapes.wave);
      if (timedRound) {
        ceilings.tournament.push(pt);
        ceilings.wave.push(pw);
      }
    }

    const results: BenchResult[] = [];
    for (const [label] of PROTOCOLS) {
      const m = measured.get(label);
      if (m === undefined) continue;
      const t = median(m.tournament);
      const w = median(m.wave);
      results.push(
        {
          name: `64 LLM matches in flight at L=${LATENCY} ms, ${label}`,
          value: t.ratio,
          unit: 'of ideal',
          note: `target >= 0.9; a tournament of ${t.chains.length} matches, ${sum(t.chains)} calls in ${(t.wall / 1000).toFixed(2)} s, ideal ${(t.ideal / 1000).toFixed(2)} s; median of ${m.tournament.length} rounds (${range(m.tournament)}); arena CPU ${(t.cpu / sum(t.chains)).toFixed(2)} ms per call`,
        },
        {
          name: `  its first wave alone (64 start at once), ${label}`,
          value: w.ratio,
          unit: 'of ideal',
          note: `${sum(w.chains)} calls in ${(w.wall / 1000).toFixed(2)} s, ideal ${(w.ideal / 1000).toFixed(2)} s; median of ${m.wave.length} rounds (${range(m.wave)}); arena CPU ${(w.cpu / sum(w.chains)).toFixed(2)} ms per call`,
        },
      );
    }
    const pt = median(ceilings.tournament);
    const pw = median(ceilings.wave);
    results.push(
      { name: '  no arena: plain requests, the tournament schedule', value: pt.ratio, unit: 'of ideal', note: `the text tournament's call chains, 64 in flight; median of ${ceilings.tournament.length} (${range(ceilings.tournament)}): what this machine allows right now` },
      { name: '  no arena: plain requests, the first-wave schedule', value: pw.ratio, unit: 'of ideal', note: `median of ${ceilings.wave.length} (${range(ceilings.wave)})` },
    );
    return results;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    server.stop();
  }
}
