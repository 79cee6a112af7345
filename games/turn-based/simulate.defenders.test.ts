import { describe, expect, it } from 'vitest';
import { D, DEFAULT, I, fight, hpConfig, lineup } from './testing.js';

// Hand-worked battles centred on the Defender skills. Paper preset (every character 100 HP) unless stated.
// hp(...) is [[Defender HP...], [Invader HP...]] after the frame.

describe('Wood: Life Totem, Bud Healing, Forest Reincarnation overflow shield, heal cap', () => {
  // Wood [life_totem, bud_healing, forest_reincarnation] vs Dark [soul_siphon, shadow_claw, night_ambush]; Dark ↔ Wood ×1.
  const f = fight(
    lineup(['Wood', 'life_totem', 'bud_healing', 'forest_reincarnation']),
    lineup(['Dark', 'soul_siphon', 'shadow_claw', 'night_ambush']),
  );

  it('round 1: the first Totem heal is not raised by the Totem it grants', () => {
    // Siphon 30 → 70; Totem heals 30 → 100 (no boost yet), then +15% for rounds 1–3.
    expect(f.hp(1, I(0))).toEqual([[70], [100]]);
    expect(f.hp(1, D(0))).toEqual([[100], [100]]);
  });

  it('round 2: Regen heals floor(7 × 1.15) = 8 under the Totem', () => {
    // Claw 14 → 86 (the Dark is full, so its heal of 4 is lost); end: +8 → 94.
    expect(f.hp(2, I(0))).toEqual([[86], [100]]);
    expect(f.hp(2, 'end')).toEqual([[94], [100]]);
  });

  it('round 3: Forest heal 92 overflows by 61 into a 36-point Shield, then hits 30', () => {
    // Ambush 25 → 69. Heal floor(80 × 1.15) = 92, missing 31 → 100, overflow 61 → Shield floor(61 × 0.6) = 36.
    expect(f.hp(3, I(0))).toEqual([[69], [100]]);
    expect(f.hp(3, D(0))).toEqual([[100], [70]]);
    expect(f.frame(3, D(0)).events).toContainEqual(
      expect.objectContaining({ type: 'status', op: 'gain', status: 'Shield', source: 'forest_reincarnation', value: 36 }),
    );
  });

  it('round 4: the Shield takes 36 of a Vulnerable-raised siphon; the Totem has expired', () => {
    // floor(30 × 125/100) = 37; Shield 36 → 1 → 99. Totem (no boost: it ended in round 3) heals 1 → 100.
    expect(f.hp(4, I(0))).toEqual([[99], [70]]);
    expect(f.hp(4, D(0))).toEqual([[100], [70]]);
  });

  it('the 3-round pattern repeats until the Forest hit finishes the Dark in round 12', () => {
    // Each cycle: claw heals the Dark 4, Forest hits 30. Dark: 70 → 74 → 44 → 48 → 18 → 22 → −8.
    expect(f.hp(9, D(0))).toEqual([[100], [18]]);
    expect(f.result).toMatchObject({ winner: 0, steps: 12 });
    expect(f.result.summary).toMatchObject({ hp0: 100, alive0: 1, hp1: 0, alive1: 0 });
  });
});

describe('Holy Glimmer removes the most recent debuff', () => {
  // Invaders: Water [ice_branded] in front, Fire [flame_splash, burst_flame_bomb]. Defender: Light [holy_glimmer]. All ×1.
  const f = fight(lineup(['Light', 'holy_glimmer']), lineup(['Water', 'ice_branded'], ['Fire', 'flame_splash', 'burst_flame_bomb']));

  it('round 1: ice 20, splash raised to 19, glimmer removes the Burning (applied last) and heals 9', () => {
    // Ice → 80; splash floor(12 × 160/100) = 19 → 61; glimmer heal → 70, hit 9 on the front Water → 91.
    expect(f.hp(1, I(1))).toEqual([[61], [100, 100]]);
    expect(f.hp(1, D(0))).toEqual([[70], [91, 100]]);
    expect(f.hp(1, 'end')).toEqual([[70], [91, 100]]);
  });

  it('round 2: Burst finds no Burning layer but the Vulnerable is still there', () => {
    // floor(25 × 160/100) = 40 → 30.
    expect(f.hp(2, I(1))).toEqual([[30], [91, 100]]);
  });

  it('round 4: ice then splash defeat the Light', () => {
    // Ice 20 → 10; splash 19 → −9.
    expect(f.result).toMatchObject({ winner: 1, steps: 4 });
  });
});

