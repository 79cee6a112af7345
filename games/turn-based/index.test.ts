import { describe, expect, it } from 'vitest';
import { turnBased } from './index.js';

describe('turnBased game object', () => {
  it('describes the sides as the reference CSV does', () => {
    expect(turnBased).toMatchObject({ family: 'plan', id: 'turn-based', version: 1, initAttempts: 3, finalBattleAfterLastRevision: true });
    expect(turnBased.sides.map((s) => [s.id, s.label, s.planKey, s.winnerLabel])).toEqual([
      ['defender', 'Defender', 'defenders', 'Defenders'],
      ['invader', 'Invader', 'invaders', 'Invaders'],
    ]);
  });

  it('has the default and paper presets with HP in params', () => {
    expect(turnBased.presets).toEqual(['default', 'paper']);
    expect(turnBased.config()).toEqual({ preset: 'default', budgets: [20, 20], params: { hp0: 130, hp1: 100 } });
    expect(turnBased.config('paper')).toEqual({ preset: 'paper', budgets: [20, 20], params: { hp0: 100, hp1: 100 } });
  });

  it('throws on an unknown preset, naming the valid ones', () => {
    expect(() => turnBased.config('hard')).toThrow(/default, paper/);
  });

  it('empty plans and plan names', () => {
    expect(turnBased.emptyPlan(0)).toEqual({ characters: [] });
    const config = turnBased.config();
    const v = turnBased.validate(1, JSON.parse(turnBased.exampleJson(1)), config);
    expect(turnBased.planNames(v.plan)).toEqual([
      'flame_splash',
      'residual_warmth',
      'burst_flame_bomb',
      'shadow_claw',
      'soul_siphon',
      'night_ambush',
      'stream_pierce',
      'whirlpool_strangle',
      'ice_branded',
    ]);
    expect(turnBased.planNames(turnBased.emptyPlan(1))).toEqual([]);
  });
});
