import { describe, expect, it } from 'vitest';
import type { AbLogEvent } from './types.js';
import { fight } from './test-util.js';

/** Hand-worked battles (SPEC §3.3 with REVIEW-AB-TB A1–A13). Lines read "Defender | Invader", units "Name atk/hp". */

function hits(events: readonly AbLogEvent[]): string[] {
  return events.flatMap((e) => (e.e === 'hit' ? [`${e.kind} ${e.from ?? '-'}>${e.to} ${e.amount}${e.blocked ? ' blocked' : ''}`] : []));
}

describe('auto-battler hand-worked battles', () => {
  it('BattleFrenzy, MountainGiant, Taunt, Sapling growth, a hit of 0, FireLizard deathrattle (no element bonus)', () => {
    const b = fight(['Sapling', 'MountainGiant'], ['BattleFrenzy', 'FireLizard']);
    // 2 units each: the Invader starts.
    expect(b.log.first).toBe(1);
    // T1 BattleFrenzy hits the Taunt MountainGiant: 9 - 7 = 2; MountainGiant: 7 - 2 = 5; frenzy: 5 - 4 = 1.
    expect(b.after(1)).toBe('Sapling 2/2, MountainGiant 4/2 | BattleFrenzy 1/4, FireLizard 2/2');
    // T2 Sapling grows to 3 Health, hits the leftmost BattleFrenzy (Nature vs Guardian: no bonus): 4 - 2 = 2.
    expect(b.after(2)).toBe('Sapling 2/3, MountainGiant 4/2 | BattleFrenzy 1/2, FireLizard 2/2');
    // T3 FireLizard hits MountainGiant (Fire does not beat Earth): 2 - 2 = 0, dies; the lethal hit still weakens:
    // FireLizard 2 - 2 = 0 (REVIEW A6).
    expect(b.after(3)).toBe('Sapling 2/3 | BattleFrenzy 1/2, FireLizard 0/2');
    // T4 Sapling (the only Defender) grows to 4 and kills BattleFrenzy: 2 - 2 = 0.
    expect(b.after(4)).toBe('Sapling 2/4 | FireLizard 0/2');
    // T5 FireLizard attacks with 0 (Fire beats Nature: floor(1.5 x 0) = 0): nothing happens (REVIEW A5).
    expect(b.after(5)).toBe('Sapling 2/4 | FireLizard 0/2');
    expect(hits(b.log.turns[4]?.events ?? [])).toEqual(['attack 3>0 0']);
    // T6 Sapling grows to 5 and kills FireLizard (2 - 2 = 0); its deathrattle hits the killer for 2 with no element
    // bonus (Fire beats Nature, but deathrattles never get it): 5 - 2 = 3. The Invader line is empty.
    expect(b.after(6)).toBe('Sapling 2/3 | ');
    expect(b.result).toMatchObject({ winner: 0, steps: 6, capped: false });
    expect(b.result.summary).toEqual({ turns: 6, first: 1, remain0: 1, remain1: 0, hp0: 3, hp1: 0 });
  });

  it('ForestSeer, elements, Phoenix splash and revive, WaterElemental growth, VineProtector with no friends', () => {
    const b = fight(['Sapling', 'ForestSeer', 'VineProtector'], ['Phoenix', 'WaterElemental']);
    // ForestSeer: other Nature allies +1/+1: Sapling 3/3, VineProtector 4/5; the seer itself stays 1/2.
    expect(b.after(0)).toBe('Sapling 3/3, ForestSeer 1/2, VineProtector 4/5 | Phoenix 5/5, WaterElemental 2/2');
    // 3 units against 2: the Defender starts.
    expect(b.log.first).toBe(0);
    // T1 Sapling grows to 4 and hits Phoenix (Nature does not beat Fire): 5 - 3 = 2.
    expect(b.after(1)).toBe('Sapling 3/4, ForestSeer 1/2, VineProtector 4/5 | Phoenix 5/2, WaterElemental 2/2');
    // T2 Phoenix hits Sapling with floor(1.5 x 5) = 7 (Fire beats Nature): 4 - 7 < 0, and splashes its right
    // neighbour ForestSeer for 7 as well: 2 - 7 < 0. Both die.
    expect(hits(b.log.turns[1]?.events ?? [])).toEqual(['attack 3>0 7', 'splash 3>1 7']);
    expect(b.after(2)).toBe('VineProtector 4/5 | Phoenix 5/2, WaterElemental 2/2');
    // T3 VineProtector hits Phoenix: 2 - 4 < 0; Phoenix returns at full Health 5.
    expect(b.log.turns[2]?.events).toContainEqual({ e: 'revive', unit: 3, hp: 5 });
    expect(b.after(3)).toBe('VineProtector 4/5 | Phoenix 5/5, WaterElemental 2/2');
    // T4 WaterElemental grows to 3 Attack and hits (Water does not beat Nature): 5 - 3 = 2.
    expect(b.after(4)).toBe('VineProtector 4/2 | Phoenix 5/5, WaterElemental 3/2');
    // T5 VineProtector hits Phoenix: 5 - 4 = 1.
    expect(b.after(5)).toBe('VineProtector 4/2 | Phoenix 5/1, WaterElemental 3/2');
    // T6 Phoenix (revived already) hits VineProtector for 7: it dies; its heal finds no living friend.
    expect(b.result).toMatchObject({ winner: 1, steps: 6, capped: false });
    expect(b.result.summary).toEqual({ turns: 6, first: 0, remain0: 0, remain1: 2, hp0: 0, hp1: 3 });
  });

  it('EliteSoldier, King summons (the Soldier attacks next), Paladin gains, Gold burn, shields absorb burn, burn deaths', () => {
    const b = fight(['King', 'EliteSoldier', 'Paladin'], ['LavaGolem*']);
    // EliteSoldier: its neighbours gain Divine Shield and +1 Attack: King 4/12 DS, Paladin 4/6 DS.
    expect(b.after(0)).toBe('King 4/12 DS, EliteSoldier 1/1, Paladin 4/6 DS | LavaGolem* 2/16');
    // T1 King hits the golem: 16 - 4 = 12; the Gold golem burns the King for 6; a Soldier appears right of the King.
    expect(b.after(1)).toBe('King 4/12 DS b6, Soldier 1/1 DS, EliteSoldier 1/1, Paladin 4/6 DS | LavaGolem* 2/12');
    // T2 the golem hits the King's shield: absorbed; the other Paladin gains 2: 4 + 2 = 6.
    expect(b.after(2)).toBe('King 4/12 b6, Soldier 1/1 DS, EliteSoldier 1/1, Paladin 6/6 DS | LavaGolem* 2/12');
    // T3 the Soldier, inserted right after the previous attacker, attacks next (REVIEW A1): 12 - 1 = 11.
    expect(b.log.turns[2]?.unit).toBe(4);
    expect(b.after(3)).toBe('King 4/12 b6, Soldier 1/1 DS b6, EliteSoldier 1/1, Paladin 6/6 DS | LavaGolem* 2/11');
    // T4-T8: the golem hits the King for 2 each time (12 -> 10 -> 8 -> 6); the golem takes 11 - 1 = 10 from
    // EliteSoldier (T5) and 10 - 6 = 4 from the Paladin (T7).
    expect(b.after(8)).toBe('King 4/6 b6, Soldier 1/1 DS b6, EliteSoldier 1/1 b6, Paladin 6/6 DS b6 | LavaGolem* 2/4');
    // T9 the King's burn: 6 - 6 = 0, it dies and does not attack; the turn still counts.
    expect(b.after(9)).toBe('Soldier 1/1 DS b6, EliteSoldier 1/1 b6, Paladin 6/6 DS b6 | LavaGolem* 2/4');
    expect(hits(b.log.turns[8]?.events ?? [])).toEqual(['burn ->0 6']);
    // T10 the golem hits the Soldier's shield: Paladin 6 + 2 = 8. T11 the Soldier burns to 1 - 6 < 0.
    // T12 the golem kills EliteSoldier: 1 - 2 < 0.
    expect(b.after(12)).toBe('Paladin 8/6 DS b6 | LavaGolem* 2/4');
    // T13 the Paladin's own shield absorbs its burn (no other Paladin gains), then it hits: 4 - 8 < 0.
    expect(hits(b.log.turns[12]?.events ?? [])).toEqual(['burn ->2 6 blocked', 'attack 2>3 8']);
    expect(b.result).toMatchObject({ winner: 0, steps: 13, capped: false });
    expect(b.result.summary).toEqual({ turns: 13, first: 0, remain0: 1, remain1: 0, hp0: 6, hp1: 0 });
  });

  it('TideGuardian attacks twice with the bonus, priority among Taunt units, StoneWarrior, BlackRock, PoisonFrog, TideLord', () => {
    const b = fight(['RockBeetle', 'StoneWarrior', 'BlackRock'], ['TideGuardian', 'PoisonFrog', 'TideLord'], {
      pd: ['TideLord'],
      pi: ['StoneWarrior'],
    });
    // BlackRock: +3 Health per other unit: 1 + 6 = 7.
    expect(b.after(0)).toBe('RockBeetle 1/5, StoneWarrior 2/5, BlackRock 2/7 | TideGuardian 4/2 DS, PoisonFrog 1/1, TideLord 4/10');
    // T1 TideGuardian: both Taunt units can be picked; the priority list names StoneWarrior: floor(1.5 x 4) = 6
    // (Water beats Earth), 5 - 6 < 0; a Bronze RockBeetle takes its place. Second attack: two RockBeetles, none
    // listed, so the leftmost (the original): 5 - 6 < 0.
    expect(hits(b.log.turns[0]?.events ?? [])).toEqual(['attack 3>1 6', 'attack 3>0 6']);
    expect(b.log.turns[0]?.events).toContainEqual(expect.objectContaining({ e: 'summon', side: 0, index: 1 }));
    expect(b.after(1)).toBe('RockBeetle 1/5, BlackRock 2/7 | TideGuardian 4/2 DS, PoisonFrog 1/1, TideLord 4/10');
    // T2 the new RockBeetle hits the listed TideLord (no Taunt on that side): 10 - 1 = 9, Attack doubles to 8.
    expect(b.after(2)).toBe('RockBeetle 1/5, BlackRock 2/7 | TideGuardian 4/2 DS, PoisonFrog 1/1, TideLord 8/9');
    // T3 PoisonFrog: floor(1.5 x 1) = 1, 5 - 1 = 4, then poison leaves it at 0: it dies.
    expect(b.after(3)).toBe('BlackRock 2/7 | TideGuardian 4/2 DS, PoisonFrog 1/1, TideLord 8/9');
    // T4 BlackRock hits TideLord: 9 - 2 = 7, Attack 16. T5 TideLord: floor(1.5 x 16) = 24 > 7.
    expect(b.after(4)).toBe('BlackRock 2/7 | TideGuardian 4/2 DS, PoisonFrog 1/1, TideLord 16/7');
    expect(b.result).toMatchObject({ winner: 1, steps: 5, capped: false });
    expect(b.result.summary).toEqual({ turns: 5, first: 1, remain0: 0, remain1: 3, hp0: 0, hp1: 10 });
  });

  it('AncientTreant, MoltenHound deathrattle, BanditLeader carry, VineProtector heal in a two-death pass', () => {
    const b = fight(['VineProtector', 'AncientTreant', 'RockBeetle'], ['MoltenHound', 'BanditLeader', 'ShadowOverlord']);
    // AncientTreant: every other unit +2/+2: VineProtector 5/6, RockBeetle 3/7; the treant stays 2/3.
    expect(b.after(0)).toBe('VineProtector 5/6, AncientTreant 2/3, RockBeetle 3/7 | MoltenHound 3/1, BanditLeader 8/3, ShadowOverlord 4/4');
    // T1 MoltenHound must hit the Taunt RockBeetle (Fire does not beat Earth): 7 - 3 = 4.
    // T2 VineProtector kills MoltenHound (1 - 5 < 0); its deathrattle deals 1 to every Defender (no bonus).
    expect(b.after(2)).toBe('VineProtector 5/5, AncientTreant 2/2, RockBeetle 3/3 | BanditLeader 8/3, ShadowOverlord 4/4');
    // T3 BanditLeader hits RockBeetle: 3 - 8 = -5; the excess 5 hits the leftmost living Defender, VineProtector:
    // 5 - 5 = 0. One pass removes VineProtector (its heal: AncientTreant 2 + 2 capped at 3; RockBeetle, at -5, is
    // not healed: REVIEW A8), then RockBeetle.
    expect(hits(b.log.turns[2]?.events ?? [])).toEqual(['attack 4>2 8', 'carry 4>0 5']);
    expect(b.log.turns[2]?.events.filter((e) => e.e === 'heal')).toEqual([{ e: 'heal', unit: 1, by: 0, hp: 3 }]);
    expect(b.after(3)).toBe('AncientTreant 2/3 | BanditLeader 8/3, ShadowOverlord 4/4');
    // T4 AncientTreant hits BanditLeader: 3 - 2 = 1. T5 ShadowOverlord kills the treant: 3 - 4 < 0.
    expect(b.after(4)).toBe('AncientTreant 2/3 | BanditLeader 8/1, ShadowOverlord 4/4');
    expect(b.result).toMatchObject({ winner: 1, steps: 5, capped: false });
    expect(b.result.summary).toEqual({ turns: 5, first: 1, remain0: 0, remain1: 2, hp0: 0, hp1: 5 });
  });

  it('Gold doubles stats and numbers: Gold ShadowOverlord leaves a 6/2 Skeleton, Gold MountainGiant weakens by 4', () => {
    const b = fight(['MountainGiant*'], ['ShadowOverlord*']);
    // T1 ShadowOverlord 8/8 hits MountainGiant 8/18: 18 - 8 = 10; the giant weakens it by 4: 8 - 4 = 4.
    expect(b.after(1)).toBe('MountainGiant* 8/10 | ShadowOverlord* 4/8');
    // T2 the giant hits 8: 8 - 8 = 0; a Gold Skeleton 6/2 appears in its place.
    expect(b.after(2)).toBe('MountainGiant* 8/10 | Skeleton* 6/2');
    // T3 Skeleton (Rogue, no bonus): 10 - 6 = 4, weakened to 6 - 4 = 2. T4 the giant kills it.
    expect(b.after(3)).toBe('MountainGiant* 8/4 | Skeleton* 2/2');
    expect(b.result.summary).toEqual({ turns: 4, first: 1, remain0: 1, remain1: 0, hp0: 4, hp1: 0 });
    expect(b.result.winner).toBe(0);
  });

  it('Earth beats Fire, Gold AncientTreant, a 0-Attack hit still triggers reactions, burn takes the last golem\'s value', () => {
    const b = fight(['MountainGiant*', 'AncientTreant*'], ['LavaGolem*', 'LavaGolem']);
    // Gold AncientTreant: +4/+4 to the giant: 12/22.
    expect(b.after(0)).toBe('MountainGiant* 12/22, AncientTreant* 4/6 | LavaGolem* 2/16, LavaGolem 1/8');
    // T1 the Gold golem hits the Taunt giant: 22 - 2 = 20, and is weakened to max(0, 2 - 4) = 0.
    expect(b.after(1)).toBe('MountainGiant* 12/20, AncientTreant* 4/6 | LavaGolem* 0/16, LavaGolem 1/8');
    // T2 the giant hits the leftmost Taunt golem: floor(1.5 x 12) = 18 (Earth beats Fire), 16 - 18 < 0; burn 6.
    expect(hits(b.log.turns[1]?.events ?? [])).toEqual(['attack 0>2 18']);
    expect(b.after(2)).toBe('MountainGiant* 12/20 b6, AncientTreant* 4/6 | LavaGolem 1/8');
    // T3 the Bronze golem: 20 - 1 = 19, weakened to 0. T4 the treant: 8 - 4 = 4, burned 3.
    expect(b.after(4)).toBe('MountainGiant* 12/19 b6, AncientTreant* 4/6 b3 | LavaGolem 0/4');
    // T5 the golem attacks with 0: the hit does nothing, yet the giant's reaction fires (Attack stays 0).
    expect(b.log.turns[4]?.events).toContainEqual({ e: 'weakened', unit: 3, by: 0, atk: 0 });
    // T6 the giant burns (19 - 6 = 13), kills the golem (4 - 18 < 0) and is burned again by it: 3 replaces 6.
    expect(b.after(6)).toBe('MountainGiant* 12/13 b3, AncientTreant* 4/6 b3 | ');
    expect(b.result.summary).toEqual({ turns: 6, first: 1, remain0: 2, remain1: 0, hp0: 19, hp1: 0 });
  });

  it('both last units die in one resolution: the Invader wins; deaths from a deathrattle wait for the next pass', () => {
    const b = fight(['RockBeetle'], ['FireLizard']);
    // T1 FireLizard: 5 - 2 = 3. T2 RockBeetle: 2 - 1 = 1. T3 FireLizard: 3 - 2 = 1.
    expect(b.after(3)).toBe('RockBeetle 1/1 | FireLizard 2/1');
    // T4 RockBeetle kills FireLizard (1 - 1 = 0); its deathrattle hits the killer: 1 - 2 < 0, removed next pass.
    const deaths = b.log.turns[3]?.events.filter((e) => e.e === 'death').map((e) => (e.e === 'death' ? e.side : -1));
    expect(deaths).toEqual([1, 0]);
    expect(b.result).toMatchObject({ winner: 1, steps: 4, capped: false });
    expect(b.result.summary).toEqual({ turns: 4, first: 1, remain0: 0, remain1: 0, hp0: 0, hp1: 0 });
  });

  it('a 0-Attack hit leaves a Divine Shield in place (REVIEW A5); a hit removes the shield of a Taunt unit first', () => {
    const b = fight(['RockBeetle', 'EliteSoldier', 'ForestSeer'], ['BattleFrenzy*'], { pi: ['ForestSeer'] });
    // EliteSoldier: RockBeetle 2/5 DS and ForestSeer 2/2 DS. 3 units against 1: the Defender starts.
    expect(b.after(0)).toBe('RockBeetle 2/5 DS, EliteSoldier 1/1, ForestSeer 2/2 DS | BattleFrenzy* 14/8');
    // T1 RockBeetle: 8 - 2 = 6. T2 the frenzy must hit the Taunt beetle: the shield absorbs 14; frenzy 14 - 8 = 6.
    // T3 EliteSoldier: 6 - 1 = 5. T4 the frenzy kills the beetle (5 - 6 < 0); frenzy max(0, 6 - 8) = 0.
    expect(b.after(4)).toBe('EliteSoldier 1/1, ForestSeer 2/2 DS | BattleFrenzy* 0/5');
    // T5 ForestSeer (right of the previous attacker): 5 - 2 = 3. T6 the frenzy picks the listed ForestSeer and hits
    // with 0: the shield stays.
    expect(b.log.turns[4]?.unit).toBe(2);
    expect(b.after(6)).toBe('EliteSoldier 1/1, ForestSeer 2/2 DS | BattleFrenzy* 0/3');
    // T7 EliteSoldier: 3 - 1 = 2. T9 ForestSeer: 2 - 2 = 0.
    expect(b.result.summary).toEqual({ turns: 9, first: 0, remain0: 2, remain1: 0, hp0: 3, hp1: 0 });
  });
});