describe('Natural Purification, Poison Vine, and HP taken from the config', () => {
  // Custom HP: Defenders 100, Invaders 200. Wood [natural_purification, poison_vine] vs Fire [flame_whirlwind].
  const f = fight(lineup(['Wood', 'natural_purification', 'poison_vine']), lineup(['Fire', 'flame_whirlwind']), hpConfig(100, 200));

  it('round 1: purification removes the fresh Burning before it ticks, then hits floor(40 × 0.8) = 32', () => {
    expect(f.hp(1, 'end')).toEqual([[100], [168]]);
  });

  it('Poison ticks 35 at every end of round', () => {
    expect(f.hp(2, 'end')).toEqual([[100], [133]]);
    expect(f.hp(3, 'end')).toEqual([[100], [98]]);
    // R4: whirlwind, purification 32 → 66, poison → 31.
    expect(f.hp(4, 'end')).toEqual([[100], [31]]);
  });

  it('the Fire falls to the renewed Poison at the end of round 5', () => {
    expect(f.hp(5, 'end')).toEqual([[100], [-4]]);
    expect(f.result).toMatchObject({ winner: 0, steps: 5 });
    expect(f.result.summary).toMatchObject({ hp0: 100, hp1: 0 });
  });
});

describe('Earth: Rock Armor (Shield and Thorns), Quicksand, Core Rebound', () => {
  // Earth [rock_armor, quicksand_trap, core_rebound] vs Dark [shadow_claw, soul_siphon, night_ambush]; ×1 both ways.
  const f = fight(
    lineup(['Earth', 'rock_armor', 'quicksand_trap', 'core_rebound']),
    lineup(['Dark', 'shadow_claw', 'soul_siphon', 'night_ambush']),
  );

  it('round 2: the 12-point Shield takes part of the siphon and Thorns still fire', () => {
    // R1 claw 14 → 86. R2 siphon 30: Shield 12 → 18 → 68; Thorns 8 → Dark 92.
    expect(f.hp(2, I(0))).toEqual([[68], [92]]);
  });

  it('round 3: Quicksand delays a quarter and costs the attacker 15; Core Rebound returns 120% of the store', () => {
    // Ambush 25: charge used, floor(25/4) = 6 delayed → 19 → Earth 49; Dark −15 (Quicksand) −8 (Thorns) → 69.
    expect(f.hp(3, I(0))).toEqual([[49], [69]]);
    // Store 14 + 18 + 19 = 51 → floor(51 × 1.2) = 61 → Dark 8.
    expect(f.hp(3, D(0))).toEqual([[49], [8]]);
  });

  it('round 4: the Quicksand backlash defeats the attacker and the Defenders win', () => {
    // Claw raised by Vulnerable: floor(14 × 1.25) = 17; 4 delayed → 13; Dark 8 − 15 → −7 (no Thorns: expired).
    // The Earth still loses 13 → 36. The delayed 6 from round 3 was due at the end of round 4, which never comes.
    expect(f.hp(4, I(0))).toEqual([[36], [-7]]);
    expect(f.result).toMatchObject({ winner: 0, steps: 4 });
    expect(f.result.summary).toMatchObject({ hp0: 36, alive1: 0 });
  });
});

