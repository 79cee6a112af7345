import { describe, expect, it } from 'vitest';
import { CELL, DEMONS, HUMANS } from './catalogue.js';
import { demonsAct, hurt, type TickOutput } from './rules.js';
import { Demon, DMG_AIR, DMG_EXPLOSION, DMG_FIRE, DMG_ICE, DMG_NORMAL, Human, Lane } from './units.js';

const kindOf = (name: string): number => DEMONS.findIndex((d) => d.name === name);

function demonIn(lane: Lane, name: string, front: number): Demon {
  const d = new Demon(kindOf(name), lane.y, 0, -1);
  d.seq = lane.demons.length;
  d.front = front;
  lane.demons.push(d);
  lane.living++;
  return d;
}

/** HP (tenths) a fresh demon loses to one hit of 10 tenths of the given type. */
function loss(name: string, type: number, pulsed = false): number {
  const lane = new Lane(0);
  const d = demonIn(lane, name, 5 * CELL);
  if (pulsed) d.defenceOn = false;
  const before = d.hp;
  hurt(lane, d, 10, type, 0, null);
  return before - d.hp;
}

describe('tower-defense damage rules', () => {
  it('applies immunities, ShieldDemon ×0.3 normal and MachineDemon ×0.5 non-explosion damage', () => {
    expect(loss('NormalDemon', DMG_NORMAL)).toBe(10);
    expect(loss('NormalDemon', DMG_AIR)).toBe(0);
    expect(loss('FlyingDemon', DMG_NORMAL)).toBe(0);
    expect(loss('FlyingDemon', DMG_EXPLOSION)).toBe(0);
    expect(loss('FlyingDemon', DMG_AIR)).toBe(10);
    expect(loss('FireDemon', DMG_FIRE)).toBe(0);
    expect(loss('FireDemon', DMG_ICE)).toBe(10);
    expect(loss('FrostDemon', DMG_ICE)).toBe(0);
    expect(loss('FrostDemon', DMG_FIRE)).toBe(10);
    expect(loss('ShieldDemon', DMG_NORMAL)).toBe(3);
    expect(loss('ShieldDemon', DMG_FIRE)).toBe(10);
    expect(loss('ShieldDemon', DMG_NORMAL, true)).toBe(10);
    expect(loss('MachineDemon', DMG_NORMAL)).toBe(5);
    expect(loss('MachineDemon', DMG_ICE)).toBe(5);
    expect(loss('MachineDemon', DMG_EXPLOSION)).toBe(10);
    expect(loss('MachineDemon', DMG_FIRE, true)).toBe(10);
  });

  it('activates a MachineDemon on its first damage, pulsed or not, but not on a hit it is immune to', () => {
    const lane = new Lane(0);
    const m = demonIn(lane, 'MachineDemon', 5 * CELL);
    m.defenceOn = false;
    hurt(lane, m, 10, DMG_AIR, 0, null);
    expect(m.activated).toBe(false);
    hurt(lane, m, 10, DMG_NORMAL, 0, null);
    expect(m.activated).toBe(true);
  });

  it('a summon at or past the left edge is a breach, and summoning does not use the action', () => {
    // SPEC §2.8 items 8 and 9: a summoner held at 1·C by a wall at x = 0 summons at 0 (a breach), then hits the wall.
    const lane = new Lane(1);
    const wall = new Human(0, HUMANS.findIndex((h) => h.name === 'ShieldSoldier'), 0, 1, 0);
    lane.humans.push(wall);
    lane.spawnNext();
    const s = demonIn(lane, 'SummoningDemon', CELL);
    s.nextSummon = 5000;
    const out: TickOutput = { summons: [], breaches: [] };
    demonsAct(lane, 5000, out, null);
    expect(out.summons).toHaveLength(1);
    expect(out.summons[0]?.front).toBe(0);
    expect(out.breaches).toEqual(out.summons);
    expect(s.nextSummon).toBe(10000);
    expect(wall.hp).toBe(140);
    expect(lane.living).toBe(2);
  });
});
