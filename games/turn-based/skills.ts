import { P, SKILL_IDS, type SkillId } from './catalogue.js';
import { idiv, pctOf, type Battle, type Fighter } from './battle.js';
import {
  BURN_SPLASH,
  BURN_WHIRL,
  DEBUFF_SLOTS,
  BUFF_SLOTS,
  EMPOWERED,
  FAITH,
  FEAR,
  GRANITE,
  LINK,
  NEXT_ROUND,
  POISON,
  QUICKSAND,
  REFLECT,
  REGEN,
  SANCTUARY,
  SEED,
  SHIELD_ABYSS,
  SHIELD_FOREST,
  SHIELD_PULSE,
  SHIELD_ROCK,
  SHIELD_WATER,
  SURGE,
  THORNS,
  TOTEM,
  VULN_ICE,
  VULN_NIGHT,
  WARMTH,
  WEAKENED,
} from './status.js';

/** A skill's effect. `t` is the first living enemy; self skills ignore it. Sub-effects run in table order (T10). */
type Run = (b: Battle, c: Fighter, t: Fighter) => void;

interface SkillAction {
  /** True when the skill is aimed at the first living enemy (for the log; self skills affect the user). */
  readonly enemy: boolean;
  readonly run: Run;
}

function layers(t: Fighter): number {
  return (t.amt[BURN_SPLASH] as number) + (t.amt[BURN_WHIRL] as number);
}

/** Full 10 % steps of max HP lost: floor(10 × (max − hp) / max). */
function tenths(c: Fighter): number {
  return idiv(10 * (c.maxHp - c.hp), c.maxHp);
}

function enemy(run: Run): SkillAction {
  return { enemy: true, run };
}

function self(run: Run): SkillAction {
  return { enemy: false, run };
}

