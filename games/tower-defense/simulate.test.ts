import { describe, expect, it } from 'vitest';
import { battle, demonAt, eventsOf, humanAt } from './fixtures.js';

// Units: C = 1120 length units per cell, demons enter with front F = 11·C = 12320 and move 22·speed per 50 ms tick.
// HP in tenths. A demon that appears at t first acts at t + 50.

describe('tower-defense hand-worked battles: movement, shooters, walls', () => {
  it('moves demons at 22 × speed per tick and ends at the first breach', () => {
    // SpeedyDemon (speed 4): 88 per tick, 12320 / 88 = 140 moves at t = 50..7000 → breach at 7000 in lane 0.
    // NormalDemon (speed 2): 44 per tick; at 7000 it has made 140 moves: 12320 − 6160 = 6160.
    const { result, log } = battle([], [
      { name: 'NormalDemon', y: 1 },
      { name: 'SpeedyDemon', y: 0 },
    ]);
    expect(result.winner).toBe(1);
    expect(result.summary).toMatchObject({ endTick: 7000, lostRow: 0, remainUnits: 2, remainCost: 250 });
    expect(result.steps).toBe(141);
    expect(result.capped).toBe(false);
    expect(demonAt(log, 7000, 0)).toEqual([6160, 100]);
    // At 500: Speedy made 10 moves (880), Normal 10 moves (440).
    expect(demonAt(log, 500, 1)).toEqual([12320 - 880, 100]);
    expect(demonAt(log, 500, 0)).toEqual([12320 - 440, 100]);
  });

  it('normal shooters fire one interval after placement, every interval, only with a target', () => {
    // Lane 0 Handgun (1000 ms): 10 hits at 1000..10000 kill a NormalDemon at 10000; it has moved 199 × 44 = 8756.
    // Lane 1 Rifle (500 ms): 10 hits at 500..5000. Lane 2 MachineGun (250 ms) vs GreatDemon (20 HP): 20 hits at
    // 250..5000. Lane 3 Handgun placed at 0 is ready from 1000 but the demon only appears at 2550 (spawn_time
    // 2599 rounds down to 2550): it fires at once at 2550, then every 1000 ms: the 10th hit is at 11550.
    const { result, log } = battle(
      [
        { name: 'HandgunSoldier', x: 0, y: 0 },
        { name: 'RifleSoldier', x: 0, y: 1 },
        { name: 'MachineGunSoldier', x: 0, y: 2 },
        { name: 'HandgunSoldier', x: 0, y: 3 },
      ],
      [
        { name: 'NormalDemon', y: 0 },
        { name: 'NormalDemon', y: 1 },
        { name: 'GreatDemon', y: 2 },
        { name: 'NormalDemon', y: 3, spawn_time: 2599 },
      ],
    );
    expect(eventsOf(log, 'death', 'demon')).toEqual([
      [5000, 1],
      [5000, 2],
      [10000, 0],
      [11550, 3],
    ]);
    expect(demonAt(log, 9500, 0)).toEqual([12320 - 190 * 44, 10]); // moves at 50..9500, hits at 1000..9000
    expect(demonAt(log, 3000, 3)).toEqual([12320 - 9 * 44, 90]); // moves at 2600..3000, one hit (2550)
    expect(result.winner).toBe(0);
    expect(result.summary).toMatchObject({ endTick: 11550, lostRow: null, remainUnits: 4, remainCost: 800 });
  });

  it('a DemonKing kills a blocking shooter with one hit and breaches with its HP left', () => {
    // The MachineGun at x = 0 blocks: the King stops at 1·C = 1120 after 255 moves (11200 / 44 = 254.5, t = 12750)
    // and hits for 5 at 12800, killing the 3-HP gunner. The gunner hit it at 250, 500, ..., 12750: 51 hits, so
    // 80 − 51 = 29 HP. Then 26 moves (1120 / 44 = 25.5) at 12850..14100 from the contact point 1120 → breach at 14100 with front −24.
    const { result, log } = battle([{ name: 'MachineGunSoldier', x: 0, y: 4 }], [{ name: 'DemonKing', y: 4 }]);
    expect(demonAt(log, 12500, 0)).toEqual([12320 - 250 * 44, 800 - 500]);
    expect(eventsOf(log, 'death', 'human')).toEqual([[12800, 0]]);
    expect(result.summary).toMatchObject({ endTick: 14100, lostRow: 4, remainUnits: 1, remainCost: 800 });
    expect(demonAt(log, 14100, 0)).toEqual([1120 - 26 * 44, 290]);
  });

  it('walls block, demons hit once per second from contact, ShieldBreaker deals ×5 to shields', () => {
    // Wall at x = 5: a speed-2 demon stops at 6·C = 6720 after 128 moves (t = 6400; 127 moves give 6732), hits at
    // 6450, 7450, ... Lane 0 NormalDemon vs ShieldSoldier (15 HP): 15th hit at 20450 kills it; then 153 moves
    // (6720 / 44 = 152.7) at 20500..28100 → breach at 28100.
    // Lane 1 ShieldBreakerDemon: 5 per hit, 3 hits (6450, 7450, 8450); breach 153 moves later at 16100.
    // Lane 2 MachineDemon (damage 3, never hit so speed 2): 5 hits, wall dies at 10450, breach at 18100.
    // Lane 3 ShieldBreakerDemon vs EnhancedShieldSoldier (30 HP): 6 hits, dies at 11450; breach at 19100.
    const { result, log } = battle(
      [
        { name: 'ShieldSoldier', x: 5, y: 0 },
        { name: 'ShieldSoldier', x: 5, y: 1 },
        { name: 'ShieldSoldier', x: 5, y: 2 },
        { name: 'EnhancedShieldSoldier', x: 5, y: 3 },
      ],
      [
        { name: 'NormalDemon', y: 0 },
        { name: 'ShieldBreakerDemon', y: 1 },
        { name: 'MachineDemon', y: 2 },
        { name: 'ShieldBreakerDemon', y: 3 },
      ],
    );
    expect(demonAt(log, 6000, 0)).toEqual([12320 - 120 * 44, 100]);
    expect(demonAt(log, 6500, 0)).toEqual([6720, 100]);
    expect(humanAt(log, 6500, 0)).toBe(140);
    expect(humanAt(log, 7500, 1)).toBe(50);
    expect(humanAt(log, 7500, 2)).toBe(90);
    expect(eventsOf(log, 'death', 'human')).toEqual([
      [8450, 1],
      [10450, 2],
      [11450, 3],
    ]);
    expect(result.winner).toBe(1);
    // Left at 16100: Normal 100 + ShieldBreaker 150 + Machine 300 + ShieldBreaker 150.
    expect(result.summary).toMatchObject({ endTick: 16100, lostRow: 1, remainUnits: 4, remainCost: 700 });
  });

  it('a destroyed unit stops blocking at once, within the same step', () => {
    // Two NormalDemons reach the ShieldSoldier (x = 5) together and both hit at 6450, 7450, ...: after 7 rounds it
    // has 1 HP; at 13450 demon 0 kills it, and demon 1 (acting after it) finds the way free and moves 44 at once.
    // Demon 1 then needs 153 moves at 13450..21050; demon 0 starts one tick later.
    const { result, log } = battle(
      [{ name: 'ShieldSoldier', x: 5, y: 2 }],
      [
        { name: 'NormalDemon', y: 2 },
        { name: 'NormalDemon', y: 2 },
      ],
    );
    expect(humanAt(log, 13000, 0)).toBe(10);
    expect(eventsOf(log, 'death', 'human')).toEqual([[13450, 0]]);
    expect(demonAt(log, 13500, 0)).toEqual([6720 - 44, 100]);
    expect(demonAt(log, 13500, 1)).toEqual([6720 - 88, 100]);
    expect(result.summary).toMatchObject({ endTick: 21050, lostRow: 2, remainUnits: 2 });
  });

  it('the facing target is the unit with the largest x, and the attack cooldown carries over', () => {
    // Shield at x = 9 stops the demon at 10·C = 11200 after 26 moves (t = 1300); hits at 1350..4350 leave it 11 HP.
    // A Shield placed at x = 10 at 5000 overlaps the demon, which faces it (larger x): 15 hits at 5350..19350.
    // The x = 9 shield is touched at once but the next hit waits for the cooldown: 20350..30350 (11 hits).
    // Then 11200 / 44 = 254.5 → 255 moves at 30400..43100.
    const { result, log } = battle(
      [
        { name: 'ShieldSoldier', x: 9, y: 0 },
        { name: 'ShieldSoldier', x: 10, y: 0, spawn_time: 5000 },
      ],
      [{ name: 'NormalDemon', y: 0 }],
    );
    expect(demonAt(log, 1500, 0)).toEqual([11200, 100]);
    expect(humanAt(log, 5000, 0)).toBe(110);
    expect(humanAt(log, 6000, 1)).toBe(140);
    expect(humanAt(log, 20000, 0)).toBe(110);
    expect(eventsOf(log, 'death', 'human')).toEqual([
      [19350, 1],
      [30350, 0],
    ]);
    expect(result.summary).toMatchObject({ endTick: 43100, lostRow: 0 });
  });

  it('the 180 000 ms cap is inclusive and is a Human win', () => {
    // Eleven EnhancedShieldSoldiers (30 HP) in lane 0 against one NormalDemon (1 damage per second). The first
    // wall (x = 10) is touched at once: hits at 50..29050. Each next wall: 26 moves (1300 ms), a hit one tick
    // later, 29 more seconds: deaths at 29050, 59400, 89750, 120100, 150450; the sixth would fall at 180800.
    const walls = Array.from({ length: 11 }, (_, i) => ({ name: 'EnhancedShieldSoldier', x: 10 - i, y: 0 }));
    const { result, log } = battle(walls, [{ name: 'NormalDemon', y: 0 }]);
    expect(eventsOf(log, 'death', 'human')).toEqual([
      [29050, 0],
      [59400, 1],
      [89750, 2],
      [120100, 3],
      [150450, 4],
    ]);
    expect(result.winner).toBe(0);
    expect(result.capped).toBe(true);
    expect(result.steps).toBe(3601);
    expect(result.summary).toMatchObject({ endTick: 180000, lostRow: null, remainUnits: 6, remainCost: 600 });
    expect(humanAt(log, 180000, 5)).toBe(10); // hits at 151800..179800: 29 of 30
  });

  it('empty plans: no demons is a Human win at t = 0; no humans lets demons through', () => {
    const none = battle([{ name: 'RifleSoldier', x: 0, y: 0 }], []);
    expect(none.result).toMatchObject({ winner: 0, steps: 1, capped: false });
    expect(none.result.summary).toMatchObject({ endTick: 0, remainUnits: 1, remainCost: 200 });
    const open = battle([], [{ name: 'GreatDemon', y: 3, spawn_time: 60000 }]);
    expect(open.result.summary).toMatchObject({ endTick: 74000, lostRow: 3 });
  });
});

