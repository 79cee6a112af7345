import { ZERO_USAGE, type Usage } from '../../arena/trace/usage.js';
import type { EventDraft, PlanMatchSpec, TraceEvent } from '../../arena/trace/events.js';
import type { SideIndex, ViolationCode } from '../../games/core/plan-game.js';

/** One submission of a side: its cost and violations (over budget is added automatically). */
export interface AttemptSpec {
  readonly cost?: number;
  /** Plan-level or item-level codes; item-level codes become report items (one per occurrence). */
  readonly violations?: readonly ViolationCode[];
}

/** A revision: whether the plan changed (canonical form), and the new plan's cost and violations. */
export interface RevisionSpec extends AttemptSpec {
  readonly changed: boolean;
}

/** A compact plan-match description for tests. */
export interface PlanTraceSpec {
  readonly id?: string;
  readonly game?: 'tower-defense' | 'auto-battler' | 'turn-based';
  /** Seat names by side (default A, B). */
  readonly seats?: readonly [string, string];
  readonly rounds: number;
  readonly reviseFirst?: SideIndex;
  readonly budgets?: readonly [number, number];
  /** Initial attempts by side; all but the last are refused and re-asked (default: one valid plan costing 50). */
  readonly initial?: readonly [readonly AttemptSpec[], readonly AttemptSpec[]];
  /** Adjudicated winner of each battle (R for Tower Defense, R + 1 otherwise). */
  readonly winners: readonly (SideIndex | null)[];
  /** Revisions in order (after battle 1, 2, ...); missing entries keep the plan. */
  readonly revisions?: readonly (RevisionSpec | undefined)[];
  readonly status?: 'completed' | 'error';
  /** Usage of every submission (default: 1 call, 100 + 50 tokens, 10 ms, $0.001). */
  readonly usage?: Partial<Usage>;
  readonly roundNumbering?: 'reference' | 'unique';
  /** Raw battle summary of each battle (Tower Defense export extras). */
  readonly summaries?: readonly (Readonly<Record<string, number>> | undefined)[];
  /** Raw (pre-adjudication) winners; default = the adjudicated winners. */
  readonly rawWinners?: readonly (SideIndex | null)[];
}

export const KEEP: RevisionSpec = { changed: false };

export function change(cost?: number, violations?: readonly ViolationCode[]): RevisionSpec {
  return { changed: true, ...(cost !== undefined ? { cost } : {}), ...(violations ? { violations } : {}) };
}

const PLAN_LEVEL = new Set<ViolationCode>(['plan/unparseable', 'plan/wrong_shape', 'plan/over_budget']);

