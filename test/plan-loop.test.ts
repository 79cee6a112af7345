import { describe, expect, it } from 'vitest';
import { autoBattler } from '../games/auto-battler/index.js';
import { towerDefense } from '../games/tower-defense/index.js';
import { turnBased } from '../games/turn-based/index.js';
import type { PlanGame } from '../games/core/plan-game.js';
import { factsFor, initLoop, reviserAfter, submit, totalBattles, type LoopSettings, type LoopState, type Submission } from '../games/core/plan-loop.js';
import { createRng } from '../games/core/rng.js';

function settings(game: PlanGame, extra: Partial<LoopSettings> = {}): LoopSettings {
  return { config: game.config(), rounds: 4, reviseFirst: 0, roundNumbering: 'reference', planReportFeedback: false, log: false, ...extra };
}

/** Plays the loop purely, answering every request with `answer`. */
function play(game: PlanGame, s: LoopSettings, answer: (state: LoopState) => Submission): LoopState[] {
  const states: LoopState[] = [];
  let state = initLoop();
  while (state.pending) {
    state = submit(game, s, state, answer(state));
    states.push(state);
  }
  return states;
}

const overBudget = (game: PlanGame, side: 0 | 1): Submission => {
  // A plan of many copies of the side's first random plan's items: certainly over budget.
  const rng = createRng(1);
  const base = game.randomPlan(side, rng, game.config()) as Record<string, unknown[]>;
  const key = game.sides[side].planKey;
  const items = base[key] ?? [];
  return { plan: { ...base, [key]: Array.from({ length: 40 }, (_, i) => items[i % Math.max(items.length, 1)]) } };
};

describe.each([
  ['tower-defense', towerDefense as PlanGame],
  ['auto-battler', autoBattler as PlanGame],
  ['turn-based', turnBased as PlanGame],
])('%s round loop', (_name, game) => {
  it('plays R battles (Tower Defense) or R + 1 (others) with sides alternating revisions', () => {
    for (const reviseFirst of [0, 1] as const) {
      const s = settings(game, { reviseFirst });
      const rng = createRng(3);
      const states = play(game, s, (st) => ({ plan: game.randomPlan(st.pending!.side, rng, s.config) }));
      const last = states[states.length - 1]!;
      expect(last.battles.length).toBe(totalBattles(game, 4));
      expect(last.battles.length).toBe(game.finalBattleAfterLastRevision ? 5 : 4);
      const revisers = last.battles.map((b) => b.revisedBy);
      const expected = [null, ...Array.from({ length: last.battles.length - 1 }, (_, i) => reviserAfter(i + 1, reviseFirst))];
      expect(revisers).toEqual(expected);
      expect(revisers[1]).toBe(reviseFirst);
      expect(revisers[2]).toBe(reviseFirst === 0 ? 1 : 0);
      // reference numbering repeats R for the final battle of Auto-battler and Turn-based
      const labels = last.battles.map((b) => b.label);
      expect(labels).toEqual(game.finalBattleAfterLastRevision ? [1, 2, 3, 4, 4] : [1, 2, 3, 4]);
    }
  });

  it('numbers the final battle R + 1 with unique numbering', () => {
    const s = settings(game, { roundNumbering: 'unique' });
    const rng = createRng(4);
    const last = play(game, s, (st) => ({ plan: game.randomPlan(st.pending!.side, rng, s.config) })).at(-1)!;
    expect(last.battles.map((b) => b.label)).toEqual(game.finalBattleAfterLastRevision ? [1, 2, 3, 4, 5] : [1, 2, 3, 4]);
  });

  it(`re-asks an over-budget initial plan until the last of ${game.initAttempts} attempts, then keeps it`, () => {
    const s = settings(game);
    let state = initLoop();
    for (let attempt = 1; attempt <= game.initAttempts; attempt++) {
      expect(state.pending).toEqual({ side: 0, phase: 'initial', attempt });
      state = submit(game, s, state, overBudget(game, 0));
      const kinds = state.outbox.map((o) => o.kind);
      if (attempt < game.initAttempts) {
        expect(kinds).toEqual(['submission', 'reask']);
        const facts = factsFor(game, s, state)!;
        expect(facts.reaskReason).toBe('over_budget');
        expect(facts.report!.cost).toBeGreaterThan(s.config.budgets[0]);
      } else {
        expect(kinds).toEqual(['submission']);
        const sub = state.outbox[0]!;
        expect(sub.kind === 'submission' && sub.accepted).toBe(true);
      }
    }
    expect(state.pending).toEqual({ side: 1, phase: 'initial', attempt: 1 });
    // an unparseable reply is a failed attempt too (SPEC §2.8 item 3)
    state = submit(game, s, state, { text: 'I would rather not.' });
    expect(state.outbox.map((o) => o.kind)).toEqual(['submission', 'reask']);
    expect(factsFor(game, s, state)!.reaskReason).toBe('unparseable');
    // a valid plan ends the initial phase and plays battle 1, where side 0's over-budget plan loses
    state = submit(game, s, state, { plan: game.randomPlan(1, createRng(9), s.config) });
    const battle = state.battles[0]!;
    expect(battle.winner).toBe(1);
    expect(battle.reason).toBe('over_budget');
    expect(battle.scores).toEqual([0, 1]);
  });

  it('gives revisions one shot: an over-budget or unparseable revision stands (empty plan) and the budget rule applies', () => {
    const s = settings(game);
    const rng = createRng(5);
    let state = initLoop();
    state = submit(game, s, state, { plan: game.randomPlan(0, rng, s.config) });
    state = submit(game, s, state, { plan: game.randomPlan(1, rng, s.config) });
    expect(state.pending).toEqual({ side: 0, phase: 'revision', attempt: 1 });
    state = submit(game, s, state, { text: 'garbage ``` not json' });
    const sub = state.outbox[0]!;
    expect(sub.kind === 'submission' && sub.scored.violations).toEqual(['plan/unparseable']);
    expect(state.battles[1]!.costs[0]).toBe(0);
    // the parse failure is reported to side 0 at its next revision
    state = submit(game, s, state, { plan: game.randomPlan(1, rng, s.config) });
    expect(state.pending?.side).toBe(0);
    expect(factsFor(game, s, state)!.parseError).toMatch(/not valid JSON/);
    state = submit(game, s, state, overBudget(game, 0));
    expect(state.battles.at(-1)!.reason).toBe('over_budget');
    expect(state.battles.at(-1)!.winner).toBe(1);
  });

  it('shows the reviser the last adjudicated result, both plans, costs, budget and the opponent entries', () => {
    const s = settings(game, { planReportFeedback: true });
    const rng = createRng(6);
    const p0 = game.randomPlan(0, rng, s.config);
    const p1 = game.randomPlan(1, rng, s.config);
    let state = submit(game, s, initLoop(), { plan: p0 });
    state = submit(game, s, state, { plan: p1 });
    const facts = factsFor(game, s, state)!;
    const b1 = state.battles[0]!;
    expect(facts).toMatchObject({ phase: 'revision', lastRound: 1, lastWinner: b1.winner, ownPlan: p0, opponentPlan: p1, budget: s.config.budgets[0], ownCost: b1.costs[0] });
    expect(facts.opponentNames!.length).toBeGreaterThan(0);
    expect(facts.report?.cost).toBe(b1.costs[0]);
    // without the flag, no plan report is shown
    const plain = factsFor(game, settings(game), state)!;
    expect(plain.report).toBeUndefined();
  });
});
