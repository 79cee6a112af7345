import { describe, expect, it } from 'vitest';
import { autoBattler } from './index.js';

describe('autoBattler game object', () => {
  it('describes the game', () => {
    expect(autoBattler).toMatchObject({
      family: 'plan',
      id: 'auto-battler',
      version: 1,
      initAttempts: 3,
      finalBattleAfterLastRevision: true,
      presets: ['default', 'paper'],
    });
    expect(autoBattler.sides).toEqual([
      { id: 'defender', label: 'Defender', planKey: 'defenders', winnerLabel: 'Defenders' },
      { id: 'invader', label: 'Invader', planKey: 'invaders', winnerLabel: 'Invaders' },
    ]);
  });

  it('has budgets 20 / 20 in both presets and rejects unknown presets', () => {
    expect(autoBattler.config()).toEqual({ preset: 'default', budgets: [20, 20], params: { maxUnits: 7, maxTurns: 200 } });
    expect(autoBattler.config('paper')).toEqual({ preset: 'paper', budgets: [20, 20], params: { maxUnits: 7, maxTurns: 200 } });
    expect(() => autoBattler.config('huge')).toThrow(/default, paper/);
  });

  it('gives empty plans that lose to any army, and plan names without repeats', () => {
    const cfg = autoBattler.config();
    const army = autoBattler.validate(1, { invaders: [{ name: 'FireLizard' }, { name: 'Phoenix' }, { name: 'FireLizard' }] }, cfg).plan;
    expect(autoBattler.simulate(autoBattler.emptyPlan(0), army, cfg).winner).toBe(1);
    expect(autoBattler.planNames(army)).toEqual(['FireLizard', 'Phoenix']);
    expect(autoBattler.planNames(autoBattler.emptyPlan(1))).toEqual([]);
  });
});
