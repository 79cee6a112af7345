import { describe, expect, it } from 'vitest';
import { battle, demonAt, eventsOf, humanAt } from './fixtures.js';

// Units: C = 1120 per cell, entry front 12320, 44 per tick at speed 2; HP in tenths. A shooter at x = 0 blocks a
// speed-2 demon at 1120 after 255 moves (t = 12750); a 2-HP unit there dies to hits at 12800 and 13800, and the
// demon then needs 26 more moves (13850..15100).

describe('tower-defense hand-worked battles: special effects', () => {
  it('Flamethrower burn: 1 fire per hit plus 1 per second, phase kept on refresh; FireDemon is immune', () => {
    // Lane 0: hit at 1000 (90), burn ticks due from 2000; each second burn then hit: 2000 → 70, 3000 → 50,
    // 4000 → 30, 5000 → 10, and the 6000 burn kills it (status step, before the shot).
    // Lane 1: FireDemon takes nothing, kills the Flamethrower (x = 0) and breaches at 15100.
    // Lane 2: two Flamethrowers (shots at 1000, 2000, ... and 1500, 2500, ...). The 1500 hit extends the burn but
    // keeps its ticks at 2000, 3000, ...: 1000 → 9, 1500 → 8, 2000 → 7 → 6, 2500 → 5, 3000 → 4 → 3, 3500 → 2,
    // 4000 → burn 1 → hit 0 (had the phase moved to 2500, 3500, ..., it would die at 4500).
    const { result, log } = battle(
      [
        { name: 'FlamethrowerSoldier', x: 0, y: 0 },
        { name: 'FlamethrowerSoldier', x: 0, y: 1 },
        { name: 'FlamethrowerSoldier', x: 0, y: 2 },
        { name: 'FlamethrowerSoldier', x: 1, y: 2, spawn_time: 500 },
      ],
      [
        { name: 'NormalDemon', y: 0 },
        { name: 'FireDemon', y: 1 },
        { name: 'NormalDemon', y: 2 },
      ],
    );
    expect([1000, 2000, 3000, 4000, 5000].map((t) => demonAt(log, t, 0)?.[1])).toEqual([90, 70, 50, 30, 10]);
    expect(demonAt(log, 3500, 2)?.[1]).toBe(20);
    expect(eventsOf(log, 'death', 'demon')).toEqual([
      [4000, 2],
      [6000, 0],
    ]);
    expect(demonAt(log, 12500, 1)).toEqual([12320 - 250 * 44, 100]);
    expect(eventsOf(log, 'death', 'human')).toEqual([[13800, 1]]);
    expect(result.summary).toMatchObject({ endTick: 15100, lostRow: 1, remainUnits: 1, remainCost: 150 });
  });

  it('IceSoldier: 1 ice damage and half speed while hit every second; FrostDemon is immune', () => {
    // Lane 0: 19 moves of 44 (50..950), then slowed from the 1000 hit on: 22 per tick; 10 hits kill it at 10000.
    // At 9500: 12320 − 19·44 − 171·22 = 7722, 9 hits. Lane 1: FrostDemon is neither hurt nor slowed (breach 15100).
    // Lane 2: SpeedyDemon 88 per tick, 44 once slowed; dies at 10000. Lane 3: FireDemon takes ice normally.
    const { result, log } = battle(
      [0, 1, 2, 3].map((y) => ({ name: 'IceSoldier', x: 0, y })),
      [
        { name: 'NormalDemon', y: 0 },
        { name: 'FrostDemon', y: 1 },
        { name: 'SpeedyDemon', y: 2 },
        { name: 'FireDemon', y: 3 },
      ],
    );
    expect(demonAt(log, 9500, 0)).toEqual([7722, 10]);
    expect(demonAt(log, 5000, 1)).toEqual([12320 - 100 * 44, 100]);
    expect(demonAt(log, 9500, 2)).toEqual([12320 - 19 * 88 - 171 * 44, 10]);
    expect(eventsOf(log, 'death', 'demon')).toEqual([
      [10000, 0],
      [10000, 2],
      [10000, 3],
    ]);
    expect(result.summary).toMatchObject({ endTick: 15100, lostRow: 1, remainUnits: 1, remainCost: 150 });
  });

  it('burn ends 3 s after the last hit and slow 2 s after the last hit', () => {
    // Lane 0: a GreatDemon touches the Flamethrower at x = 10 on entry: hits it at 50 and 1050 (dead). The 1000
    // shot burns it: 20 → 19, burn at 2000, 3000, 4000 → 16, then no more. It walks 280 moves from 1100: 15050.
    // Lane 1: same with IceSoldier and a NormalDemon: hit at 1000 (9 HP), slowed until 3000: moves at 1100..2950
    // are 38 × 22 = 836, then 11484 / 44 = 261 moves at 3000..16000. At 15000: 11484 − 241 × 44 = 880.
    const { result, log } = battle(
      [
        { name: 'FlamethrowerSoldier', x: 10, y: 0 },
        { name: 'IceSoldier', x: 10, y: 1 },
      ],
      [
        { name: 'GreatDemon', y: 0 },
        { name: 'NormalDemon', y: 1 },
      ],
    );
    expect(eventsOf(log, 'death', 'human')).toEqual([
      [1050, 0],
      [1050, 1],
    ]);
    expect([3500, 4000, 4500, 10000].map((t) => demonAt(log, t, 0)?.[1])).toEqual([170, 160, 160, 160]);
    expect(demonAt(log, 3000, 1)).toEqual([11484 - 44, 90]);
    expect(demonAt(log, 15000, 1)).toEqual([880, 90]);
    expect(result.summary).toMatchObject({ endTick: 15050, lostRow: 0, remainUnits: 2, remainCost: 300 });
  });

  it('FlyingDemon flies over units and only AntiAir hurts it; AntiAir ignores ground demons', () => {
    // Lane 0: AntiAir hits at 1000..10000 kill it; at 9500 it is at 3960, past the wall at x = 5.
    // Lane 1: the Rifle cannot target it and the wall cannot stop it: breach at 14000 with full HP.
    // Lane 2: AntiAir never shoots the NormalDemon (still 10 HP at 13500 while it hits the AntiAir).
    const { result, log } = battle(
      [
        { name: 'AntiAirSoldier', x: 0, y: 0 },
        { name: 'ShieldSoldier', x: 5, y: 0 },
        { name: 'RifleSoldier', x: 0, y: 1 },
        { name: 'ShieldSoldier', x: 5, y: 1 },
        { name: 'AntiAirSoldier', x: 0, y: 2 },
      ],
      [
        { name: 'FlyingDemon', y: 0 },
        { name: 'FlyingDemon', y: 1 },
        { name: 'NormalDemon', y: 2 },
      ],
    );
    expect(demonAt(log, 9500, 0)).toEqual([3960, 10]);
    expect(eventsOf(log, 'death', 'demon')).toEqual([[10000, 0]]);
    expect(demonAt(log, 13500, 2)).toEqual([1120, 100]);
    expect(humanAt(log, 13500, 4)).toBe(10);
    expect(humanAt(log, 13500, 1)).toBe(150);
    expect(result.summary).toMatchObject({ endTick: 14000, lostRow: 1, remainUnits: 2, remainCost: 300 });
  });

  it('LinearExplosion: 30 to every non-flying demon in its lane 500 ms after placement, also behind it', () => {
    // Lane 0: blasts at 500, 1500, 2500: MachineDemon 20 → dead at 500 (explosions are not reduced); DemonKing
    // 80 → 50 → 20 → dead at 2500. Lane 1: the FlyingDemon is untouched and breaches at 14000.
    // Lane 2: the BouncingDemon jumps the wall at x = 5 at 6450 (6720 → 4480), walks 20 moves to 3600 by 7450;
    // the charge placed at x = 8 at 7000 blasts at 7500 and kills it behind the charge.
    const { result, log } = battle(
      [
        { name: 'LinearExplosion', x: 3, y: 0 },
        { name: 'LinearExplosion', x: 4, y: 0, spawn_time: 1000 },
        { name: 'LinearExplosion', x: 5, y: 0, spawn_time: 2000 },
        { name: 'LinearExplosion', x: 0, y: 1 },
        { name: 'ShieldSoldier', x: 5, y: 2 },
        { name: 'LinearExplosion', x: 8, y: 2, spawn_time: 7000 },
      ],
      [
        { name: 'DemonKing', y: 0 },
        { name: 'MachineDemon', y: 0 },
        { name: 'FlyingDemon', y: 1 },
        { name: 'BouncingDemon', y: 2 },
      ],
    );
    expect(eventsOf(log, 'explode')).toEqual([
      [500, 0],
      [500, 3],
      [1500, 1],
      [2500, 2],
      [7500, 5],
    ]);
    expect(demonAt(log, 2000, 0)?.[1]).toBe(200);
    expect(demonAt(log, 7000, 3)).toEqual([4480 - 11 * 44, 100]); // moves at 6500..7000
    expect(eventsOf(log, 'death', 'demon')).toEqual([
      [500, 1],
      [2500, 0],
      [7500, 3],
    ]);
    expect(result.summary).toMatchObject({ endTick: 14000, lostRow: 1, remainUnits: 1, remainCost: 200 });
  });

  it('MagneticSoldier removes ShieldDemon protection for good; ShieldDemon takes 0.3 per normal hit', () => {
    // Lane 0: Rifle alone: 0.3 per hit; the demon kills the Rifle (12800, 13800, 14800) and breaches at 16100
    // with 100 − 29·3 = 13 tenths (hits at 500..14500). Lane 1: pulse at 2000 after the Rifle's 2000 hit (88),
    // then 10 per hit: dead at 6500. One pulse only: the magnet pulses only while a protected target is present.
    const { result, log } = battle(
      [
        { name: 'RifleSoldier', x: 0, y: 0 },
        { name: 'RifleSoldier', x: 0, y: 1 },
        { name: 'MagneticSoldier', x: 1, y: 1 },
      ],
      [
        { name: 'ShieldDemon', y: 0 },
        { name: 'ShieldDemon', y: 1 },
      ],
    );
    expect(eventsOf(log, 'pulse')).toEqual([[2000, 2]]);
    expect(demonAt(log, 2500, 1)?.[1]).toBe(78);
    expect(eventsOf(log, 'death', 'demon')).toEqual([[6500, 1]]);
    expect(demonAt(log, 14000, 0)?.[1]).toBe(16);
    expect(result.summary).toMatchObject({ endTick: 16100, lostRow: 0, remainUnits: 1, remainCost: 200 });
    expect(demonAt(log, 16100, 0)?.[1]).toBe(13);
  });

  it('MachineDemon: ×0.5 damage until pulsed, speed 3 after its first damage, 3 damage per hit', () => {
    // Lane 2: 9 moves of 44 by 450; hit at 500 (195) activates it: 66 per tick from the 500 move (11858).
    // (11858 − 1120) / 66 = 162.7 → blocked at 1120 at 8650; kills the Rifle (3 HP) at 8700; 17 moves at
    // 8750..9550 → breach. Rifle hits 500..8500: 17 × 5 → 115 tenths.
    // Lane 3: hits 500..2000 at 5 (180), pulse at 2000, then 10 per hit. Blocked by the magnet (x = 1) at 2240
    // at 7800 ((11858 − 2240) / 66 = 145.7), kills it at 7850, reaches 1120 at 8700, waits for its cooldown and
    // kills the Rifle at 8850. Rifle hits 2500..8500: 13 × 10 → 50 tenths; at 9500: 1120 − 13·66 = 262.
    const { result, log } = battle(
      [
        { name: 'RifleSoldier', x: 0, y: 2 },
        { name: 'RifleSoldier', x: 0, y: 3 },
        { name: 'MagneticSoldier', x: 1, y: 3 },
      ],
      [
        { name: 'MachineDemon', y: 2 },
        { name: 'MachineDemon', y: 3 },
      ],
    );
    expect(demonAt(log, 500, 0)).toEqual([11858, 195]);
    expect(eventsOf(log, 'death', 'human')).toEqual([
      [7850, 2],
      [8700, 0],
      [8850, 1],
    ]);
    expect(demonAt(log, 9500, 1)).toEqual([262, 50]);
    expect(result.summary).toMatchObject({ endTick: 9550, lostRow: 2, remainUnits: 2, remainCost: 600 });
    expect(demonAt(log, 9550, 0)?.[1]).toBe(115);
  });

  it('BouncingDemon jumps the first unit it faces once, but not an EnhancedShieldSoldier', () => {
    // Lane 0: contact with the wall at x = 5 at 6400; at 6450 it jumps to (5 − 1)·C = 4480, then 102 moves
    // (4480 / 44 = 101.8) at 6500..11550. Lane 1: facing an EnhancedShieldSoldier it hits instead (6 hits by
    // 11450: 240) and keeps its jump. Lane 2: the Handgun at x = 5 hits it 6 times (1000..6000) before the jump;
    // at 4480 it has passed the Handgun (4480 + 1120 is not beyond 5·C), so the Handgun never fires again.
    // Lanes 0 and 2 breach together at 11550: lane 0's demon appeared first.
    const { result, log } = battle(
      [
        { name: 'ShieldSoldier', x: 5, y: 0 },
        { name: 'EnhancedShieldSoldier', x: 5, y: 1 },
        { name: 'HandgunSoldier', x: 5, y: 2 },
      ],
      [0, 1, 2].map((y) => ({ name: 'BouncingDemon', y })),
    );
    expect(log.events.filter((e) => e.type === 'jump')).toEqual([
      { t: 6450, type: 'jump', id: 0, from: 6720, to: 4480 },
      { t: 6450, type: 'jump', id: 2, from: 6720, to: 4480 },
    ]);
    expect(demonAt(log, 11500, 1)).toEqual([6720, 100]);
    expect(humanAt(log, 11500, 1)).toBe(240);
    expect(demonAt(log, 11500, 2)).toEqual([4480 - 101 * 44, 40]);
    expect(humanAt(log, 11500, 0)).toBe(150);
    expect(result.summary).toMatchObject({ endTick: 11550, lostRow: 0, remainUnits: 3, remainCost: 450 });
  });

  it('SummoningDemon: a NormalDemon one cell ahead every 5 s; summons are numbered in summoner order', () => {
    // Speed 1: 22 per tick. At 5000 (after 99 moves, 10142) it summons at 9022, then still moves (10120). The
    // summon first moves at 5050 and needs 206 moves (9022 / 44 = 205.05): breach at 15300. Summons at 10000
    // (7942 − 1120 = 6822) and 15000 (5742 − 1120 = 4622) are alive at the end too.
    // The lane-2 summoner is listed first, so its summons come first (ids 2, 4, 6) though lane 0 acts first;
    // both first summons breach at 15300 and the lane of the earlier one (2) is reported.
    const { result, log } = battle([], [
      { name: 'SummoningDemon', y: 2 },
      { name: 'SummoningDemon', y: 0 },
    ]);
    expect(log.demons.map((d) => [d.id, d.y, d.appear, d.by])).toEqual([
      [0, 2, 0, null],
      [1, 0, 0, null],
      [2, 2, 5000, 0],
      [3, 0, 5000, 1],
      [4, 2, 10000, 0],
      [5, 0, 10000, 1],
      [6, 2, 15000, 0],
      [7, 0, 15000, 1],
    ]);
    expect(demonAt(log, 5000, 1)).toEqual([10120, 100]);
    expect(demonAt(log, 5000, 3)).toEqual([9022, 100]);
    expect(demonAt(log, 15000, 7)).toEqual([4622, 100]);
    expect(result.winner).toBe(1);
    expect(result.summary).toMatchObject({ endTick: 15300, lostRow: 2, remainUnits: 8, remainCost: 1400, demonsAppeared: 8 });
  });
});
