import { describe, expect, it } from 'vitest';
import { D, DEFAULT, I, fight, lineup } from './testing.js';

// Hand-worked battles centred on the Invader skills. Paper preset (every character 100 HP) unless stated.
// Frames: in each round every living Invader acts, then every living Defender, then the end-of-round phase.
// hp(...) is [[Defender HP...], [Invader HP...]] after the frame.

describe('Fire: Warmth, Flame Splash, Burning ticks, Magma Eruption, the ×1.2 chart', () => {
  // Fire [residual_warmth, flame_splash, magma_eruption] vs Wood with no skills (passes every turn).
  const f = fight(lineup(['Wood']), lineup(['Fire', 'residual_warmth', 'flame_splash', 'magma_eruption']));

  it('Warmth raises the next Fire hit and is used up by it', () => {
    // R2 splash: floor(12 × 6/5 × 130/100) = floor(18.72) = 18 → Wood 82.
    expect(f.hp(2, I(0))).toEqual([[82], [100]]);
    const events = f.frame(2, I(0)).events;
    expect(events).toContainEqual(expect.objectContaining({ type: 'status', op: 'lose', status: 'Warmth' }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'status', op: 'gain', status: 'Burning', value: 1 }));
  });

  it('Burning ticks 5 per layer at the end of the round; Magma counts the layers and clears them', () => {
    expect(f.hp(2, 'end')).toEqual([[77], [100]]);
    // R3 magma: B = 50 + 8 × 1 = 58; floor(58 × 6/5) = floor(69.6) = 69 → 8; Burning removed, so no tick.
    expect(f.hp(3, I(0))).toEqual([[8], [100]]);
    expect(f.hp(3, 'end')).toEqual([[8], [100]]);
  });

  it('a character without skills passes; the Invaders win in round 5', () => {
    expect(f.frame(1, D(0)).skill).toBeNull();
    expect(f.frame(1, D(0)).events).toEqual([]);
    // R4 Warmth again; R5 splash 18 → 8 − 18 = −10.
    expect(f.result.winner).toBe(1);
    expect(f.result.steps).toBe(5);
    expect(f.result.capped).toBe(false);
    expect(f.result.summary).toMatchObject({ rounds: 5, hp0: 0, hp1: 100, alive0: 0, alive1: 1, end: 'defeat' });
  });
});

describe('Burning stacks, Flame Whirlwind, Burst Flame Bomb, Parasitic Seed, the ×0.8 chart', () => {
  // Fire [flame_splash, flame_whirlwind, burst_flame_bomb] vs Wood [parasitic_seed].
  const f = fight(lineup(['Wood', 'parasitic_seed']), lineup(['Fire', 'flame_splash', 'flame_whirlwind', 'burst_flame_bomb']));

  it('round 1: splash 14, Seed hits 8 (Wood against Fire is ×0.8), one Burning layer ticks', () => {
    // floor(12 × 6/5) = 14 → Wood 86; floor(10 × 4/5) = 8 → Fire 92; end: 5 × 1 → Wood 81.
    expect(f.hp(1, D(0))).toEqual([[86], [92]]);
    expect(f.hp(1, 'end')).toEqual([[81], [92]]);
  });

  it('round 2: Whirlwind is not damaging, so the seeded Fire loses nothing; both stacks tick', () => {
    expect(f.hp(2, I(0))).toEqual([[81], [92]]);
    // End: 5 (splash stack) + 25 (whirlwind stack) → 51; the splash stack ends here (2 rounds).
    expect(f.hp(2, 'end')).toEqual([[51], [92]]);
  });

  it('round 3: Burst counts the 5 live layers; the Seed costs the attacker 5 after its hit', () => {
    // B = 25 + 4 × 5 = 45; floor(45 × 6/5) = 54 → 51 − 54 = −3; Seed (rounds 1–3) → Fire 87.
    expect(f.hp(3, I(0))).toEqual([[-3], [87]]);
    expect(f.result.winner).toBe(1);
    expect(f.result.summary).toMatchObject({ rounds: 3, hp0: 0, hp1: 87 });
  });
});