describe('Granite Barrier and Earth Pulse (permanent shield)', () => {
  // Earth [granite_barrier, earth_pulse] vs Fire [magma_eruption, flame_splash]; Fire ↔ Earth ×1.
  const f = fight(lineup(['Earth', 'granite_barrier', 'earth_pulse']), lineup(['Fire', 'magma_eruption', 'flame_splash']));

  it('round 2: splash is cut by Granite; the Pulse counts full 10% steps lost', () => {
    // R1 magma 50 → 50. R2 splash floor(12 × 55/100) = 6 → 44; Pulse: lost 56% → 5 → Shield 50, hit 50 → Fire 50.
    expect(f.hp(2, I(0))).toEqual([[44], [100]]);
    expect(f.hp(2, D(0))).toEqual([[44], [50]]);
    expect(f.hp(3, 'end')).toEqual([[34], [50]]);
  });

  it('round 4: the permanent Pulse Shield takes the whole magma', () => {
    expect(f.hp(4, I(0))).toEqual([[34], [50]]);
  });

  it('round 5: Granite, renewed in round 4, cuts the splash again; a larger Pulse (7 steps) finishes the Fire', () => {
    // Splash floor(12 × 0.55) = 6 → 28; lost 72% → 7 steps → Shield 70 replaces the 0-left one, hit 70 → −20.
    expect(f.hp(5, I(0))).toEqual([[28], [50]]);
    expect(f.hp(5, D(0))).toEqual([[28], [-20]]);
    expect(f.result).toMatchObject({ winner: 0, steps: 5 });
  });
});

describe('Divine Link returns a hit in full and is checked before Faith Emblem', () => {
  // Default preset (Light 130). Light [faith_emblem, divine_link, divine_sword] vs Dark [final_announcement].
  const f = fight(lineup(['Light', 'faith_emblem', 'divine_link', 'divine_sword']), lineup(['Dark', 'final_announcement']), DEFAULT);

  it('round 4: the Link sends 154 back to the Dark; the Faith Emblem stays', () => {
    // R1 final at full HP: floor(55 × 1.5) = 82 → 48. R3 sword floor(35 × 1.5) = 52 → Dark 48.
    expect(f.hp(3, D(0))).toEqual([[48], [48]]);
    // R4: lost 82/130 → 6 steps → B = 103; floor(103 × 1.5) = 154, returned by the Link → Dark −106.
    expect(f.hp(4, I(0))).toEqual([[48], [-106]]);
    const events = f.frame(4, I(0)).events;
    expect(events).not.toContainEqual(expect.objectContaining({ status: 'Faith Emblem' }));
    expect(f.result).toMatchObject({ winner: 0, steps: 4 });
  });
});

describe('Faith Emblem over a long battle', () => {
  // Light [faith_emblem] vs Dark [shadow_claw]; ×1.5 both ways.
  const f = fight(lineup(['Light', 'faith_emblem']), lineup(['Dark', 'shadow_claw']));

  it('round 4: 20% of the hit is prevented and healed, the attacker loses 10, and claws back 30% of the rest', () => {
    // R1 claw 21 → 79. R4: claw 21, prevented 4 → 17; Light 79 + 4 − 17 = 66; Dark −10 + floor(17 × 0.3) = 95.
    expect(f.hp(4, I(0))).toEqual([[66], [95]]);
  });

  it('each 3-round cycle costs the Light 13 and the Dark 5; the Light falls in round 22', () => {
    expect(f.hp(19, I(0))).toEqual([[1], [70]]);
    // R22: Light 1 + 4 − 17 = −12; Dark 70 − 10 + 5 = 65.
    expect(f.result).toMatchObject({ winner: 1, steps: 22, capped: false });
    expect(f.result.summary).toMatchObject({ hp1: 65 });
  });
});

