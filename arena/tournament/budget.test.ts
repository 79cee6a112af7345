import { describe, expect, it } from 'vitest';
import type { MatchOutcome } from '../store/store.js';
import { BudgetGate, describeCap } from './budget.js';

const outcome = (tokens: number, costUsd: number): MatchOutcome => ({ status: 'completed', winner: 0, scores: [1, 0], tokens, costUsd, wallMs: 10 });
const none = { matches: 0, tokens: 0, usd: 0, elapsedMs: 0 };

describe('budget gate', () => {
  it('admits no match beyond the match cap, counting matches in flight', () => {
    const gate = new BudgetGate({ matches: 3, onCap: 'finish' }, { ...none, matches: 1 });
    expect(gate.tryStart()).toBe(true);
    expect(gate.tryStart()).toBe(true);
    expect(gate.tryStart()).toBe(false);
    expect(gate.stopped).toEqual({ cap: 'matches', limit: 3, spent: 1 });
    // Once refused, always refused, even when a match ends without being counted.
    gate.finish(undefined);
    expect(gate.tryStart()).toBe(false);
  });

  it('refuses a match whose expected tokens (the measured mean) would pass the cap', () => {
    // 2 matches spent 1000 tokens: 500 expected per match. 1000 + 500 ≤ 1600 admits one; a second in flight would reach 2000.
    const gate = new BudgetGate({ tokens: 1600, onCap: 'finish' }, { ...none, matches: 2, tokens: 1000 });
    expect(gate.tryStart()).toBe(true);
    expect(gate.tryStart()).toBe(false);
    expect(gate.stopped?.cap).toBe('tokens');
  });

  it('with no measured match yet, spends until the dollar cap is reached', () => {
    const gate = new BudgetGate({ usd: 1, onCap: 'finish' }, none);
    expect(gate.tryStart()).toBe(true);
    gate.finish(outcome(100, 0.6));
    // Mean 0.6 per match: 0.6 + 0.6 > 1, so the next one is refused.
    expect(gate.tryStart()).toBe(false);
    expect(describeCap(gate.stopped ?? { cap: 'usd', limit: 0, spent: 0 })).toBe('the usd cap (1.00 USD; 0.60 spent)');
  });

  it('counts wall time over invocations for the hours cap', () => {
    let now = 0;
    const gate = new BudgetGate({ hours: 1, onCap: 'finish' }, { ...none, elapsedMs: 3_000_000 }, () => now);
    expect(gate.tryStart()).toBe(true);
    now = 600_000;
    expect(gate.elapsedMs()).toBe(3_600_000);
    expect(gate.tryStart()).toBe(false);
    expect(gate.stopped?.cap).toBe('hours');
  });

  it('cancels matches in flight at the cap only when asked to', () => {
    const finish = new BudgetGate({ matches: 1, onCap: 'finish' }, none);
    finish.tryStart();
    finish.tryStart();
    expect(finish.signal.aborted).toBe(false);
    const cancel = new BudgetGate({ matches: 1, onCap: 'cancel' }, none);
    cancel.tryStart();
    cancel.tryStart();
    expect(cancel.signal.aborted).toBe(true);
  });

  it('without caps admits everything', () => {
    const gate = new BudgetGate(undefined, none);
    for (let i = 0; i < 100; i++) expect(gate.tryStart()).toBe(true);
    expect(gate.exhausted()).toBe(false);
  });
});