describe('Water: Tidal Surge, Abyss Resonance shield, Tsunami Ending, death at exactly 0', () => {
  // Water [stream_pierce, abyss_resonance, tsunami_ending] vs Earth [earth_shock]; Water → Earth ×0.8, Earth → Water ×1.2.
  const f = fight(lineup(['Earth', 'earth_shock']), lineup(['Water', 'stream_pierce', 'abyss_resonance', 'tsunami_ending']));

  it('stream, abyss and tsunami scale with the layers', () => {
    // R1: stream floor(10 × 0.8) = 8 → 92, 1 layer; shock floor(20 × 1.2) = 24 → Water 76.
    expect(f.hp(1, D(0))).toEqual([[92], [76]]);
    // R2: abyss floor(5 × 1 × 0.8) = 4 → 88; Water gains a 10-point Shield (4 rounds).
    expect(f.hp(2, I(0))).toEqual([[88], [76]]);
    // R3: tsunami B = 40 + 8 × 1 = 48; floor(48 × 0.8) = 38 → 50; layers cleared.
    expect(f.hp(3, I(0))).toEqual([[50], [76]]);
  });

  it('the Shield absorbs first and is gone when used up', () => {
    // R4: stream 8 → 42 (1 layer again); shock 24: Shield 10 takes 10, Water loses 14 → 62.
    expect(f.hp(4, D(0))).toEqual([[42], [62]]);
    expect(f.frame(4, D(0)).events).toContainEqual(expect.objectContaining({ type: 'absorb', amount: 10, by: 'Shield' }));
  });

  it('a character at exactly 0 HP is defeated', () => {
    // R5: abyss 4 → 38, new Shield; R6: tsunami 38 → 0.
    expect(f.hp(6, I(0))).toEqual([[0], [62]]);
    expect(f.result).toMatchObject({ winner: 1, steps: 6 });
  });
});

describe('Dark against Light (×1.5 both ways): Soul Siphon, Shadow Claw, Final Announcement, Divine Sword, Holy Glimmer', () => {
  // Default preset: Light 130 HP, Dark 100 HP. Dark [soul_siphon, shadow_claw, final_announcement] vs Light [divine_sword, holy_glimmer].
  const f = fight(
    lineup(['Light', 'divine_sword', 'holy_glimmer']),
    lineup(['Dark', 'soul_siphon', 'shadow_claw', 'final_announcement']),
    DEFAULT,
  );

  it('round 1: siphon on a healthy target is 30; the sword hits 52', () => {
    // floor(30 × 3/2) = 45 → 85; floor(35 × 3/2) = 52 → Dark 48; Light gains Empowered.
    expect(f.hp(1, D(0))).toEqual([[85], [48]]);
  });

  it('round 2: claw heals 30% of its damage; Empowered raises the glimmer and is used up', () => {
    // Claw floor(14 × 1.5) = 21 → 64, heal floor(6.3) = 6 → Dark 54.
    expect(f.hp(2, I(0))).toEqual([[64], [54]]);
    // Glimmer: heal 9 → 73; floor(9 × 3/2 × 130/100) = floor(17.55) = 17 → Dark 37.
    expect(f.hp(2, D(0))).toEqual([[73], [37]]);
  });

  it('round 3: Final Announcement adds 8 per full 10% of max HP lost', () => {
    // Lost 57 of 130 = 43.8% → 4 steps; B = 55 + 32 = 87; floor(87 × 1.5) = 130 → 73 − 130 = −57.
    expect(f.hp(3, I(0))).toEqual([[-57], [37]]);
    expect(f.result).toMatchObject({ winner: 1, steps: 3 });
  });
});

