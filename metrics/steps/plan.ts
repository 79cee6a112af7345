import type { SideIndex, ViolationCode } from '../../games/core/plan-game.js';
import type { PlanMatchSpec, PlanSubmissionEvent, RoundResultEvent, TraceEvent } from '../../arena/trace/events.js';
import { TraceFormatError } from '../../arena/trace/read.js';
import { addSlopeSums, bump, emptyStats, S, type AgentMatchRecord } from './record.js';

/** One revision opportunity of a side: the battle before it, the battle after it, and the plans in force. */
interface Opportunity {
  readonly before: RoundResultEvent;
  readonly after: RoundResultEvent;
  readonly replaced: PlanSubmissionEvent;
  readonly submitted: PlanSubmissionEvent;
}

/** Violation counts by code: items carrying the code, or 1 for a plan-level code with no item. */
function violationCounts(sub: PlanSubmissionEvent): Map<ViolationCode, number> {
  const counts = new Map<ViolationCode, number>();
  for (const item of sub.report?.items ?? []) if (item.code) counts.set(item.code, (counts.get(item.code) ?? 0) + 1);
  for (const code of sub.violations) if (!counts.has(code)) counts.set(code, 1);
  return counts;
}

/** True when the new plan has fewer occurrences of some violation present in the plan it replaced. */
export function removesViolation(replaced: PlanSubmissionEvent, submitted: PlanSubmissionEvent): boolean {
  const after = violationCounts(submitted);
  for (const [code, count] of violationCounts(replaced)) if ((after.get(code) ?? 0) < count) return true;
  return false;
}

function isRevised(op: Opportunity): boolean {
  return op.submitted.changed ?? op.submitted.canonical !== op.replaced.canonical;
}

/** How the metrics count one revision opportunity (METRICS.md): the labels of CSR, the harmful and unforced rates. */
export interface RevisionClass {
  readonly side: SideIndex;
  /** The evaluated battle (the one played after the revision request). */
  readonly battle: number;
  /** The side had won the battle before the request. */
  readonly afterWin: boolean;
  /** The accepted plan differs from the plan in force; when false every label below is false ("unchanged"). */
  readonly revised: boolean;
  /** Counted as a successful revision: the side's score rose, or a violation of the replaced plan went away. */
  readonly success: boolean;
  /** Counted as harmful: the side's score fell. */
  readonly harmful: boolean;
  /** Counted as unforced: revised after winning the previous battle. */
  readonly unforced: boolean;
  /** Score after minus score before. */
  readonly delta: number;
}

function classifyOpportunity(op: Opportunity, side: SideIndex): RevisionClass {
  const s0 = op.before.scores[side];
  const s1 = op.after.scores[side];
  const afterWin = op.before.winner === side;
  const revised = isRevised(op);
  return {
    side,
    battle: op.after.battle,
    afterWin,
    revised,
    success: revised && (s1 > s0 || removesViolation(op.replaced, op.submitted)),
    harmful: revised && s1 < s0,
    unforced: revised && afterWin,
    delta: s1 - s0,
  };
}

/**
 * Every revision opportunity of a plan-game trace (both sides, in battle order), labelled exactly as the metrics
 * count it. Throws TraceFormatError on a trace the metrics cannot read.
 */
export function planRevisions(events: readonly TraceEvent[]): RevisionClass[] {
  const start = events[0];
  if (start?.type !== 'match_start' || start.spec.family !== 'plan') throw new TraceFormatError('not a plan-game trace');
  const { opportunities } = walk(events, start.matchId);
  return ([0, 1] as const).flatMap((side) => opportunities[side].map((op) => classifyOpportunity(op, side))).sort((x, y) => x.battle - y.battle);
}

