import type { PlanGame, SideIndex } from '../../games/core/plan-game.js';
import { resolveGame, resolveMoveGame } from '../games/registry.js';
import type { MoveMatchSpec, PlanMatchSpec, ProgressEvent, TraceEvent } from '../trace/events.js';
import { TraceFormatError } from '../trace/read.js';
import { estimateProgress, type ProgressEstimate } from './estimate.js';
import { planProgress } from './plan.js';
import { movePositions } from './positions.js';
import { mixedRng } from '../../games/core/rng.js';
import type { Prover } from '../search/provers.js';
import { UsageError } from '../errors.js';
import { EngineProver, engineMoveDrafts, openEngineFor, type EngineProverSpec } from './engine.js';

export interface AnnotateOptions {
  /** Move games: the prover μ. */
  readonly prover: Prover;
  /**
   * Move games: playouts per term. Plan games: mutations of the opponent plan in the prover pool, which then also
   * holds the opponent's recent plans; 0 gives exact progress against the plan in force alone.
   */
  readonly rollouts: number;
  /** Seeds every estimate together with the match id and the step's seq. */
  readonly seed: number;
  /** Called after each annotated step (progress display). */
  readonly onStep?: (done: number) => void;
}

type Draft = Omit<ProgressEvent, 'seq' | 'time'>;

function draft(step: number, round: number, e: ProgressEstimate): Draft {
  return { type: 'progress', round, step, prover: e.prover, rollouts: e.rollouts, q: e.q, v: e.v, advantage: e.advantage, stderr: e.stderr };
}

function moveDrafts(events: readonly TraceEvent[], spec: MoveMatchSpec, matchId: string, options: AnnotateOptions): Draft[] {
  const rules = resolveMoveGame(spec.game, spec.params).rules;
  const memo = new Map<string, number>();
  const out: Draft[] = [];
  for (const { event, state, action } of movePositions(rules, events, matchId)) {
    const rng = mixedRng(options.seed, matchId, event.seq);
    out.push(draft(event.seq, event.round, estimateProgress(rules, state, action, options.prover, { rollouts: options.rollouts, rng, memo })));
    options.onStep?.(out.length);
  }
  return out;
}

function planDrafts(events: readonly TraceEvent[], spec: PlanMatchSpec, matchId: string, options: AnnotateOptions): Draft[] {
  const resolved = resolveGame(spec.game);
  if (resolved.family !== 'plan') throw new TraceFormatError(`match ${matchId}: ${spec.game} is not a plan game`);
  const game: PlanGame = resolved.game;
  const inForce: [unknown, unknown] = [null, null];
  const history: [unknown[], unknown[]] = [[], []];
  const out: Draft[] = [];
  for (const event of events) {
    if (event.type !== 'plan_submission' || !event.accepted) continue;
    const side = event.side;
    const opp: SideIndex = side === 0 ? 1 : 0;
    if (event.phase === 'revision') {
      const rng = mixedRng(options.seed, matchId, event.seq);
      const estimate = planProgress({ game, config: spec.config, side, before: inForce[side], after: event.plan, opponent: inForce[opp], history: options.rollouts > 0 ? history[opp].slice(0, -1) : [], mutations: options.rollouts, rng });
      out.push(draft(event.seq, event.round, estimate));
      options.onStep?.(out.length);
    }
    inForce[side] = event.plan;
    history[side].push(event.plan);
  }
  return out;
}

/**
 * Returns the match with a `progress` event for every move (move games) or accepted revision (plan games),
 * computed by `options`. Existing progress events are replaced. The new events go just before `match_end`
 * (metrics read a match as complete only when it ends with `match_end`), so only `match_end`'s seq changes;
 * every other event, and so every step a progress event points at, keeps its seq.
 */
export function annotateMatch(events: readonly TraceEvent[], options: AnnotateOptions): TraceEvent[] {
  const start = events[0];
  if (start?.type !== 'match_start') throw new TraceFormatError('a match must start with match_start');
  const kept = events.filter((e) => e.type !== 'progress');
  const drafts = start.spec.family === 'move' ? moveDrafts(kept, start.spec, start.matchId, options) : planDrafts(kept, start.spec, start.matchId, options);
  return withProgress(kept, drafts);
}

/**
 * Like `annotateMatch`, with the game's engine as prover μ (move games with the engine capability): one engine
 * process per call, closed on every path.
 */
export async function annotateMatchWithEngine(events: readonly TraceEvent[], spec: EngineProverSpec, onStep?: (done: number) => void): Promise<{ events: TraceEvent[]; analyses: number }> {
  const start = events[0];
  if (start?.type !== 'match_start') throw new TraceFormatError('a match must start with match_start');
  if (start.spec.family !== 'move') throw new UsageError(`the engine prover annotates move games only, not ${start.spec.game}`);
  const kept = events.filter((e) => e.type !== 'progress');
  const session = await openEngineFor(start.spec);
  try {
    const prover = new EngineProver(session, spec);
    const drafts = await engineMoveDrafts(kept, start.spec, start.matchId, prover, onStep);
    return { events: withProgress(kept, drafts), analyses: prover.analyses };
  } finally {
    await session.close();
  }
}

/** Inserts progress drafts just before `match_end`, so only `match_end`'s seq changes. */
function withProgress(kept: readonly TraceEvent[], drafts: readonly Draft[]): TraceEvent[] {
  const last = kept[kept.length - 1];
  const hasEnd = last?.type === 'match_end';
  const body = hasEnd ? kept.slice(0, -1) : kept;
  const tail = body[body.length - 1];
  let seq = tail ? tail.seq + 1 : 0;
  const time = tail?.time ?? 0;
  const out: TraceEvent[] = [...body];
  for (const d of drafts) out.push({ ...d, seq: seq++, time } as TraceEvent);
  if (hasEnd && last) out.push({ ...last, seq });
  return out;
}