describe('Night Ambush, Void Assimilation true damage, Granite, Soul Siphon below half HP', () => {
  // Dark [night_ambush, void_assimilation, soul_siphon] vs Earth [earth_shock, granite_barrier]; Dark ↔ Earth ×1.
  const f = fight(
    lineup(['Earth', 'earth_shock', 'granite_barrier']),
    lineup(['Dark', 'night_ambush', 'void_assimilation', 'soul_siphon']),
  );

  it('round 1: ambush 25 then shock 20', () => {
    expect(f.hp(1, D(0))).toEqual([[75], [80]]);
  });

  it('round 2: Void pays 25% of HP and deals 250% of it as true damage, ignoring Vulnerable', () => {
    // Paid floor(80 / 4) = 20 → Dark 60; true floor(20 × 2.5) = 50 → 25 (not raised by the +25%).
    expect(f.hp(2, I(0))).toEqual([[25], [60]]);
  });

  it('round 3: siphon below half HP hits 55, cut by Granite −45%', () => {
    // floor(55 × 55/100) = floor(30.25) = 30 → 25 − 30 = −5.
    expect(f.hp(3, I(0))).toEqual([[-5], [60]]);
    expect(f.result).toMatchObject({ winner: 1, steps: 3 });
  });
});

describe('Fear Whisper, both Vulnerable kinds adding up, Empowered renewal', () => {
  // Default preset. Invaders: Dark [fear_whisper, night_ambush] in front, Water [ice_branded]. Defender: Light [divine_sword].
  const f = fight(lineup(['Light', 'divine_sword']), lineup(['Dark', 'fear_whisper', 'night_ambush'], ['Water', 'ice_branded']), DEFAULT);

  it('round 1: ice 20; the sword on the front Dark is cut by Fear Whisper', () => {
    // Ice: 20 × 1 → Light 110. Sword: floor(35 × 3/2 × 90/100) = floor(47.25) = 47 → Dark 53.
    expect(f.hp(1, D(0))).toEqual([[110], [53, 100]]);
  });

  it('round 2: ambush is raised by the Ice Branded Vulnerable of round 1 (+60 points)', () => {
    // floor(25 × 3/2 × 160/100) = 60 → 50.
    expect(f.hp(2, I(0))).toEqual([[50], [53, 100]]);
  });

  it('round 4: Empowered and Fear Whisper together; the Dark is defeated and the battle goes on', () => {
    // Ice 20 → 30. Sword: floor(35 × 3/2 × 130/100 × 90/100) = floor(61.425) = 61 → 53 − 61 = −8.
    expect(f.hp(4, I(1))).toEqual([[30], [53, 100]]);
    expect(f.hp(4, D(0))).toEqual([[30], [-8, 100]]);
  });

  it('Vulnerable (Ice) and Vulnerable (Night) coexist and add up', () => {
    const r2 = f.frame(2, I(0)).events.filter((e) => e.type === 'status' && e.op === 'gain');
    expect(r2).toEqual([expect.objectContaining({ status: 'Vulnerable', source: 'night_ambush', value: 25 })]);
  });

  it('the renewed Empowered raises the round-7 sword; the Water wins in round 10', () => {
    // R7: ice 20 → 10; sword on Water (×1): floor(35 × 1.3) = 45 → 55. R10: ice 20 → −10.
    expect(f.hp(7, D(0))).toEqual([[10], [-8, 55]]);
    expect(f.result).toMatchObject({ winner: 1, steps: 10 });
    expect(f.result.summary).toMatchObject({ hp0: 0, hp1: 55, alive1: 1 });
  });
});

