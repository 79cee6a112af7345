import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../arena/trace/events.js';
import { computeMetrics, type MetricsReport } from './compute.js';
import { change, KEEP, planTrace } from './testing/plan-trace.js';
import type { Estimate } from './types.js';

/**
 * Hand-worked plan-game traces. Conventions: seats A (side 0) and B (side 1) unless stated, budgets 100/100,
 * initial plans cost 50. After battle i the reviser is order[(i − 1) mod 2], order = [reviseFirst, other]; a
 * side's evaluated rounds are the battles right after its own opportunities. s = 1 win, ½ no winner, 0 loss.
 */

const TD = 'tower-defense@1';

function metric(report: MetricsReport, agent: string, id: string, game = TD): Estimate {
  const group = report.games.find((g) => g.agent === agent && g.game === game);
  const m = group?.metrics[id];
  if (!m) throw new Error(`no ${id} for ${agent} in ${game}`);
  return m;
}

/** Value and n of a metric, for compact assertions. */
function vn(report: MetricsReport, agent: string, id: string, game = TD): [number | null, number] {
  const m = metric(report, agent, id, game);
  return [m.value, m.n];
}

const run = (matches: TraceEvent[][], weights?: { wr: number; csr: number; obr: number; beta: number }): MetricsReport =>
  computeMetrics(matches, { bootstrap: 200, seed: 7, ...(weights ? { weights } : {}) });

