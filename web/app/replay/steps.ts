import type {
  ErrorEvent,
  GameEndEvent,
  MatchEndEvent,
  MatchStartEvent,
  MoveEvent,
  PlanSubmissionEvent,
  ProgressEvent,
  ReaskEvent,
  RejectionEvent,
  RoundResultEvent,
  TraceEvent,
} from '../../../arena/trace/events.js';

/** A submission with the plan it would replace (the side's plan in force before it), for the diff. */
export interface Submission {
  readonly event: PlanSubmissionEvent;
  readonly inForce: PlanSubmissionEvent | null;
}

/** One step of a plan-game replay: what happened since the previous battle, then the battle (null: trailing events). */
export interface PlanStep {
  readonly submissions: readonly Submission[];
  readonly reasks: readonly ReaskEvent[];
  readonly errors: readonly ErrorEvent[];
  readonly battle: RoundResultEvent | null;
}

/** One step of a move-game replay: a move with the rejected answers before it (move null: a forfeit). */
export interface MoveStep {
  readonly move: MoveEvent | null;
  readonly rejections: readonly RejectionEvent[];
  readonly gameEnd: GameEndEvent | null;
  readonly gameIndex: number;
}

export interface Replay<S> {
  readonly start: MatchStartEvent | null;
  readonly end: MatchEndEvent | null;
  readonly steps: readonly S[];
  /** Progress annotations by the seq of the step (move or revision) they annotate. */
  readonly progress: ReadonlyMap<number, ProgressEvent>;
}

function common(events: readonly TraceEvent[]): Pick<Replay<unknown>, 'start' | 'end' | 'progress'> {
  const start = events[0]?.type === 'match_start' ? events[0] : null;
  const last = events[events.length - 1];
  const progress = new Map<number, ProgressEvent>();
  for (const e of events) if (e.type === 'progress') progress.set(e.step, e);
  return { start, end: last?.type === 'match_end' ? last : null, progress };
}

/** Splits a plan-game trace into steps, one per battle (plus one for events after the last battle). */
export function planReplay(events: readonly TraceEvent[]): Replay<PlanStep> {
  const steps: PlanStep[] = [];
  const inForce: [PlanSubmissionEvent | null, PlanSubmissionEvent | null] = [null, null];
  let subs: Submission[] = [];
  let reasks: ReaskEvent[] = [];
  let errors: ErrorEvent[] = [];
  for (const e of events) {
    if (e.type === 'plan_submission') {
      subs.push({ event: e, inForce: inForce[e.side] });
      if (e.accepted) inForce[e.side] = e;
    } else if (e.type === 'reask') reasks.push(e);
    else if (e.type === 'error') errors.push(e);
    else if (e.type === 'round_result') {
      steps.push({ submissions: subs, reasks, errors, battle: e });
      subs = [];
      reasks = [];
      errors = [];
    }
  }
  if (subs.length || reasks.length || errors.length) steps.push({ submissions: subs, reasks, errors, battle: null });
  return { ...common(events), steps };
}

/** Splits a move-game trace into steps, one per move (rejected answers attach to the move that followed). */
export function moveReplay(events: readonly TraceEvent[]): Replay<MoveStep> {
  const steps: MoveStep[] = [];
  let rejections: RejectionEvent[] = [];
  for (const e of events) {
    if (e.type === 'rejection') {
      rejections.push(e);
      if (e.outcome === 'forfeit') {
        steps.push({ move: null, rejections, gameEnd: null, gameIndex: e.gameIndex });
        rejections = [];
      }
    } else if (e.type === 'move') {
      steps.push({ move: e, rejections, gameEnd: null, gameIndex: e.gameIndex });
      rejections = [];
    } else if (e.type === 'game_end') {
      const last = steps[steps.length - 1];
      if (last && last.gameIndex === e.gameIndex) steps[steps.length - 1] = { ...last, gameEnd: e };
    }
  }
  return { ...common(events), steps };
}
