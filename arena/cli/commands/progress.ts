import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { annotateMatch, annotateMatchWithEngine, parseEngineProver, parseProver, type AnnotateOptions } from '../../progress/index.js';
import { summarizeProgress, type ProgressSummary } from '../../../metrics/progress/summary.js';
import type { Store } from '../../store/store.js';
import { JsonlWriter } from '../../trace/jsonl.js';
import type { TraceEvent } from '../../trace/events.js';
import { UsageError } from '../../errors.js';
import { readTraceInputs } from './metrics.js';
import { openExistingStore, pickRun } from './store-option.js';

interface ProgressOptions {
  run?: string;
  store?: string;
  prover: string;
  rollouts: string;
  seed: string;
  out?: string;
  tau: string;
}

function num(name: string, text: string, min: number, max: number, integer = true): number {
  const n = Number(text);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got '${text}'`);
  }
  return n;
}

function fmt(x: number | null, digits = 3): string {
  return x === null ? '-' : x.toFixed(digits);
}

function ci(x: readonly [number, number] | null, digits = 3): string {
  return x === null ? '-' : `[${x[0].toFixed(digits)}, ${x[1].toFixed(digits)}]`;
}

export function formatProgressTable(rows: readonly ProgressSummary[], tau: number): string {
  const engine = rows.some((r) => r.meanCpLoss !== null);
  const head = ['agent', 'steps', 'mean A', '95% CI', 'mean se', `blunders (A<=-${tau})`, 'blunder rate', '95% CI', ...(engine ? ['avg cp loss', '95% CI'] : []), 'games', 'first blunder ply'];
  const body = rows.map((r) => [
    r.agent,
    String(r.n),
    fmt(r.meanAdvantage),
    ci(r.advantageInterval),
    fmt(r.meanStderr),
    String(r.blunders),
    r.n ? fmt(r.blunders / r.n) : '-',
    ci(r.blunderRateInterval),
    ...(engine ? [fmt(r.meanCpLoss, 1), ci(r.cpLossInterval, 1)] : []),
    String(r.games),
    r.gamesWithBlunder ? `${fmt(r.meanFirstBlunderPly, 1)} (${r.gamesWithBlunder} games)` : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n') + '\n';
}

/**
 * Copies the run's matches into a new run `<name>-progress` with annotated traces. The original run is never
 * touched, so it stays replayable byte for byte; the new run is an ordinary run the metrics and leaderboard read.
 */
/** How the command annotates: a rollout or exact prover, or the game's engine at a depth. */
interface Annotator {
  readonly name: string;
  readonly rollouts: number;
  readonly seed: number;
  annotate(trace: readonly TraceEvent[]): Promise<TraceEvent[]>;
}

async function annotateRun(store: Store, runArg: string | undefined, options: Annotator): Promise<{ name: string; matches: TraceEvent[][] }> {
  const runId = pickRun(store, runArg);
  const run = store.getRun(runId);
  if (!run) throw new UsageError(`unknown run '${runId}'`);
  const name = `${run.name}-progress`;
  if (store.getRun(name)) throw new UsageError(`run '${name}' already exists in ${store.path}; annotated runs are never overwritten`);
  const config = { source: run.id, prover: options.name, rollouts: options.rollouts, seed: options.seed };
  const hash = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
  store.createRun({ id: name, name, kind: 'progress', config, configHash: hash, seed: options.seed, meta: { source: run.name } });
  const rows = store.matches(runId);
  store.planMatches(name, rows.map((m) => ({ key: m.match_key, ord: m.ord, game: m.game, family: m.family as 'plan' | 'move', agents: [m.agent0, m.agent1], seed: m.seed, spec: JSON.parse(m.spec_json) as unknown })));
  const matches: TraceEvent[][] = [];
  for (const m of rows) {
    const trace = store.trace(runId, m.match_key);
    if (!trace || m.status === 'planned') continue;
    const annotated = await options.annotate(trace);
    matches.push(annotated);
    const outcome = {
      status: m.status,
      ...(m.error_reason !== null ? { errorReason: m.error_reason } : {}),
      ...(m.error_message !== null ? { errorMessage: m.error_message } : {}),
      winner: m.winner,
      scores: [m.score0 ?? 0, m.score1 ?? 0] as const,
      tokens: m.tokens,
      costUsd: m.cost_usd,
      wallMs: m.wall_ms,
    };
    store.recordMatch(name, m.match_key, outcome, annotated);
  }
  store.setRunStatus(name, 'completed');
  return { name, matches };
}

function annotator(opts: ProgressOptions): { annotator: Annotator; line: string } {
  const seed = num('seed', opts.seed, 0, 2 ** 32 - 1);
  const engine = parseEngineProver(opts.prover);
  if (engine) {
    const annotate = async (trace: readonly TraceEvent[]): Promise<TraceEvent[]> => (await annotateMatchWithEngine(trace, engine)).events;
    return { annotator: { name: engine.name, rollouts: 0, seed, annotate }, line: `progress under prover ${engine.name} (the game's engine; win probability from its score)` };
  }
  const prover = parseProver(opts.prover);
  const options: AnnotateOptions = { prover, rollouts: num('rollouts', opts.rollouts, 0, 1_000_000), seed };
  const annotate = (trace: readonly TraceEvent[]): Promise<TraceEvent[]> => Promise.resolve(annotateMatch(trace, options));
  return {
    annotator: { name: prover.name, rollouts: options.rollouts, seed, annotate },
    line: `progress under prover ${prover.name}, ${prover.exact ? 'exact values' : `${options.rollouts} rollouts per term`}`,
  };
}