/** Walks a completed plan-game trace once; returns each side's opportunities, battles and submissions. */
function walk(events: readonly TraceEvent[], matchId: string) {
  const subs: [PlanSubmissionEvent[], PlanSubmissionEvent[]] = [[], []];
  const inForce: [PlanSubmissionEvent | null, PlanSubmissionEvent | null] = [null, null];
  const pending: [Pick<Opportunity, 'replaced' | 'submitted'> | null, Pick<Opportunity, 'replaced' | 'submitted'> | null] = [null, null];
  const opportunities: [Opportunity[], Opportunity[]] = [[], []];
  const battles: RoundResultEvent[] = [];
  for (const event of events) {
    if (event.type === 'plan_submission') {
      const side = event.side;
      subs[side].push(event);
      if (!event.accepted) continue;
      const replaced = inForce[side];
      if (event.phase === 'revision') pending[side] = replaced === null ? null : { replaced, submitted: event };
      inForce[side] = event;
    } else if (event.type === 'round_result') {
      const before = battles[battles.length - 1];
      battles.push(event);
      const side = event.revisedBy;
      if (side === null) continue;
      const revision = pending[side];
      if (before === undefined || revision === null) {
        throw new TraceFormatError(`match ${matchId}: battle ${event.battle} follows a revision by side ${side} that the trace does not hold`);
      }
      opportunities[side].push({ before, after: event, ...revision });
      pending[side] = null;
    }
  }
  return { subs, opportunities, battles };
}

/**
 * The plan-family step extractor (METRICS.md, plan games): one record per side of a completed match. An
 * opportunity is a revision request (a battle with `revisedBy` = the side); its evaluated round is that battle;
 * a revision is an opportunity whose accepted plan differs from the plan in force (`changed`, canonical form).
 */
export function planRecords(events: readonly TraceEvent[]): AgentMatchRecord[] {
  const start = events[0];
  if (start?.type !== 'match_start' || start.spec.family !== 'plan') throw new TraceFormatError('not a plan-game trace');
  const spec = start.spec as PlanMatchSpec;
  const { subs, opportunities, battles } = walk(events, start.matchId);
  const wins = [0, 0];
  for (const b of battles) if (b.winner !== null) wins[b.winner] = (wins[b.winner] as number) + 1;

  return ([0, 1] as const).map((side: SideIndex) => {
    const stats = emptyStats();
    const other = side === 0 ? 1 : 0;
    const own = wins[side] as number;
    const theirs = wins[other] as number;
    stats[S.matchScore] = own > theirs ? 1 : own === theirs ? 0.5 : 0;

    const evaluated: number[] = [];
    for (const op of opportunities[side]) {
      const s0 = op.before.scores[side];
      const s1 = op.after.scores[side];
      evaluated.push(s1);
      bump(stats, S.evalBudgetN);
      if (op.after.costs[side] > op.after.budgets[side]) bump(stats, S.evalOver);
      bump(stats, S.opp);
      const c = classifyOpportunity(op, side);
      if (c.afterWin) bump(stats, S.oppAfterWin);
      if (!c.revised) continue;
      bump(stats, S.revised);
      if (c.unforced) bump(stats, S.revisedAfterWin);
      bump(stats, S.successN);
      if (c.success) bump(stats, S.success);
      bump(stats, S.deltaN);
      bump(stats, S.deltaSum, s1 - s0);
      if (c.harmful) bump(stats, S.harmful);
    }
    stats[S.evalN] = evaluated.length;
    stats[S.evalScore] = evaluated.reduce((a, b) => a + b, 0);
    addSlopeSums(stats, evaluated);

    for (const sub of subs[side]) {
      bump(stats, S.subs);
      if (sub.violations.length > 0) bump(stats, S.subsViolated);
      bump(stats, S.subsBudgetN);
      if (sub.cost > sub.budget) bump(stats, S.subsOver);
      if (sub.phase === 'initial' && sub.attempt === 1) {
        bump(stats, S.initial);
        if (sub.violations.length === 0 && sub.cost <= sub.budget) bump(stats, S.initialValid);
      }
      bump(stats, S.decisions);
      bump(stats, S.tokens, sub.usage.promptTokens + sub.usage.completionTokens);
      bump(stats, S.calls, sub.usage.calls);
      bump(stats, S.truncated, sub.usage.truncated ?? 0);
      bump(stats, S.wallMs, sub.usage.wallMs);
      bump(stats, S.usd, sub.usage.costUsd);
    }
    const seat = spec.seats[side];
    return { matchId: start.matchId, game: spec.game, family: 'plan' as const, agent: seat.name, stats };
  });
}
