import type { MatchEndEvent, MatchStartEvent, MoveMatchSpec, PlanMatchSpec, TraceEvent } from '../../arena/trace/events.js';

/** The start and end of a match's trace, when it has both. */
export function endsOf(events: readonly TraceEvent[]): { start: MatchStartEvent; end: MatchEndEvent | undefined } | undefined {
  const start = events[0];
  if (start?.type !== 'match_start') return undefined;
  const last = events[events.length - 1];
  return { start, end: last?.type === 'match_end' ? last : undefined };
}

/**
 * The settings a match was played under beyond the game id, as one stable string: plan games their preset, budgets
 * and rounds; move games the games per series (their parameters are in the canonical game id).
 */
export function settingOf(spec: PlanMatchSpec | MoveMatchSpec): string {
  if (spec.family === 'plan') {
    const c = spec.config as unknown as { preset?: string; budgets?: readonly number[] };
    return `preset=${c.preset ?? 'default'};budgets=${(c.budgets ?? []).join('/')};rounds=${spec.rounds};numbering=${spec.roundNumbering}`;
  }
  return `games=${spec.games}`;
}
