import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { abConfig } from './config.js';
import { randomPlan } from './plans.js';
import { simulate } from './simulate.js';
import { fight, plan } from './test-util.js';
import type { AbLogEvent } from './types.js';
import { validate } from './validate.js';

const capAt = (maxTurns: number) => ({ ...abConfig(), params: { ...abConfig().params, maxTurns } });

function targets(events: readonly AbLogEvent[]): number[] {
  return events.flatMap((e) => (e.e === 'target' ? [e.target] : []));
}

describe('auto-battler turn cap and ties', () => {
  // Paladin 3/6 DS against LavaGolem 1/8; 1 unit each, so the Invader starts.
  // T1 golem hits the shield (absorbed). T2 Paladin: golem 8 - 3 = 5, Paladin burned 3. T3 golem: Paladin 6 - 1 = 5.
  // T4 burn: Paladin 5 - 3 = 2, then golem 5 - 3 = 2. T5 golem: Paladin 2 - 1 = 1. T6 burn: 1 - 3 < 0, Invader wins.
  it('plays to a win when the cap is not reached; a turn that ends in a burn death counts', () => {
    const b = fight(['Paladin'], ['LavaGolem']);
    expect(b.after(5)).toBe('Paladin 3/1 b3 | LavaGolem 1/2');
    expect(b.result).toMatchObject({ winner: 1, steps: 6, capped: false });
  });

  it('after the cap the side with more total Health wins', () => {
    // After 2 turns: Defender 6, Invader 5.
    const r = simulate(plan(0, ['Paladin']), plan(1, ['LavaGolem']), capAt(2));
    expect(r).toMatchObject({ winner: 0, steps: 2, capped: true });
    expect(r.summary).toMatchObject({ hp0: 6, hp1: 5, remain0: 1, remain1: 1 });
  });

  it('equal totals at the cap go to the Invader', () => {
    // After 3 turns: 5 against 5; after 4 turns: 2 against 2.
    for (const [cap, hp] of [
      [3, 5],
      [4, 2],
    ] as const) {
      const r = simulate(plan(0, ['Paladin']), plan(1, ['LavaGolem']), capAt(cap));
      expect(r).toMatchObject({ winner: 1, steps: cap, capped: true });
      expect(r.summary).toMatchObject({ hp0: hp, hp1: hp });
    }
  });

  it('the default cap is 200 turns', () => {
    expect(abConfig().params['maxTurns']).toBe(200);
  });
});

