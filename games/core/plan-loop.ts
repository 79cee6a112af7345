import { adjudicate, type AdjudicationReason } from './adjudicate.js';
import type { PlanGame, PlanGameConfig, PlanReport, SideIndex, ViolationCode } from './plan-game.js';
import type { PromptFacts } from './prompt.js';
import { extractPlanJson } from './reply.js';

/**
 * The round loop of a plan game (SPEC §1.5/§1.6) as a pure, JSON-serialisable state machine. Both the
 * boardgame.io Game and direct (pure-path) runs drive it with the same submissions, so they cannot disagree.
 */

export interface LoopSettings {
  readonly config: PlanGameConfig;
  readonly rounds: number;
  readonly reviseFirst: SideIndex;
  readonly roundNumbering: 'reference' | 'unique';
  readonly planReportFeedback: boolean;
  /** Keep battle logs in the round results (for traces and replay viewers). */
  readonly log: boolean;
}

/** An agent's answer to one request. */
export interface Submission {
  readonly plan?: unknown;
  readonly text?: string;
}

/** A submission after parsing and validation. */
export interface Scored {
  /** The plan value: given directly, or parsed from text; null when the text could not be parsed. */
  readonly value: unknown;
  readonly parseError?: string;
  readonly report: PlanReport;
  readonly canonical: string;
  readonly cost: number;
  readonly violations: readonly ViolationCode[];
}

export interface Pending {
  readonly side: SideIndex;
  readonly phase: 'initial' | 'revision';
  readonly attempt: number;
}

/** One battle of a match, as the loop records it and the trace's `round_result` event carries it. */
export interface BattleRecord {
  /** 1-based index of the battle in the match (unique). */
  readonly battle: number;
  /** The round number as reported (with reference numbering the final battle repeats R). */
  readonly label: number;
  /** Canonical plans in force by side. */
  readonly plans: readonly [string, string];
  readonly costs: readonly [number, number];
  readonly budgets: readonly [number, number];
  readonly raw: {
    readonly winner: SideIndex | null;
    readonly steps: number;
    readonly capped: boolean;
    readonly summary: Readonly<Record<string, number | string | null>>;
  };
  /** The winner after the budget rule (null: no winner). */
  readonly winner: SideIndex | null;
  readonly reason: AdjudicationReason;
  /** Scores by side: 1 win, 0.5 no winner, 0 loss. */
  readonly scores: readonly [number, number];
  /** The side that revised just before this battle (null for the first battle). */
  readonly revisedBy: SideIndex | null;
  /** Compact battle log for replay viewers. */
  readonly log?: unknown;
}

/** What one submission produced, in order: the scored submission, a re-ask, battles. */
export type LoopOutput =
  | { readonly kind: 'submission'; readonly side: SideIndex; readonly phase: 'initial' | 'revision'; readonly attempt: number; readonly scored: Scored; readonly accepted: boolean; readonly changed?: boolean }
  | { readonly kind: 'reask'; readonly side: SideIndex; readonly attempt: number; readonly reason: 'over_budget' | 'unparseable' }
  | { readonly kind: 'battle'; readonly record: BattleRecord };

export interface LoopState {
  readonly pending: Pending | null;
  /** The plan in force by side (null until the side's initial plan is accepted). */
  readonly inForce: readonly [Scored | null, Scored | null];
  /** The last refused initial attempt by side (shown in the re-ask). */
  readonly refused: readonly [Scored | null, Scored | null];
  /** Battles played so far, without their logs (those are in the outbox of the move that played them). */
  readonly battles: readonly BattleRecord[];
  /** Outputs of the last submission (the runner turns them into trace events). */
  readonly outbox: readonly LoopOutput[];
}

const other = (side: SideIndex): SideIndex => (side === 0 ? 1 : 0);

/** Battles in a match: R for Tower Defense; R + 1 where a final battle follows the last revision. */
export function totalBattles(game: PlanGame, rounds: number): number {
  return game.finalBattleAfterLastRevision ? rounds + 1 : rounds;
}

/** The side that revises after battle i (1-based): order[(i − 1) mod 2] with order = [reviseFirst, other]. */
export function reviserAfter(battle: number, reviseFirst: SideIndex): SideIndex {
  return (battle - 1) % 2 === 0 ? reviseFirst : other(reviseFirst);
}

export function initLoop(): LoopState {
  return { pending: { side: 0, phase: 'initial', attempt: 1 }, inForce: [null, null], refused: [null, null], battles: [], outbox: [] };
}

/** Parses (SPEC §1.2) and validates a submission for a side. */
export function scoreSubmission(game: PlanGame, config: PlanGameConfig, side: SideIndex, submission: Submission): Scored {
  let value: unknown = submission.plan;
  let parseError: string | undefined;
  if (submission.plan === undefined) {
    const parsed = extractPlanJson(submission.text ?? '');
    if (parsed.ok) value = parsed.value;
    else {
      value = null;
      parseError = parsed.error;
    }
  }
  const validated = parseError === undefined ? game.validate(side, value, config) : game.validate(side, {}, config);
  const report: PlanReport =
    parseError === undefined ? validated.report : { shape: 'unparseable', cost: 0, items: [], message: parseError };
  const violations = new Set<ViolationCode>();
  if (report.shape === 'unparseable') violations.add('plan/unparseable');
  if (report.shape === 'wrong_shape') violations.add('plan/wrong_shape');
  for (const item of report.items) if (item.code) violations.add(item.code);
  if (report.cost > config.budgets[side]) violations.add('plan/over_budget');
  const base = { value, report, canonical: validated.canonical, cost: report.cost, violations: [...violations] };
  return parseError === undefined ? base : { ...base, parseError };
}

