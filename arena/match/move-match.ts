import { withProtocols } from './protocols.js';
import { createRng, hashSeed, type Rng } from '../../games/core/rng.js';
import type { Agent, AgentContext, MoveDecision } from '../agents/agent.js';
import { addUsage, ZERO_USAGE, type Usage } from '../trace/usage.js';
import { UsageError } from '../errors.js';
import { classifyAgentError } from './errors.js';
import { TRACE_VERSION, type MoveMatchSpec, type TraceEvent } from '../trace/events.js';
import { TraceRecorder } from '../trace/recorder.js';
import { gameResultFeedback, rejectionFeedback } from './move-feedback.js';
import { resolveMoveGame, type ResolvedMoveGame } from '../games/registry.js';
import { gameStart } from '../../games/core/start.js';
import { judgeMove, responseOf } from './move-judge.js';
import { BoardgameTable } from './bgio-table.js';

/** What happens when a seat's attempts at a move run out: it forfeits the game, or a seeded random legal move is played. */
export type MoveFailPolicy = 'forfeit' | 'random';

/** The move-match spec as recorded in `match_start`: the caller's spec with the resolved policy. */
export interface MoveSeriesSpec extends MoveMatchSpec {
  readonly maxAttempts: number;
  readonly onFail: MoveFailPolicy;
}

export interface MoveMatchOptions {
  /** Sees every event as it is recorded. */
  readonly sink?: (event: TraceEvent) => void;
  /** Attempts per move, re-asks included (default: the spec's, else 3). */
  readonly maxAttempts?: number;
  /** Policy once the attempts run out (default: the spec's, else 'forfeit'). */
  readonly onFail?: MoveFailPolicy;
  /** Checked before every decision and passed to agents; an abort ends the match with reason 'aborted'. */
  readonly signal?: AbortSignal;
  /** Default: derived from the spec (`move-` and a hash), so equal specs give equal ids. */
  readonly matchId?: string;
  /** Version of the texts shown to agents (default MOVE_PROMPT_VERSION). */
  readonly promptVersion?: string;
}

/** move-2: the rules text gives only the move notation, so a prompt states one answer format (move-1 gave two). */
export const MOVE_PROMPT_VERSION = 'move-2';
export const DEFAULT_MOVE_ATTEMPTS = 3;