describe('auto-battler start and line rules', () => {
  it('decides empty sides before any turn (both empty: Invader)', () => {
    const cfg = abConfig();
    expect(simulate(plan(0, []), plan(1, ['FireLizard']), cfg)).toMatchObject({ winner: 1, steps: 0, capped: false });
    expect(simulate(plan(0, ['RockBeetle']), plan(1, []), cfg)).toMatchObject({ winner: 0, steps: 0, capped: false });
    expect(simulate(plan(0, []), plan(1, []), cfg)).toMatchObject({ winner: 1, steps: 0, capped: false });
  });

  it('fields at most 7 units, even from an unvalidated plan', () => {
    const eight = Array.from({ length: 8 }, () => ({ name: 'RockBeetle', gold: false }));
    const r = simulate({ units: eight, priority: [] }, plan(1, ['FireLizard']), abConfig());
    // 7 beetles start (so the Defender does). T1 a beetle: FireLizard 2 - 1 = 1. T2 FireLizard: beetle 5 - 2 = 3.
    // T3 the next beetle kills FireLizard; its deathrattle hits that beetle: 5 - 2 = 3.
    expect(r.log).toBeNull();
    expect(r).toMatchObject({ winner: 0, steps: 3 });
    expect(r.summary).toEqual({ turns: 3, first: 0, remain0: 7, remain1: 0, hp0: 5 * 5 + 3 + 3, hp1: 0 });
  });

  it('the King summons only while its line has fewer than 7 units', () => {
    // King 3/12 and six RockBeetles: 7 units, no Soldier. King kills FireLizard (2 - 3 < 0), takes 2 back: 10.
    const full = fight(['King', ...Array<string>(6).fill('RockBeetle')], ['FireLizard']);
    expect(full.log.turns[0]?.events.some((e) => e.e === 'summon')).toBe(false);
    expect(full.result.summary).toEqual({ turns: 1, first: 0, remain0: 7, remain1: 0, hp0: 10 + 6 * 5, hp1: 0 });
    // With five beetles there is room: a Soldier appears right of the King.
    const room = fight(['King', ...Array<string>(5).fill('RockBeetle')], ['FireLizard']);
    expect(room.after(1)).toMatch(/^King 3\/10, Soldier 1\/1 DS, RockBeetle/);
    expect(room.result.summary['remain0']).toBe(7);
  });

  it('a removal left of the boundary keeps the attack order (REVIEW A1)', () => {
    // ForestSeer: Sapling 3/3. T1 RockBeetle (id 0) hits TideLord: 10 - 1 = 9, Attack 8. T2 TideLord kills the Taunt
    // RockBeetle (floor(1.5 x 8) = 12). The next Defender attacker is Sapling (id 1), now leftmost, not ForestSeer.
    const b = fight(['RockBeetle', 'Sapling', 'ForestSeer'], ['TideLord']);
    expect(b.log.turns.slice(0, 3).map((t) => t.unit)).toEqual([0, 3, 1]);
    expect(b.after(3)).toBe('Sapling 3/4, ForestSeer 1/2 | TideLord 16/5');
  });

  it('a summon in the place of the previous attacker attacks next; summons elsewhere keep the order', () => {
    // Ids: StoneWarrior 0, Sapling 1, ForestSeer 2, ShadowOverlords 3 and 4, then summons from 5.
    // T1 StoneWarrior: SO 4 - 2 = 2. T2 SO(3) hits StoneWarrior 5 - 4 = 1. T3 Sapling (grows to 4) kills SO(3):
    // a Skeleton (5) takes its place, the previous Invader attacker's, so it attacks next (T4) instead of SO(4).
    // T4 Skeleton kills StoneWarrior (1 - 3 < 0): a RockBeetle (6) takes its place, left of the boundary, so the
    // next Defender attacker is still ForestSeer (T5).
    const b = fight(['StoneWarrior', 'Sapling', 'ForestSeer'], ['ShadowOverlord', 'ShadowOverlord']);
    expect(b.log.turns.slice(0, 5).map((t) => t.unit)).toEqual([0, 3, 1, 5, 2]);
    expect(b.after(4)).toBe('RockBeetle 1/5, Sapling 3/4, ForestSeer 1/2 | Skeleton 3/1, ShadowOverlord 4/4');
  });

  it('targets the earliest listed name, the leftmost of that name, and the leftmost when nothing listed is there', () => {
    // Defender first (3 units against 1). T2: FireLizard picks a Sapling (listed first), the leftmost one (id 1).
    const b = fight(['ForestSeer', 'Sapling', 'Sapling'], ['FireLizard'], { pi: ['King', 'Sapling', 'ForestSeer'] });
    expect(targets(b.log.turns[1]?.events ?? [])).toEqual([1]);
    // Unlisted names only: leftmost.
    const c = fight(['ForestSeer', 'Sapling', 'Sapling'], ['FireLizard'], { pi: ['King'] });
    expect(targets(c.log.turns[1]?.events ?? [])).toEqual([0]);
  });
});

describe('auto-battler determinism and log', () => {
  it('gives identical results and logs for the same plans', () => {
    const cfg = abConfig();
    const rng = createRng('ab-determinism');
    for (let i = 0; i < 50; i++) {
      const p0 = validate(0, randomPlan(0, rng, cfg), cfg).plan;
      const p1 = validate(1, randomPlan(1, rng, cfg), cfg).plan;
      const a = simulate(p0, p1, cfg, { log: true });
      // A battle in between must leave no trace in the reused engine.
      simulate(validate(0, randomPlan(0, rng, cfg), cfg).plan, validate(1, randomPlan(1, rng, cfg), cfg).plan, cfg);
      const b = simulate(p0, p1, cfg, { log: true });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      const plain = simulate(p0, p1, cfg);
      expect(plain.log).toBeNull();
      expect({ ...plain, log: a.log }).toEqual(a);
    }
  });

  it('logs the initial lines, start effects, every turn and the result', () => {
    const b = fight(['EliteSoldier', 'Sapling'], ['FireLizard']);
    expect(b.log.version).toBe(1);
    expect(b.log.initial[0].map((u) => u.name)).toEqual(['EliteSoldier', 'Sapling']);
    expect(b.log.start).toEqual([{ e: 'buff', unit: 1, by: 0, atk: 3, hp: 2, shield: true }]);
    expect(b.log.turns).toHaveLength(b.result.steps);
    expect(b.log.winner).toBe(b.result.winner);
    expect(b.log.capped).toBe(false);
  });
});