describe('Luminous Dispel, Weakened, Angelic Sanctuary, and the round cap', () => {
  // Light [luminous_dispel, angelic_sanctuary] vs Water [water_barrier, stream_pierce, whirlpool_strangle]; ×1.
  const f = fight(
    lineup(['Light', 'luminous_dispel', 'angelic_sanctuary']),
    lineup(['Water', 'water_barrier', 'stream_pierce', 'whirlpool_strangle']),
  );

  it('round 1: the Dispel removes the most recent buff (the Tidal Surge gained after the Shield)', () => {
    const lost = f.frame(1, D(0)).events.filter((e) => e.type === 'status' && e.op === 'lose');
    expect(lost).toEqual([expect.objectContaining({ status: 'Tidal Surge' })]);
  });

  it('round 2: the Weakened stream deals floor(10 × 0.8) = 8', () => {
    expect(f.hp(2, I(0))).toEqual([[92], [100]]);
  });

  it('round 3: Sanctuary cuts the whirlpool (20 + 6 × 1 = 26) to 0', () => {
    expect(f.hp(3, I(0))).toEqual([[92], [100]]);
  });

  it('Sanctuary (rounds r to r+2) has lapsed when the Water streams in round r+3, before the Light renews it', () => {
    expect(f.hp(5, I(0))).toEqual([[84], [100]]);
  });

  it('after round 30 the larger living HP total wins', () => {
    // Streams in rounds 2, 5, ..., 29 deal 8 each: 100 − 10 × 8 = 20 against the untouched Water's 100.
    expect(f.result).toMatchObject({ winner: 1, steps: 30, capped: true });
    expect(f.result.summary).toMatchObject({ rounds: 30, hp0: 20, hp1: 100, alive0: 1, alive1: 1, end: 'cap' });
  });
});

describe('Targeting and instant defeat', () => {
  // Custom HP: Defenders 10, Invaders 100. Defenders Wood [parasitic_seed] in front, Light [divine_sword]. Fire [flame_splash].
  const f = fight(lineup(['Wood', 'parasitic_seed'], ['Light', 'divine_sword']), lineup(['Fire', 'flame_splash']), hpConfig(10, 100));

  it('a character defeated earlier in the round does not act', () => {
    // R1 splash 14 → Wood −4; the Wood never plants its Seed; the Light's sword hits 35 → Fire 65.
    expect(f.log.frames.filter((fr) => fr.round === 1).map((fr) => fr.actor)).toEqual([[1, 0], [0, 1], null]);
    expect(f.hp(1, D(1))).toEqual([[-4, 10], [65]]);
  });

  it('the next living character becomes the target', () => {
    // R4 splash on the Light: 12 × 1 → −2.
    expect(f.frame(4, I(0)).target).toEqual([0, 1]);
    expect(f.result).toMatchObject({ winner: 1, steps: 4 });
  });
});

describe('Quicksand: postponed damage falls due after the status has ended', () => {
  // Custom HP: Earth 120, Fire 100. Earth [quicksand_trap] vs Fire [flame_splash, burst_flame_bomb, magma_eruption]; ×1.
  const f = fight(
    lineup(['Earth', 'quicksand_trap']),
    lineup(['Fire', 'flame_splash', 'burst_flame_bomb', 'magma_eruption']),
    hpConfig(120, 100),
  );

  it('rounds 2–3: each hit has a quarter postponed and costs the Fire 15', () => {
    // R1 splash 12 → 108, Burning tick → 103. R2 burst 25 + 4 = 29: 7 postponed → 81, Fire 85; tick → 76.
    expect(f.hp(2, I(0))).toEqual([[81], [85]]);
    expect(f.hp(2, 'end')).toEqual([[76], [85]]);
    // R3 magma 50: 12 postponed → 38, Fire 70; end: the 7 from round 2 → 31; Quicksand (rounds 1–3) ends.
    expect(f.hp(3, I(0))).toEqual([[38], [70]]);
    expect(f.hp(3, 'end')).toEqual([[31], [70]]);
  });

  it('round 4: no Quicksand any more, but the 12 from round 3 still falls due (after the Burning tick)', () => {
    // Splash 12 → 19; end: Burning 5 → 14, postponed 12 → 2.
    expect(f.hp(4, I(0))).toEqual([[19], [70]]);
    const causes = f.frame(4, 'end').events.flatMap((e) => (e.type === 'damage' ? [[e.cause, e.amount]] : []));
    expect(causes).toEqual([
      ['burning', 5],
      ['delayed', 12],
    ]);
    expect(f.hp(4, 'end')).toEqual([[2], [70]]);
    expect(f.result).toMatchObject({ winner: 1, steps: 5 });
  });
});