async function run(inputs: readonly string[], opts: ProgressOptions): Promise<void> {
  const { annotator: options, line } = annotator(opts);
  const tau = num('tau', opts.tau, 0, 1, false);
  let matches: TraceEvent[][];
  let where: string;
  if (opts.run !== undefined || (inputs.length === 0 && opts.store !== undefined)) {
    if (inputs.length > 0) throw new UsageError('give trace files or --run, not both');
    const store = openExistingStore(opts.store, { write: true });
    try {
      const done = await annotateRun(store, opts.run, options);
      matches = done.matches;
      where = `run '${done.name}' in ${store.path}`;
    } finally {
      store.close();
    }
  } else {
    if (inputs.length === 0) throw new UsageError('give trace files (JSONL) or --run <run> --store <file>');
    const out = opts.out ?? inputs[0]?.replace(/(\.jsonl)?$/, '.progress.jsonl') ?? 'progress.jsonl';
    if (inputs.includes(out)) throw new UsageError(`--out '${out}' would overwrite an input; the original traces are kept as they are`);
    matches = [];
    for (const m of await readTraceInputs(inputs)) matches.push(await options.annotate(m));
    const writer = new JsonlWriter(out);
    try {
      for (const m of matches) for (const e of m) writer.write(e);
    } finally {
      writer.close();
    }
    where = out;
  }
  process.stdout.write(`${line}; annotated traces: ${where}\n`);
  process.stdout.write(formatProgressTable(summarizeProgress(matches, tau), tau));
}

export function registerProgress(program: Command): void {
  program
    .command('progress')
    .description('annotate every move (and plan revision) with its progress A = Q − V under a prover policy (metrics/README.md)')
    .argument('[traces...]', 'trace files (JSONL); or use --run with --store')
    .option('--run <run>', 'annotate a stored run into a new run <name>-progress (the original is kept as it is)')
    .option('--store <file>', 'results store (default arena.db)')
    .option('--prover <spec>', 'prover μ: random, greedy, mcts:iterations=N, best:k=K,base=(random), solver (exact, solvable games), engine[:depth=8] (the game\'s engine, e.g. Stockfish for chess)', 'greedy')
    .option('--rollouts <M>', 'playouts per Q and per V estimate (plan games: opponent-plan mutations; 0 = exact against the plan in force)', '64')
    .option('--seed <n>', 'seed of the estimates (with the match id and step)', '1')
    .option('--tau <t>', 'blunder threshold: A <= -tau', '0.2')
    .option('--out <file>', 'annotated JSONL for trace-file input (default <input>.progress.jsonl)')
    .action(async (inputs: string[], opts: ProgressOptions) => run(inputs, opts));
}