describe('Hell Curtain: the Reflect Shield returns what it absorbs, up to its capacity', () => {
  // Fire [hell_curtain] vs Earth [earth_shock, core_rebound]; Fire ↔ Earth ×1.
  const f = fight(lineup(['Earth', 'earth_shock', 'core_rebound']), lineup(['Fire', 'hell_curtain']));

  it('round 1: the shock is taken by the Reflect Shield and returned to the Earth', () => {
    // Curtain 45 → 55. Shock 20: shield takes 20 (30 left), Earth loses 20 → 35, Fire untouched.
    expect(f.hp(1, D(0))).toEqual([[35], [100]]);
  });

  it('round 2: Core Rebound is partly reflected until the capacity runs out', () => {
    // Store = 45 + 20 = 65 → floor(65 × 1.2) = 78; shield takes 30 → Earth 5; Fire loses 48 → 52.
    expect(f.hp(2, D(0))).toEqual([[5], [52]]);
    expect(f.frame(2, D(0)).events).toContainEqual(expect.objectContaining({ type: 'status', op: 'lose', status: 'Reflect Shield' }));
  });

  it('round 4: the curtain finishes the Earth', () => {
    expect(f.result).toMatchObject({ winner: 1, steps: 4 });
    expect(f.result.summary).toMatchObject({ hp1: 52 });
  });
});

describe('Water Barrier and Whirlpool Strangle', () => {
  // Water [water_barrier, whirlpool_strangle] vs Light [holy_glimmer]; Water ↔ Light ×1.
  const f = fight(lineup(['Light', 'holy_glimmer']), lineup(['Water', 'water_barrier', 'whirlpool_strangle']));

  it('the 5-point barrier takes part of the glimmer; whirlpool grows with the layers', () => {
    // R1: barrier (1 layer); glimmer heals 0 (full) and hits 9: Shield 5, Water 96.
    expect(f.hp(1, D(0))).toEqual([[100], [96]]);
    // R2: whirlpool 20 + 6 × 1 = 26 → 74. R4: barrier (2 layers), glimmer heals 9 → 83, Water 92. R5: 32 → 51.
    expect(f.hp(2, I(0))).toEqual([[74], [96]]);
    expect(f.hp(4, D(0))).toEqual([[83], [92]]);
    expect(f.hp(5, I(0))).toEqual([[51], [92]]);
  });

  it('round 11: the fourth layer makes a 44 whirlpool that ends it', () => {
    // R7: 60 / 88; R8: 38 → 22; R10: 31 / 84; R11: 44 → −13.
    expect(f.hp(8, I(0))).toEqual([[22], [88]]);
    expect(f.result).toMatchObject({ winner: 1, steps: 11 });
    expect(f.result.summary).toMatchObject({ hp1: 84 });
  });
});

describe('Several Shields absorb oldest first', () => {
  // Water [stream_pierce, water_barrier, abyss_resonance] vs Earth [earth_shock]; Water → Earth ×0.8, Earth → Water ×1.2.
  const f = fight(lineup(['Earth', 'earth_shock']), lineup(['Water', 'stream_pierce', 'water_barrier', 'abyss_resonance']));

  it('round 4: the older Water Barrier shield (5) goes first, then the Abyss shield takes 19 of its 20', () => {
    // R1 stream 8 / shock 24 → Water 76; R2 barrier (2 layers); R3 abyss floor(10 × 0.8) = 8, Shield 20; R4 stream 8.
    expect(f.hp(4, I(0))).toEqual([[76], [76]]);
    const absorbed = f.frame(4, D(0)).events.flatMap((e) => (e.type === 'absorb' ? [[e.source, e.amount]] : []));
    expect(absorbed).toEqual([
      ['water_barrier', 5],
      ['abyss_resonance', 19],
    ]);
    expect(f.hp(4, D(0))).toEqual([[76], [76]]);
  });

  it('a renewed shield is the newest: in round 7 the barrier of round 5 goes before the abyss of round 6', () => {
    const absorbed = f.frame(7, D(0)).events.flatMap((e) => (e.type === 'absorb' ? [[e.source, e.amount]] : []));
    expect(absorbed).toEqual([
      ['water_barrier', 5],
      ['abyss_resonance', 19],
    ]);
  });

  it('round 12: an 8-layer abyss (floor(40 × 0.8) = 32) finishes the Earth; the Water never lost HP after round 1', () => {
    expect(f.hp(10, D(0))).toEqual([[20], [76]]);
    expect(f.result).toMatchObject({ winner: 1, steps: 12 });
    expect(f.result.summary).toMatchObject({ hp1: 76 });
  });
});