describe('Thorns fire even when a Shield takes the whole hit; plain HP loss ignores Shields', () => {
  // Earth [rock_armor] vs Water [water_barrier, stream_pierce]; Water → Earth ×0.8.
  const f = fight(lineup(['Earth', 'rock_armor']), lineup(['Water', 'water_barrier', 'stream_pierce']));

  it('round 2: the Rock Armor shield takes all 8, yet the Water, behind its own Shield, loses 8', () => {
    expect(f.hp(2, I(0))).toEqual([[100], [92]]);
  });

  it('the Defenders win on HP at the cap: every third round costs the Water 8', () => {
    // Streams in rounds 2, 5, ..., 29: 100 − 10 × 8 = 20; the Earth is never hurt.
    expect(f.result).toMatchObject({ winner: 0, steps: 30, capped: true });
    expect(f.result.summary).toMatchObject({ hp0: 100, hp1: 20 });
  });
});

describe('Core Rebound restarts its count after the hit', () => {
  // Custom HP: Earth 200, Fire 100. Earth [core_rebound, earth_shock] vs Fire [hell_curtain]; ×1.
  const f = fight(lineup(['Earth', 'core_rebound', 'earth_shock']), lineup(['Fire', 'hell_curtain']), hpConfig(200, 100));

  it('round 1: the rebound (45 × 1.2 = 54) is mostly reflected; the reflected 50 is not kept in the count', () => {
    expect(f.hp(1, D(0))).toEqual([[105], [96]]);
  });

  it('round 4: the next rebound counts only the 45 taken since: 54 again', () => {
    // Curtain 45 → 60; rebound 54, Reflect Shield takes 50 → Earth 10; Fire 76 − 4 = 72 (shock 20 in round 2).
    expect(f.hp(4, D(0))).toEqual([[10], [72]]);
    expect(f.result).toMatchObject({ winner: 1, steps: 7 });
  });
});

describe('Life Totem boosts later heals only', () => {
  // Wood [life_totem, bud_healing] vs Fire [magma_eruption]; Fire → Wood ×1.2: floor(50 × 1.2) = 60.
  const f = fight(lineup(['Wood', 'life_totem', 'bud_healing']), lineup(['Fire', 'magma_eruption']));

  it('round 1: the Totem heals 30, not 34', () => {
    expect(f.hp(1, D(0))).toEqual([[70], [100]]);
  });

  it('Regen under the Totem heals 8 each end of round; each 3-round cycle nets −60 + 30 + 3 × 8 = −6', () => {
    expect(f.hp(2, 'end')).toEqual([[78], [100]]);
    expect(f.hp(3, 'end')).toEqual([[86], [100]]);
    // R4: magma → 26, Totem (the last one ended in round 3) heals 30 → 56, Regen 8 → 64.
    expect(f.hp(4, D(0))).toEqual([[56], [100]]);
    expect(f.hp(4, 'end')).toEqual([[64], [100]]);
    expect(f.hp(7, 'end')).toEqual([[58], [100]]);
  });

  it('the Wood starts the magma rounds 4, 7, ..., 19 at 86, 80, ..., 56 and falls in round 19', () => {
    expect(f.hp(18, 'end')).toEqual([[56], [100]]);
    expect(f.result).toMatchObject({ winner: 1, steps: 19 });
  });
});