describe('tower-defense hand-worked battles: tie rules', () => {
  it('shooters break target ties by appearance order', () => {
    // Great and Normal appear together and share a front until one dies. Both stop at the Rifle (x = 0) at 12750,
    // the survivor hits it at 12800, 13800, 14800 (3 HP: dead), then makes 26 moves → breach at 16100.
    // Great listed first: the Rifle hits it 20 times (500..10000), then the Normal 9 times (10500..14500): 1 HP.
    // Normal listed first: it dies at 5000, then the Great takes 19 hits (5500..14500): 1 HP.
    const rifle = [{ name: 'RifleSoldier', x: 0, y: 0 }];
    const a = battle(rifle, [
      { name: 'GreatDemon', y: 0 },
      { name: 'NormalDemon', y: 0 },
    ]);
    expect(eventsOf(a.log, 'death', 'demon')).toEqual([[10000, 0]]);
    expect(eventsOf(a.log, 'death', 'human')).toEqual([[14800, 0]]);
    expect(demonAt(a.log, 16100, 1)?.[1]).toBe(10);
    expect(a.result.summary).toMatchObject({ endTick: 16100, remainUnits: 1, remainCost: 100 });
    const b = battle(rifle, [
      { name: 'NormalDemon', y: 0 },
      { name: 'GreatDemon', y: 0 },
    ]);
    expect(eventsOf(b.log, 'death', 'demon')).toEqual([[5000, 0]]);
    expect(demonAt(b.log, 16100, 1)?.[1]).toBe(10);
    expect(b.result.summary).toMatchObject({ endTick: 16100, remainUnits: 1, remainCost: 200 });
  });

  it('simultaneous breaches report the lane of the demon that appeared first', () => {
    const a = battle([], [
      { name: 'NormalDemon', y: 3 },
      { name: 'NormalDemon', y: 1 },
    ]);
    const b = battle([], [
      { name: 'NormalDemon', y: 1 },
      { name: 'NormalDemon', y: 3 },
    ]);
    expect(a.result.summary.lostRow).toBe(3);
    expect(b.result.summary.lostRow).toBe(1);
    expect(a.log.events.filter((e) => e.type === 'breach')).toHaveLength(2);
  });

  it('a breach wins even when the last other demon dies in the same step', () => {
    // Lane 0: an unopposed NormalDemon breaches at 14000. Lane 1: a Handgun, ready since 1000, shoots a NormalDemon
    // that appears at 5000 at once and then every second: the 10th hit kills it at 14000.
    const { result, log } = battle(
      [{ name: 'HandgunSoldier', x: 0, y: 1 }],
      [
        { name: 'NormalDemon', y: 0 },
        { name: 'NormalDemon', y: 1, spawn_time: 5000 },
      ],
    );
    expect(eventsOf(log, 'death', 'demon')).toEqual([[14000, 1]]);
    expect(result.winner).toBe(1);
    expect(result.summary).toMatchObject({ endTick: 14000, lostRow: 0, remainUnits: 1, remainCost: 100 });
  });

  it('humans with the same spawn time act in plan order', () => {
    // Rifle hits the ShieldDemon for 0.3 at 500, 1000, 1500. At 2000 the MagneticSoldier pulses (first ready at
    // 2000). Rifle listed first: its 2000 hit is still reduced (100 − 12 = 88 tenths after 2000); Magnetic first:
    // the pulse comes before the hit (91 − 10 = 81).
    const demons = [{ name: 'ShieldDemon', y: 0 }];
    const rifle = { name: 'RifleSoldier', x: 0, y: 0 };
    const magnet = { name: 'MagneticSoldier', x: 1, y: 0 };
    expect(demonAt(battle([rifle, magnet], demons).log, 2000, 0)?.[1]).toBe(88);
    expect(demonAt(battle([magnet, rifle], demons).log, 2000, 0)?.[1]).toBe(81);
  });
});