describe('default profile on hand-worked plan traces', () => {
  it('1. no revisions: ORR 0, CSR undefined (never 0), β from two evaluated rounds', () => {
    // TD R=4, A revises first: revisers after b1 A, b2 B, b3 A. Winners b1..b4 = A, B, A, A.
    const r = run([planTrace({ rounds: 4, winners: [0, 1, 0, 0] })]);
    // A's evaluated rounds: b2 (lost, 0), b4 (won, 1). WR = (0 + 1) / 2.
    expect(vn(r, 'A', 'wr')).toEqual([0.5, 2]);
    expect(vn(r, 'A', 'orr')).toEqual([0, 2]); // 0 revisions / 2 opportunities
    expect(metric(r, 'A', 'csr')).toEqual({ value: null, n: 0, lo: null, hi: null, method: 'bootstrap' });
    expect(vn(r, 'A', 'harmful')).toEqual([null, 0]);
    expect(vn(r, 'A', 'progress')).toEqual([null, 0]);
    // β: k = 0, 1; s = 0, 1; Σ(k−½)(s−½) = ¼ + ¼ = ½; Σ(k−½)² = ½; β = 1.
    expect(vn(r, 'A', 'beta')).toEqual([1, 2]);
    // Both of A's opportunities follow a round A won (b1, b3), neither revised: 0 / 2.
    expect(vn(r, 'A', 'unforced')).toEqual([0, 2]);
    // Match: A won 3 rounds, B 1 → A wins the match.
    expect(vn(r, 'A', 'wrMatch')).toEqual([1, 1]);
    expect(vn(r, 'B', 'wrMatch')).toEqual([0, 1]);
    // B: one opportunity (after b2), evaluated b3 (lost).
    expect(vn(r, 'B', 'wr')).toEqual([0, 1]);
    expect(vn(r, 'B', 'beta')).toEqual([null, 1]); // one evaluated round: no slope
    // Resources: A made 3 decisions (initial + 2 revisions) at 150 tokens, 1 call, 10 ms, $0.001 each.
    expect(vn(r, 'A', 'tokensPerDecision')).toEqual([150, 3]);
    expect(vn(r, 'A', 'tokensPerMatch')).toEqual([450, 1]);
    expect(vn(r, 'A', 'callsPerMatch')).toEqual([3, 1]);
    expect(vn(r, 'A', 'wallMsPerMatch')).toEqual([30, 1]);
    expect(metric(r, 'A', 'usdPerMatch').value).toBeCloseTo(0.003, 12);
    expect(vn(r, 'A', 'firstTry')).toEqual([1, 1]);
    // Process Score needs CSR, which is undefined.
    expect(vn(r, 'A', 'processScore')).toEqual([null, 1]);
  });

  it('2. all rounds over budget: OBR 1 on evaluated rounds and submissions; weights change the Process Score', () => {
    // A's plan costs 150, B's 120 (budget 100): B has the smaller overrun and wins every battle.
    const trace = planTrace({ rounds: 4, initial: [[{ cost: 150 }], [{ cost: 120 }]], winners: [1, 1, 1, 1] });
    const r = run([trace]);
    // A evaluated b2, b4, both with the plan costing 150 > 100.
    expect(vn(r, 'A', 'obr')).toEqual([1, 2]);
    expect(vn(r, 'A', 'obrAll')).toEqual([1, 3]); // initial + 2 kept revisions, all 150
    expect(vn(r, 'A', 'violationRate')).toEqual([1, 3]);
    expect(vn(r, 'A', 'firstTry')).toEqual([0, 1]);
    expect(vn(r, 'A', 'wr')).toEqual([0, 2]);
    expect(vn(r, 'A', 'beta')).toEqual([0, 2]); // s = 0, 0
    expect(vn(r, 'B', 'obr')).toEqual([1, 1]);
    expect(vn(r, 'B', 'wr')).toEqual([1, 1]);
    // Weights WR 1, CSR 0, 1−OBR 1, β 1 (CSR undefined, so weight it out):
    // (0 + (1 − 1) + (1 + clamp(0 · (2 − 1))) / 2) / 3 = 0.5 / 3.
    const w = run([trace], { wr: 1, csr: 0, obr: 1, beta: 1 });
    expect(metric(w, 'A', 'processScore').value).toBeCloseTo(0.5 / 3, 12);
  });

  it('3. draws: no winner scores ½; harmful revisions; B revises first', () => {
    // TD R=3, reviseFirst B: revisers after b1 B, after b2 A. Winners: none, A, none.
    const r = run([planTrace({ rounds: 3, reviseFirst: 1, winners: [null, 0, null], revisions: [change(60), change(70)] })]);
    // B: s(b1) = ½ → s(b2) = 0: harmful, progress −½, not a success (no violation removed, score fell).
    expect(vn(r, 'B', 'wr')).toEqual([0, 1]);
    expect(vn(r, 'B', 'harmful')).toEqual([1, 1]);
    expect(vn(r, 'B', 'progress')).toEqual([-0.5, 1]);
    expect(vn(r, 'B', 'csr')).toEqual([0, 1]); // a revision that failed is 0, with n = 1
    expect(vn(r, 'B', 'unforced')).toEqual([null, 0]); // b1 was a draw, not a win
    // A: s(b2) = 1 → s(b3) = ½: harmful, progress −½, unforced (after a win) 1 / 1.
    expect(vn(r, 'A', 'wr')).toEqual([0.5, 1]);
    expect(vn(r, 'A', 'harmful')).toEqual([1, 1]);
    expect(vn(r, 'A', 'progress')).toEqual([-0.5, 1]);
    expect(vn(r, 'A', 'unforced')).toEqual([1, 1]);
    expect(vn(r, 'A', 'orr')).toEqual([1, 1]);
    // Match: A 1 round, B 0 (two draws) → A wins.
    expect(vn(r, 'A', 'wrMatch')).toEqual([1, 1]);
  });

  it('4. a single evaluated round; the other side has none', () => {
    // TD R=2: one revision, by A after b1. B won b1, A won b2.
    const r = run([planTrace({ rounds: 2, winners: [1, 0], revisions: [change(80)] })]);
    expect(vn(r, 'A', 'wr')).toEqual([1, 1]);
    expect(vn(r, 'A', 'beta')).toEqual([null, 1]);
    expect(vn(r, 'A', 'csr')).toEqual([1, 1]); // s 0 → 1
    expect(vn(r, 'A', 'progress')).toEqual([1, 1]);
    expect(vn(r, 'A', 'harmful')).toEqual([0, 1]);
    // B had no opportunity: every round-based metric is undefined with n = 0.
    expect(vn(r, 'B', 'wr')).toEqual([null, 0]);
    expect(vn(r, 'B', 'orr')).toEqual([null, 0]);
    expect(vn(r, 'B', 'obr')).toEqual([null, 0]);
    expect(vn(r, 'B', 'firstTry')).toEqual([1, 1]);
    // Match: 1–1 → a draw, ½ each.
    expect(vn(r, 'B', 'wrMatch')).toEqual([0.5, 1]);
  });

  it('5. a revision that removes a violation succeeds even when the score does not change', () => {
    // A's first initial attempt costs 120 (refused, re-asked); the second has two duplicate cells.
    // After b1 A revises to a plan with one duplicate cell: one violation removed. B wins every battle.
    const r = run([
      planTrace({
        rounds: 3,
        initial: [[{ cost: 120 }, { cost: 90, violations: ['item/duplicate_cell', 'item/duplicate_cell'] }], [{}]],
        winners: [1, 1, 1],
        revisions: [change(90, ['item/duplicate_cell'])],
      }),
    ]);
    expect(vn(r, 'A', 'csr')).toEqual([1, 1]); // s 0 → 0, but a duplicate cell was removed
    expect(vn(r, 'A', 'harmful')).toEqual([0, 1]);
    expect(vn(r, 'A', 'progress')).toEqual([0, 1]);
    // Submissions: attempt 1 (over budget), attempt 2 (duplicates), revision (duplicate): all violate.
    expect(vn(r, 'A', 'violationRate')).toEqual([1, 3]);
    expect(metric(r, 'A', 'obrAll').value).toBeCloseTo(1 / 3, 12); // only attempt 1 is over budget
    expect(vn(r, 'A', 'firstTry')).toEqual([0, 1]);
    expect(vn(r, 'A', 'obr')).toEqual([0, 1]); // b2 is played with the 90-cost plan
    expect(vn(r, 'A', 'tokensPerMatch')).toEqual([450, 1]); // 3 decisions × 150, re-ask included
  });

  it('6. harmful and unforced revisions on both sides; Process Score by hand', () => {
    // TD R=5, A first: revisers after b1 A, b2 B, b3 A, b4 B. Winners A, A, B, B, A. Every revision changes.
    const r = run([planTrace({ rounds: 5, winners: [0, 0, 1, 1, 0], revisions: [change(60), change(60), change(70), change(70)] })]);
    // A: after b1 (won, s=1) → b2 won (1): Δ0, unforced. After b3 (lost, 0) → b4 lost (0): Δ0.
    expect(vn(r, 'A', 'wr')).toEqual([0.5, 2]);
    expect(vn(r, 'A', 'orr')).toEqual([1, 2]);
    expect(vn(r, 'A', 'csr')).toEqual([0, 2]);
    expect(vn(r, 'A', 'harmful')).toEqual([0, 2]);
    expect(vn(r, 'A', 'unforced')).toEqual([1, 1]);
    expect(vn(r, 'A', 'progress')).toEqual([0, 2]);
    expect(vn(r, 'A', 'beta')).toEqual([-1, 2]); // s = 1, 0
    // B: after b2 (lost, 0) → b3 won (1): success. After b4 (won, 1) → b5 lost (0): harmful, unforced.
    expect(vn(r, 'B', 'csr')).toEqual([0.5, 2]);
    expect(vn(r, 'B', 'harmful')).toEqual([0.5, 2]);
    expect(vn(r, 'B', 'progress')).toEqual([0, 2]); // (+1 − 1) / 2
    expect(vn(r, 'B', 'unforced')).toEqual([1, 1]);
    expect(vn(r, 'B', 'beta')).toEqual([-1, 2]);
    // PS(B) = (WR ½ + CSR ½ + (1 − OBR 0) + (1 + clamp(−1 · (2 − 1))) / 2 = 0) / 4 = 2 / 4.
    expect(metric(r, 'B', 'processScore').value).toBeCloseTo(0.5, 12);
    // PS(A) = (½ + 0 + 1 + 0) / 4.
    expect(metric(r, 'A', 'processScore').value).toBeCloseTo(0.375, 12);
    // Match: A won b1, b2, b5 (3) against 2.
    expect(vn(r, 'A', 'wrMatch')).toEqual([1, 1]);
  });

  it('7. Auto-battler loop: R + 1 battles, R revisions, the last evaluated round is the final battle', () => {
    // AB R=3: battles 1..4 (labels 1, 2, 3, 3); revisers after b1 A, b2 B, b3 A. Winners B, A, A, B.
    const game = 'auto-battler@1';
    const r = run([planTrace({ game: 'auto-battler', rounds: 3, winners: [1, 0, 0, 1], revisions: [change(60), change(60), KEEP] })]);
    // A: after b1 (lost) changed → b2 won: success, Δ+1. After b3 (won) kept: an opportunity, no revision.
    expect(vn(r, 'A', 'wr', game)).toEqual([0.5, 2]); // b2 = 1, b4 = 0
    expect(vn(r, 'A', 'orr', game)).toEqual([0.5, 2]);
    expect(vn(r, 'A', 'csr', game)).toEqual([1, 1]);
    expect(vn(r, 'A', 'progress', game)).toEqual([1, 1]);
    expect(vn(r, 'A', 'unforced', game)).toEqual([0, 1]);
    expect(vn(r, 'A', 'beta', game)).toEqual([-1, 2]);
    // B: after b2 (lost) changed → b3 lost: Δ0, not a success.
    expect(vn(r, 'B', 'wr', game)).toEqual([0, 1]);
    expect(vn(r, 'B', 'csr', game)).toEqual([0, 1]);
    // Match: 2–2 → a draw.
    expect(vn(r, 'A', 'wrMatch', game)).toEqual([0.5, 1]);
  });

  it('8. Turn-based loop with B revising first, a revision that goes over budget', () => {
    // TB R=2: battles 1..3; revisers after b1 B, after b2 A. A's revision costs 130 > 100 and loses b3.
    const game = 'turn-based@1';
    const r = run([planTrace({ game: 'turn-based', rounds: 2, reviseFirst: 1, winners: [null, null, 1], revisions: [change(60), change(130)] })]);
    // A: s(b2) = ½ → s(b3) = 0: harmful, Δ −½; the evaluated round is over budget.
    expect(vn(r, 'A', 'obr', game)).toEqual([1, 1]);
    expect(vn(r, 'A', 'harmful', game)).toEqual([1, 1]);
    expect(vn(r, 'A', 'progress', game)).toEqual([-0.5, 1]);
    expect(vn(r, 'A', 'violationRate', game)).toEqual([0.5, 2]); // initial ok, revision over budget
    // B: s(b1) = ½ → s(b2) = ½: Δ0, neither harmful nor a success.
    expect(vn(r, 'B', 'wr', game)).toEqual([0.5, 1]);
    expect(vn(r, 'B', 'harmful', game)).toEqual([0, 1]);
    expect(vn(r, 'B', 'csr', game)).toEqual([0, 1]);
    expect(vn(r, 'B', 'wrMatch', game)).toEqual([1, 1]); // 1 round to 0
  });

  it('9. pooling over matches where the agent plays both roles: ratio of sums, within-match β', () => {
    // m1: TD R=3, seats [A, B], A first. Revisers b1 A, b2 B. Winners A, B, A. A changes after b1.
    const m1 = planTrace({ id: 'm1', rounds: 3, winners: [0, 1, 0], revisions: [change(60)] });
    // m2: TD R=5, seats [B, A] (A is side 1), side 0 first: revisers b1 B, b2 A, b3 B, b4 A.
    // Winners (by side) 0, 0, 1, 1, 1: A wins b3, b4, b5. A changes after b2 (lost) and keeps after b4 (won).
    const m2 = planTrace({ id: 'm2', seats: ['B', 'A'], rounds: 5, winners: [0, 0, 1, 1, 1], revisions: [KEEP, change(60), KEEP, KEEP] });
    const r = run([m1, m2]);
    // A's evaluated rounds: m1 b2 (0); m2 b3 (1), b5 (1). Pooled WR = 2/3 (the mean of match WRs would be ½).
    expect(metric(r, 'A', 'wr').value).toBeCloseTo(2 / 3, 12);
    expect(metric(r, 'A', 'wr').n).toBe(3);
    // β: m1 has one evaluated round (Σ(k−k̄)² = 0); m2 s = 1, 1 → Σ(k−k̄)(s−s̄) = 0 over Σ(k−k̄)² = ½ → 0.
    expect(vn(r, 'A', 'beta')).toEqual([0, 3]);
    // Opportunities 1 + 2 = 3, revisions 2: ORR 2/3. m1: s 1 → 0 (harmful); m2: s 0 → 1 (success).
    expect(metric(r, 'A', 'orr').value).toBeCloseTo(2 / 3, 12);
    expect(vn(r, 'A', 'csr')).toEqual([0.5, 2]);
    expect(vn(r, 'A', 'harmful')).toEqual([0.5, 2]);
    expect(vn(r, 'A', 'progress')).toEqual([0, 2]);
    // After a win: m1 b1 (revised), m2 b4 (kept): 1/2.
    expect(vn(r, 'A', 'unforced')).toEqual([0.5, 2]);
    // A wins m1 (2–1) and m2 (3–2).
    expect(vn(r, 'A', 'wrMatch')).toEqual([1, 2]);
    expect(r.games.find((g) => g.agent === 'A')?.matches).toBe(2);
  });

  it('10. error and incomplete matches are counted and excluded from every metric', () => {
    const ok = planTrace({ id: 'ok', rounds: 2, winners: [0, 0] });
    const err = planTrace({ id: 'err', rounds: 2, winners: [1, 1], status: 'error' });
    const cut = planTrace({ id: 'cut', rounds: 2, winners: [1, 1] }).slice(0, -1);
    const r = run([ok, err, cut]);
    expect(r.included).toBe(1);
    expect(r.excluded).toEqual({ infrastructure: 1, incomplete: 1 });
    expect(vn(r, 'A', 'wr')).toEqual([1, 1]); // only the completed match: A won b2
    expect(vn(r, 'A', 'wrMatch')).toEqual([1, 1]);
  });

  it('11. an unparseable first attempt is re-asked; a revision that makes the plan parse succeeds', () => {
    const r = run([
      planTrace({
        rounds: 2,
        initial: [[{ cost: 0, violations: ['plan/unparseable'] }, { cost: 0, violations: ['plan/unparseable'] }], [{}]],
        winners: [1, 1],
        revisions: [change(40)],
      }),
    ]);
    expect(vn(r, 'A', 'firstTry')).toEqual([0, 1]);
    expect(metric(r, 'A', 'violationRate').value).toBeCloseTo(2 / 3, 12); // 2 unparseable of 3 submissions
    expect(vn(r, 'A', 'obrAll')).toEqual([0, 3]);
    expect(vn(r, 'A', 'csr')).toEqual([1, 1]); // 'plan/unparseable' removed; the score stayed 0
  });

  it('12. Wilson interval of the per-match WR and first-try validity, by hand', () => {
    // One match won: x = 1, n = 1, z = 1.959964. p = 1, z² = 3.841459; denominator 1 + z² = 4.841459;
    // centre (1 + z²/2) / 4.841459 = 0.603275; half-width (z / 4.841459)·√(z²/4) = 0.404829 · 0.979995 = 0.396725.
    const r = run([planTrace({ rounds: 2, winners: [0, 0] })]);
    const m = metric(r, 'A', 'wrMatch');
    expect(m.method).toBe('wilson');
    expect(m.lo).toBeCloseTo(0.603275 - 0.396725, 5);
    expect(m.hi).toBe(1);
    // A bootstrap over one match resamples that match only: the interval is the point.
    expect(metric(r, 'A', 'wr')).toMatchObject({ value: 1, lo: 1, hi: 1, method: 'bootstrap' });
  });

  it('13. aggregation over games: the unweighted mean of per-game values', () => {
    // TD: A's WR = 1 over 1 round; AB: A's WR = (0 + 0) / 2 = 0 over 2 rounds. Mean over games = ½ (not 1/3).
    const td = planTrace({ id: 't', rounds: 2, winners: [0, 0] });
    const ab = planTrace({ id: 'a', game: 'auto-battler', rounds: 3, winners: [1, 1, 1, 1] });
    const r = run([td, ab]);
    const a = r.agents.find((x) => x.agent === 'A');
    expect(a?.metrics['wr']).toMatchObject({ value: 0.5, n: 3, games: 2 });
    expect(a?.games).toEqual(['auto-battler@1', TD]);
    // CSR is undefined in both games: undefined over games too.
    expect(a?.metrics['csr']).toMatchObject({ value: null, games: 0 });
  });

  it('14. self-play: both seats pool into one match record', () => {
    // TD R=3, A on both sides, side 0 first: side 0 evaluated b2 (won by side 0: 1), side 1 evaluated b3 (lost: 0).
    const r = run([planTrace({ seats: ['A', 'A'], rounds: 3, winners: [1, 0, 0] })]);
    expect(r.games).toHaveLength(1);
    expect(r.games[0]?.matches).toBe(1);
    expect(vn(r, 'A', 'wr')).toEqual([0.5, 2]);
    // Side 0 won 2 rounds to 1: the match is a win for one seat and a loss for the other, (1 + 0) / 2 seats.
    expect(vn(r, 'A', 'wrMatch')).toEqual([0.5, 2]);
  });
});
