import cliProgress from 'cli-progress';
import type { MatchOutcome } from '../store/store.js';
import type { MatchStates } from './remote.js';

/** Counters a tournament reports while it runs. */
export interface ProgressState {
  readonly total: number;
  done: number;
  tokens: number;
  costUsd: number;
  readonly errors: Record<string, number>;
  readonly startedAt: number;
  /** Matches already completed when this session started (resume). */
  readonly resumed: number;
  /** A distributed run's matches by state (queue workers play them), once known. */
  queue?: MatchStates;
}

export interface ProgressReporter {
  update(outcome: MatchOutcome): void;
  /** Matches by state while queue workers play them. */
  states(states: MatchStates): void;
  stop(): void;
}

function rate(state: ProgressState): number {
  const minutes = (Date.now() - state.startedAt) / 60_000;
  return minutes > 0 ? (state.done - state.resumed) / minutes : 0;
}

function errorText(state: ProgressState): string {
  const parts = Object.entries(state.errors).map(([k, v]) => `${k} ${v}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** " | queue: 3 waiting, 2 running, 10 done, 0 failed", or nothing for a run in one process. */
export function queueText(state: ProgressState): string {
  const q = state.queue;
  return q === undefined ? '' : ` | queue: ${q.waiting} waiting, ${q.running} running, ${q.done} done, ${q.failed} failed`;
}

function line(state: ProgressState): string {
  const perMin = rate(state);
  const left = state.total - state.done;
  const eta = perMin > 0 ? `${Math.ceil(left / perMin)} min` : '?';
  return `${state.done}/${state.total} matches | ${perMin.toFixed(1)}/min | ETA ${eta} | ${state.tokens} tokens | $${state.costUsd.toFixed(4)} | errors: ${errorText(state)}${queueText(state)}`;
}

/**
 * A live progress bar on an interactive terminal; elsewhere (CI, pipes) a plain status line every few seconds.
 * Writes to stderr so stdout stays clean for tables.
 */
export function createProgress(total: number, resumed: number, options: { quiet?: boolean; intervalMs?: number } = {}): { state: ProgressState; reporter: ProgressReporter } {
  const state: ProgressState = { total, done: resumed, tokens: 0, costUsd: 0, errors: {}, startedAt: Date.now(), resumed };
  const apply = (o: MatchOutcome): void => {
    state.done++;
    state.tokens += o.tokens;
    state.costUsd += o.costUsd;
    if (o.status === 'error') state.errors[o.errorReason ?? 'error'] = (state.errors[o.errorReason ?? 'error'] ?? 0) + 1;
  };
  const setStates = (q: MatchStates): void => {
    state.queue = q;
  };
  if (options.quiet) return { state, reporter: { update: apply, states: setStates, stop: () => undefined } };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{bar} {value}/{total} | {rate}/min | ETA {eta_formatted} | {tokens} tok | ${spend} | errors: {errors}{queue}', hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, resumed, { rate: '0.0', tokens: 0, spend: '0.0000', errors: 'none', queue: '' });
    return {
      state,
      reporter: {
        update: (o) => {
          apply(o);
          bar.update(state.done, { rate: rate(state).toFixed(1), tokens: state.tokens, spend: state.costUsd.toFixed(4), errors: errorText(state) });
        },
        states: (q) => {
          setStates(q);
          bar.update({ queue: queueText(state) });
        },
        stop: () => bar.stop(),
      },
    };
  }
  const timer = setInterval(() => process.stderr.write(`${line(state)}\n`), options.intervalMs ?? 5000);
  timer.unref();
  return {
    state,
    reporter: {
      update: apply,
      states: setStates,
      stop: () => {
        clearInterval(timer);
        process.stderr.write(`${line(state)}\n`);
      },
    },
  };
}