/** Builds a plan-game trace (match_start, requests, submissions, re-asks, round results, match_end). */
export function planTrace(spec: PlanTraceSpec): TraceEvent[] {
  const game = spec.game ?? 'tower-defense';
  const budgets = spec.budgets ?? [100, 100];
  const reviseFirst = spec.reviseFirst ?? 0;
  const names = spec.seats ?? ['A', 'B'];
  const battlesTotal = game === 'tower-defense' ? spec.rounds : spec.rounds + 1;
  if (spec.winners.length !== battlesTotal) throw new Error(`expected ${battlesTotal} winners, got ${spec.winners.length}`);
  const usage: Usage = { ...ZERO_USAGE, calls: 1, promptTokens: 100, completionTokens: 50, wallMs: 10, costUsd: 0.001, ...spec.usage };
  const matchSpec: PlanMatchSpec = {
    family: 'plan',
    game: `${game}@1`,
    config: { preset: 'test', budgets: [budgets[0], budgets[1]], params: {} },
    rounds: spec.rounds,
    reviseFirst,
    seed: 1,
    seats: [
      { side: 0, agent: names[0], name: names[0] },
      { side: 1, agent: names[1], name: names[1] },
    ],
    roundNumbering: spec.roundNumbering ?? 'reference',
    planReportFeedback: false,
  };
  const events: TraceEvent[] = [];
  const emit = (draft: EventDraft): void => {
    events.push({ ...draft, seq: events.length, time: 0 } as TraceEvent);
  };
  const cost: [number, number] = [0, 0];
  const version: [number, number] = [0, 0];
  const inForceCodes: [ViolationCode[], ViolationCode[]] = [[], []];

  const submit = (side: SideIndex, phase: 'initial' | 'revision', attempt: number, a: AttemptSpec, accepted: boolean, round: number, changed?: boolean): void => {
    const c = a.cost ?? (phase === 'initial' ? 50 : cost[side]);
    const codes = [...(a.violations ?? (changed === false ? inForceCodes[side] : []))];
    if (c > (budgets[side] as number) && !codes.includes('plan/over_budget')) codes.push('plan/over_budget');
    const items = codes.filter((v) => !PLAN_LEVEL.has(v)).map((code, i) => ({ path: `items[${i}]`, name: null, status: 'ignored' as const, code, cost: 0 }));
    if (accepted) {
      cost[side] = c;
      inForceCodes[side] = codes;
      if (changed !== false) version[side]++;
    }
    emit({ type: 'plan_request', round, side, phase, attempt, feedback: { budget: budgets[side] as number } });
    emit({
      type: 'plan_submission',
      round,
      side,
      phase,
      attempt,
      response: { plan: {} },
      plan: {},
      report: { shape: codes.includes('plan/unparseable') ? 'unparseable' : 'ok', cost: c, items },
      cost: c,
      budget: budgets[side] as number,
      violations: [...new Set(codes)],
      canonical: `p${side}v${version[side]}`,
      accepted,
      ...(changed !== undefined ? { changed } : {}),
      usage,
    });
  };

  emit({ type: 'match_start', round: 0, traceVersion: 1, matchId: spec.id ?? 'm', spec: matchSpec, promptVersion: 'test' });
  for (const side of [0, 1] as const) {
    const attempts = spec.initial?.[side] ?? [{}];
    attempts.forEach((a, i) => {
      const last = i === attempts.length - 1;
      submit(side, 'initial', i + 1, a, last, 0);
      if (!last) emit({ type: 'reask', round: 0, side, attempt: i + 1, reason: a.violations?.includes('plan/unparseable') ? 'unparseable' : 'over_budget' });
    });
  }
  const wins: [number, number] = [0, 0];
  let revisedBy: SideIndex | null = null;
  for (let battle = 1; battle <= battlesTotal; battle++) {
    const winner = spec.winners[battle - 1] ?? null;
    if (winner !== null) wins[winner]++;
    const label = matchSpec.roundNumbering === 'reference' ? Math.min(battle, spec.rounds) : battle;
    emit({
      type: 'round_result',
      round: battle,
      label,
      battle,
      plans: [`p0v${version[0]}`, `p1v${version[1]}`],
      costs: [cost[0], cost[1]],
      budgets: [budgets[0], budgets[1]],
      raw: { winner: spec.rawWinners?.[battle - 1] ?? winner, steps: 1, capped: false, summary: spec.summaries?.[battle - 1] ?? {} },
      winner,
      reason: 'battle',
      scores: winner === null ? [0.5, 0.5] : winner === 0 ? [1, 0] : [0, 1],
      revisedBy,
    });
    if (battle === battlesTotal) break;
    const reviser: SideIndex = (battle - 1) % 2 === 0 ? reviseFirst : reviseFirst === 0 ? 1 : 0;
    const rev = spec.revisions?.[battle - 1] ?? KEEP;
    submit(reviser, 'revision', 1, rev, true, battle, rev.changed);
    revisedBy = reviser;
  }
  const status = spec.status ?? 'completed';
  const n = battlesTotal;
  const draws = n - wins[0] - wins[1];
  emit({
    type: 'match_end',
    round: n,
    status,
    ...(status === 'error' ? { reason: 'infrastructure' as const } : {}),
    wins,
    winner: wins[0] === wins[1] ? null : wins[0] > wins[1] ? 0 : 1,
    score: [(wins[0] + draws / 2) / n, (wins[1] + draws / 2) / n],
    usage: [ZERO_USAGE, ZERO_USAGE],
  });
  return events;
}