const ACTIONS: Readonly<Record<SkillId, SkillAction>> = {
  flame_splash: enemy((b, c, t) => {
    b.hit(c, t, P.flameSplash.damage, true);
    b.apply(t, BURN_SPLASH, P.flameSplash.layers, P.flameSplash.rounds);
  }),
  residual_warmth: self((b, c) => b.apply(c, WARMTH, P.residualWarmth.bonusPct, NEXT_ROUND)),
  burst_flame_bomb: enemy((b, c, t) => {
    b.hit(c, t, P.burstFlameBomb.base + P.burstFlameBomb.perLayer * layers(t), true);
  }),
  flame_whirlwind: enemy((b, _c, t) => b.apply(t, BURN_WHIRL, P.flameWhirlwind.layers, P.flameWhirlwind.rounds)),
  magma_eruption: enemy((b, c, t) => {
    b.hit(c, t, P.magmaEruption.base + P.magmaEruption.perLayer * layers(t), true);
    b.clear(t, BURN_SPLASH);
    b.clear(t, BURN_WHIRL);
  }),
  hell_curtain: enemy((b, c, t) => {
    b.hit(c, t, P.hellCurtain.damage, true);
    b.apply(c, REFLECT, P.hellCurtain.capacity, P.hellCurtain.rounds);
  }),
  stream_pierce: enemy((b, c, t) => {
    b.hit(c, t, P.streamPierce.damage, false);
    b.addSurge(c);
  }),
  water_barrier: self((b, c) => {
    b.shield(c, SHIELD_WATER, P.waterBarrier.shield, P.waterBarrier.rounds);
    b.addSurge(c);
  }),
  whirlpool_strangle: enemy((b, c, t) => {
    b.hit(c, t, P.whirlpoolStrangle.base + P.whirlpoolStrangle.perLayer * (c.amt[SURGE] as number), false);
  }),
  ice_branded: enemy((b, c, t) => {
    b.hit(c, t, P.iceBranded.damage, false);
    b.apply(t, VULN_ICE, P.iceBranded.vulnerablePct, NEXT_ROUND);
  }),
  tsunami_ending: enemy((b, c, t) => {
    b.hit(c, t, P.tsunamiEnding.base + P.tsunamiEnding.perLayer * (c.amt[SURGE] as number), false);
    b.clear(c, SURGE);
  }),
  abyss_resonance: enemy((b, c, t) => {
    const n = c.amt[SURGE] as number;
    b.hit(c, t, P.abyssResonance.perLayer * n, false);
    b.shield(c, SHIELD_ABYSS, P.abyssResonance.shieldPerLayer * n, P.abyssResonance.rounds);
  }),
  shadow_claw: enemy((b, c, t) => {
    const dealt = b.hit(c, t, P.shadowClaw.damage, false);
    b.heal(c, pctOf(dealt, P.shadowClaw.healPct), 'drain');
  }),
  fear_whisper: self((b, c) => b.apply(c, FEAR, P.fearWhisper.reductionPct, P.fearWhisper.rounds)),
  soul_siphon: enemy((b, c, t) => {
    const low = t.hp * 100 < P.soulSiphon.belowPct * t.maxHp;
    b.hit(c, t, low ? P.soulSiphon.lowDamage : P.soulSiphon.damage, false);
  }),
  night_ambush: enemy((b, c, t) => {
    b.hit(c, t, P.nightAmbush.damage, false);
    b.apply(t, VULN_NIGHT, P.nightAmbush.vulnerablePct, NEXT_ROUND);
  }),
  final_announcement: enemy((b, c, t) => {
    b.hit(c, t, P.finalAnnouncement.base + P.finalAnnouncement.perTenPct * tenths(t), false);
  }),
  void_assimilation: enemy((b, c, t) => {
    const paid = pctOf(c.hp, P.voidAssimilation.sacrificePct);
    const dealt = pctOf(paid, P.voidAssimilation.truePct);
    b.lose(c, paid, 'sacrifice');
    if (dealt > 0) {
      b.damaging = true;
      b.lose(t, dealt, 'true');
    }
  }),
  bud_healing: self((b, c) => b.apply(c, REGEN, P.budHealing.heal, P.budHealing.rounds)),
  parasitic_seed: enemy((b, c, t) => {
    b.hit(c, t, P.parasiticSeed.damage, false);
    b.apply(t, SEED, P.parasiticSeed.backlash, P.parasiticSeed.rounds);
  }),
  life_totem: self((b, c) => {
    b.heal(c, P.lifeTotem.heal, 'heal');
    b.apply(c, TOTEM, P.lifeTotem.bonusPct, P.lifeTotem.rounds);
  }),
  natural_purification: enemy((b, c, t) => {
    b.clearAll(c, DEBUFF_SLOTS);
    b.hit(c, t, P.naturalPurification.damage, false);
  }),
  forest_reincarnation: enemy((b, c, t) => {
    const overflow = b.heal(c, P.forestReincarnation.heal, 'heal');
    b.shield(c, SHIELD_FOREST, pctOf(overflow, P.forestReincarnation.shieldPct), P.forestReincarnation.rounds);
    b.hit(c, t, P.forestReincarnation.damage, false);
  }),
  poison_vine: enemy((b, _c, t) => b.apply(t, POISON, P.poisonVine.perRound, P.poisonVine.rounds)),
  rock_armor: self((b, c) => {
    b.shield(c, SHIELD_ROCK, P.rockArmor.shield, P.rockArmor.rounds);
    b.apply(c, THORNS, P.rockArmor.thorns, P.rockArmor.rounds);
  }),
  earth_shock: enemy((b, c, t) => {
    b.hit(c, t, P.earthShock.damage, false);
  }),
  granite_barrier: self((b, c) => b.apply(c, GRANITE, P.graniteBarrier.reductionPct, P.graniteBarrier.rounds)),
  quicksand_trap: self((b, c) => b.apply(c, QUICKSAND, P.quicksandTrap.charges, P.quicksandTrap.rounds)),
  earth_pulse: enemy((b, c, t) => {
    const amount = P.earthPulse.perTenPct * tenths(c);
    b.shield(c, SHIELD_PULSE, amount, 0);
    b.hit(c, t, amount, false);
  }),
  core_rebound: enemy((b, c, t) => {
    b.hit(c, t, pctOf(c.store, P.coreRebound.pct), false);
    c.store = 0;
  }),
  holy_glimmer: enemy((b, c, t) => {
    b.clearLatest(c, DEBUFF_SLOTS);
    b.heal(c, P.holyGlimmer.heal, 'heal');
    b.hit(c, t, P.holyGlimmer.damage, false);
  }),
  faith_emblem: self((b, c) => b.apply(c, FAITH, 1, 0)),
  divine_link: self((b, c) => b.apply(c, LINK, 1, 0)),
  luminous_dispel: enemy((b, _c, t) => {
    b.clearLatest(t, BUFF_SLOTS);
    b.apply(t, WEAKENED, P.luminousDispel.weakenPct, P.luminousDispel.rounds);
  }),
  angelic_sanctuary: self((b, c) => b.apply(c, SANCTUARY, P.angelicSanctuary.flat, P.angelicSanctuary.rounds)),
  divine_sword: enemy((b, c, t) => {
    b.hit(c, t, P.divineSword.damage, false);
    b.apply(c, EMPOWERED, P.divineSword.bonusPct, 0);
  }),
};

/** Skill actions indexed like SKILL_IDS. */
export const SKILL_ACTIONS: readonly SkillAction[] = SKILL_IDS.map((id) => ACTIONS[id]);