/** An agent threw: the match ends with an error (never scored); its cause says whether it was infrastructure. */
class AgentFailure extends Error {
  constructor(
    readonly seat: 0 | 1,
    readonly ply: number,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

class Aborted extends Error {}

interface Series {
  readonly spec: MoveSeriesSpec;
  readonly resolved: ResolvedMoveGame;
  readonly agents: readonly [Agent, Agent];
  readonly ctxs: readonly [AgentContext, AgentContext];
  readonly policyRng: Rng;
  readonly recorder: TraceRecorder;
  readonly signal: AbortSignal | undefined;
  readonly feedback: [string[], string[]];
  usage: [Usage, Usage];
}

async function ask(series: Series, seat: 0 | 1, request: Parameters<NonNullable<Agent['decideMove']>>[0]): Promise<MoveDecision> {
  if (series.signal?.aborted) throw new Aborted();
  const agent = series.agents[seat];
  try {
    return await (agent.decideMove as NonNullable<Agent['decideMove']>).call(agent, request, series.ctxs[seat]);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if (series.signal?.aborted) throw new Aborted();
    throw new AgentFailure(seat, request.ply, err);
  }
}

/** Plays one game of the series on boardgame.io's game reducer (bgio-table.ts); returns the scores by seat. */
async function playGame(series: Series, gameIndex: number): Promise<readonly [number, number]> {
  const { spec, resolved, recorder } = series;
  const rules = resolved.rules;
  const first = (gameIndex % 2) as 0 | 1;
  const seatOf = (player: 0 | 1): 0 | 1 => (player === 0 ? first : ((1 - first) as 0 | 1));
  const ownMoves: [string[], string[]] = [[], []];
  // The game's start (a seeded one where the game has several; the same for games 2k and 2k + 1).
  const start = gameStart(rules, spec, gameIndex);
  const table = new BoardgameTable(resolved, start);
  let ply = 0;
  let forfeit: 0 | 1 | undefined;
  for (;;) {
    if (table.ctx.gameover !== undefined) break;
    const state: unknown = table.G;
    const player = rules.toMove(state);
    if (String(player) !== table.ctx.currentPlayer) throw new Error(`player ${player} to move but boardgame.io says ${table.ctx.currentPlayer}`);
    const seat = seatOf(player);
    const legal = rules.legalActions(state);
    let action: unknown;
    let auto = false;
    for (let attempt = 1; ; attempt++) {
      const feedback = series.feedback[seat].splice(0);
      const request = { kind: 'move', game: rules, state, player, legal, ply, gameIndex, attempt, feedback } as const;
      const decision = await ask(series, seat, request);
      recorder.advance(decision.usage);
      series.usage[seat] = addUsage(series.usage[seat], decision.usage);
      const verdict = judgeMove(rules, state, legal, decision);
      const response = responseOf(decision);
      if (verdict.ok) {
        action = verdict.action;
        const text = rules.actionText(state, action);
        const meta = decision.meta ? { meta: decision.meta } : {};
        recorder.emit({ type: 'move', round: ply, gameIndex, player, seat, action: text, legalCount: legal.length, attempt, response, usage: decision.usage, ...meta });
        break;
      }
      const last = attempt >= spec.maxAttempts;
      const outcome = !last ? 'reask' : spec.onFail === 'forfeit' ? 'forfeit' : 'random_move';
      recorder.emit({ type: 'rejection', round: ply, gameIndex, player, seat, attempt, code: verdict.code, reason: verdict.reason, response, outcome, usage: decision.usage });
      if (!last) {
        series.feedback[seat].push(rejectionFeedback(verdict.code, verdict.reason, attempt, spec.maxAttempts));
        continue;
      }
      if (spec.onFail === 'forfeit') {
        forfeit = seat;
      } else {
        action = series.policyRng.pick(legal);
        auto = true;
        recorder.emit({ type: 'move', round: ply, gameIndex, player, seat, action: rules.actionText(state, action), legalCount: legal.length, attempt, usage: ZERO_USAGE, meta: { policy: 'random_move' } });
      }
      break;
    }
    if (forfeit !== undefined) break;
    ownMoves[seat].push(rules.actionText(state, action) + (auto ? ' (random, after rejected replies)' : ''));
    if (!table.play('play', [action])) throw new Error(`boardgame.io refused the legal move ${rules.actionText(state, action)}`);
    ply++;
  }
  const scores = forfeit !== undefined ? ([forfeit === 0 ? 0 : 1, forfeit === 1 ? 0 : 1] as const) : seatScores(table.ctx.gameover, first);
  recorder.emit({ type: 'game_end', round: ply, gameIndex, scores, plies: ply, ...(forfeit !== undefined ? { forfeit } : {}) });
  if (gameIndex + 1 < spec.games) {
    for (const seat of [0, 1] as const) {
      const f = forfeit === undefined ? {} : { forfeit: forfeit === seat ? ('self' as const) : ('opponent' as const) };
      series.feedback[seat].push(gameResultFeedback({ gameIndex, games: spec.games, score: scores[seat], movedFirst: seat === first, ownMoves: ownMoves[seat], ...f }));
    }
  }
  return scores;
}

/** boardgame.io's gameover (`{ winner: '0' | '1' }` or `{ draw: true }`, by player) as scores by seat. */
function seatScores(gameover: unknown, first: 0 | 1): readonly [number, number] {
  const winner = typeof gameover === 'object' && gameover !== null && 'winner' in gameover ? String(gameover.winner) : null;
  const byPlayer: readonly [number, number] = winner === '0' ? [1, 0] : winner === '1' ? [0, 1] : [0.5, 0.5];
  return first === 0 ? byPlayer : [byPlayer[1], byPlayer[0]];
}

/**
 * Runs a series of `spec.games` games between two agents: seat 0 moves first in even games, seat 1 in odd ones.
 * Each agent's `ctx.rng` is `createRng(seed).fork('seat0' | 'seat1')`; the random-move policy draws from
 * `fork('policy')`. A reply naming no legal move is rejected with a reason code and re-asked with feedback up to
 * the allowance, then the policy applies. An agent that throws ends the match with an `error` event and status
 * 'error', reason 'infrastructure' (never a loss); a UsageError (an agent that cannot play this game) is rethrown.
 * Agents are closed when the match ends. Returns the trace (also streamed to `options.sink`).
 */
export async function runMoveMatch(spec: MoveMatchSpec, agents: readonly [Agent, Agent], options: MoveMatchOptions = {}): Promise<TraceEvent[]> {
  const resolved = resolveMoveGame(spec.game, spec.params);
  for (const agent of agents) if (!agent.decideMove) throw new UsageError(`agent '${agent.id}' cannot play move games`);
  if (!Number.isInteger(spec.games) || spec.games < 1) throw new UsageError(`a move match needs at least one game, got ${spec.games}`);
  const maxAttempts = options.maxAttempts ?? (typeof spec.maxAttempts === 'number' ? spec.maxAttempts : DEFAULT_MOVE_ATTEMPTS);
  const onFail = options.onFail ?? (spec.onFail === 'random' || spec.onFail === 'forfeit' ? spec.onFail : 'forfeit');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new UsageError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  const full: MoveSeriesSpec = { ...spec, params: resolved.params, maxAttempts, onFail };
  const recorder = new TraceRecorder(options.sink);
  const matchId = options.matchId ?? `move-${hashSeed(JSON.stringify(full)).toString(16).padStart(8, '0')}`;
  // Games with a seeded start record each game's start position (its key), so a replay can check it.
  const starts = resolved.rules.seededStart ? { starts: Array.from({ length: spec.games }, (_, g) => resolved.rules.key(gameStart(resolved.rules, spec, g))) } : {};
  recorder.emit({ type: 'match_start', round: 0, traceVersion: TRACE_VERSION, matchId, spec: withProtocols(full, agents), promptVersion: options.promptVersion ?? MOVE_PROMPT_VERSION, ...starts });
  const root = createRng(spec.seed);
  const signal = options.signal;
  const ctx = (seat: number): AgentContext => (signal ? { rng: root.fork(`seat${seat}`), signal } : { rng: root.fork(`seat${seat}`) });
  const series: Series = { spec: full, resolved, agents, ctxs: [ctx(0), ctx(1)], policyRng: root.fork('policy'), recorder, signal, feedback: [[], []], usage: [ZERO_USAGE, ZERO_USAGE] };
  const wins: [number, number] = [0, 0];
  const points: [number, number] = [0, 0];
  const end = (status: 'completed' | 'error', reason?: 'infrastructure' | 'agent' | 'internal' | 'aborted'): void => {
    const score: [number, number] = status === 'completed' ? [points[0] / spec.games, points[1] / spec.games] : [0, 0];
    const winner = status === 'completed' && score[0] !== score[1] ? (score[0] > score[1] ? 0 : 1) : null;
    recorder.emit({ type: 'match_end', round: 0, status, ...(reason ? { reason } : {}), wins, winner, score, usage: series.usage });
  };
  try {
    for (let g = 0; g < spec.games; g++) {
      const scores = await playGame(series, g);
      for (const seat of [0, 1] as const) {
        points[seat] += scores[seat];
        if (scores[seat] === 1) wins[seat]++;
      }
    }
    end('completed');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if (err instanceof Aborted) {
      end('error', 'aborted');
    } else if (err instanceof AgentFailure) {
      // An endpoint that gave up (InfrastructureError) is infrastructure and replayed on resume; any other throw is
      // the agent breaking its contract: an error too, never scored, but not retried.
      const c = classifyAgentError(err.cause);
      recorder.emit({ type: 'error', round: err.ply, kind: c.kind, side: err.seat, message: err.message });
      end('error', c.reason);
    } else {
      recorder.emit({ type: 'error', round: 0, kind: 'internal', message: err instanceof Error ? err.message : String(err) });
      end('error', 'internal');
    }
  } finally {
    await Promise.allSettled(agents.map((a) => a.close?.()));
  }
  return [...recorder.events];
}