function battle(game: PlanGame, settings: LoopSettings, plans: readonly [Scored, Scored], index: number, revisedBy: SideIndex | null): BattleRecord {
  const { config } = settings;
  const v0 = plans[0].report.shape === 'ok' ? game.validate(0, plans[0].value, config).plan : game.emptyPlan(0);
  const v1 = plans[1].report.shape === 'ok' ? game.validate(1, plans[1].value, config).plan : game.emptyPlan(1);
  const result = game.simulate(v0, v1, config, { log: settings.log });
  const costs: [number, number] = [plans[0].cost, plans[1].cost];
  const adj = adjudicate(costs, config.budgets, result.winner);
  const scores: [number, number] = adj.winner === null ? [0.5, 0.5] : adj.winner === 0 ? [1, 0] : [0, 1];
  const last = totalBattles(game, settings.rounds);
  const label = settings.roundNumbering === 'reference' && game.finalBattleAfterLastRevision && index === last ? settings.rounds : index;
  const record: BattleRecord = {
    battle: index,
    label,
    plans: [plans[0].canonical, plans[1].canonical],
    costs,
    budgets: [config.budgets[0], config.budgets[1]],
    raw: { winner: result.winner, steps: result.steps, capped: result.capped, summary: result.summary },
    winner: adj.winner,
    reason: adj.reason,
    scores,
    revisedBy,
  };
  return settings.log ? { ...record, log: result.log } : record;
}

/** Applies one submission for the pending request. Throws only on a programming error (no pending request). */
export function submit(game: PlanGame, settings: LoopSettings, state: LoopState, submission: Submission): LoopState {
  const pending = state.pending;
  if (pending === null) throw new Error('the match is over: no request is pending');
  const { side, phase, attempt } = pending;
  const scored = scoreSubmission(game, settings.config, side, submission);
  const out: LoopOutput[] = [];
  const inForce: [Scored | null, Scored | null] = [state.inForce[0], state.inForce[1]];
  const refused: [Scored | null, Scored | null] = [state.refused[0], state.refused[1]];
  let battles = state.battles;

  if (phase === 'initial') {
    const overBudget = scored.cost > settings.config.budgets[side];
    const unparseable = scored.report.shape === 'unparseable';
    if ((overBudget || unparseable) && attempt < game.initAttempts) {
      out.push({ kind: 'submission', side, phase, attempt, scored, accepted: false });
      out.push({ kind: 'reask', side, attempt, reason: unparseable ? 'unparseable' : 'over_budget' });
      refused[side] = scored;
      return { pending: { side, phase, attempt: attempt + 1 }, inForce, refused, battles, outbox: out };
    }
    out.push({ kind: 'submission', side, phase, attempt, scored, accepted: true });
    inForce[side] = scored;
    refused[side] = null;
    if (side === 0) return { pending: { side: 1, phase: 'initial', attempt: 1 }, inForce, refused, battles, outbox: out };
  } else {
    const changed = scored.canonical !== inForce[side]?.canonical;
    out.push({ kind: 'submission', side, phase, attempt, scored, accepted: true, changed });
    inForce[side] = scored;
  }

  const plans = inForce as [Scored, Scored];
  const index = battles.length + 1;
  const record = battle(game, settings, plans, index, phase === 'revision' ? side : null);
  // The battle log leaves through the outbox only: keeping every log in the state would make each move copy them all.
  const { log: _log, ...kept } = record;
  battles = [...battles, kept];
  out.push({ kind: 'battle', record });
  const pendingNext: Pending | null =
    index < totalBattles(game, settings.rounds) ? { side: reviserAfter(index, settings.reviseFirst), phase: 'revision', attempt: 1 } : null;
  return { pending: pendingNext, inForce, refused, battles, outbox: out };
}

/** The facts shown for the pending request (SPEC §1.5 feedback; re-asks show the refused attempt). */
export function factsFor(game: PlanGame, settings: LoopSettings, state: LoopState): PromptFacts | null {
  const pending = state.pending;
  if (pending === null) return null;
  const { side, phase, attempt } = pending;
  const budget = settings.config.budgets[side];
  if (phase === 'initial') {
    const refused = state.refused[side];
    if (refused === null) return { phase, attempt, maxAttempts: game.initAttempts, budget };
    const facts: PromptFacts = {
      phase,
      attempt,
      maxAttempts: game.initAttempts,
      budget,
      ownPlan: refused.value,
      report: refused.report,
      reaskReason: refused.report.shape === 'unparseable' ? 'unparseable' : 'over_budget',
    };
    return refused.parseError === undefined ? facts : { ...facts, parseError: refused.parseError };
  }
  const own = state.inForce[side];
  const opp = state.inForce[other(side)];
  const last = state.battles[state.battles.length - 1];
  const oppNames = opp && opp.report.shape === 'ok' ? game.planNames(game.validate(other(side), opp.value, settings.config).plan) : [];
  const facts: PromptFacts = {
    phase,
    attempt,
    maxAttempts: 1,
    budget,
    lastWinner: last?.winner ?? null,
    lastRound: last?.label ?? 0,
    ...(last !== undefined ? { lastBattle: { winner: last.raw.winner, steps: last.raw.steps, capped: last.raw.capped, summary: last.raw.summary, reason: last.reason } } : {}),
    ownCost: own?.cost ?? 0,
    ownPlan: own?.value ?? null,
    opponentPlan: opp?.value ?? null,
    opponentNames: oppNames,
  };
  const withParse = own?.parseError !== undefined ? { ...facts, parseError: own.parseError } : facts;
  return settings.planReportFeedback && own ? { ...withParse, report: own.report } : withParse;
}
