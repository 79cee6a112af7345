import { P, type SkillId } from './catalogue.js';

/** One sentence group per skill, written from the catalogue numbers. "You" is the user, "the target" the front enemy. */
export const SKILL_TEXT: Readonly<Record<SkillId, string>> = {
  flame_splash:
    `Hit for ${P.flameSplash.damage}. The target gains Burning: ${P.flameSplash.layers} layer for ` +
    `${P.flameSplash.rounds} rounds.`,
  residual_warmth:
    `You gain Warmth: +${P.residualWarmth.bonusPct}% on your next damaging Fire skill, until used or until the ` +
    `end of the next round.`,
  burst_flame_bomb: `Hit for ${P.burstFlameBomb.base} + ${P.burstFlameBomb.perLayer} per Burning layer on the target.`,
  flame_whirlwind: `No hit. The target gains Burning: ${P.flameWhirlwind.layers} layers for ${P.flameWhirlwind.rounds} rounds.`,
  magma_eruption: `Hit for ${P.magmaEruption.base} + ${P.magmaEruption.perLayer} per Burning layer on the target, then all Burning on the target is removed.`,
  hell_curtain:
    `Hit for ${P.hellCurtain.damage}. You gain Reflect Shield for ${P.hellCurtain.rounds} rounds: it takes up to ` +
    `${P.hellCurtain.capacity} damage of direct hits in total, and the attacker loses as much HP as it takes.`,
  stream_pierce: `Hit for ${P.streamPierce.damage}. You gain 1 Tidal Surge layer.`,
  water_barrier: `You gain a ${P.waterBarrier.shield}-point Shield for ${P.waterBarrier.rounds} rounds, then 1 Tidal Surge layer.`,
  whirlpool_strangle: `Hit for ${P.whirlpoolStrangle.base} + ${P.whirlpoolStrangle.perLayer} per Tidal Surge layer you have.`,
  ice_branded:
    `Hit for ${P.iceBranded.damage}. The target gains Vulnerable (Ice Branded): +${P.iceBranded.vulnerablePct}% damage ` +
    `taken until the end of the next round (it does not raise this hit).`,
  tsunami_ending: `Hit for ${P.tsunamiEnding.base} + ${P.tsunamiEnding.perLayer} per Tidal Surge layer you have, then you lose all your Tidal Surge.`,
  abyss_resonance:
    `With L = your Tidal Surge layers (you keep them): hit for ${P.abyssResonance.perLayer} × L, then gain a Shield of ` +
    `${P.abyssResonance.shieldPerLayer} × L for ${P.abyssResonance.rounds} rounds. With L = 0 nothing happens.`,
  shadow_claw:
    `Hit for ${P.shadowClaw.damage}, then heal ${P.shadowClaw.healPct}% (rounded down) of the HP the hit removed from ` +
    `the target, damage beyond its remaining HP included.`,
  fear_whisper: `You gain Fear Whisper: −${P.fearWhisper.reductionPct}% damage taken for ${P.fearWhisper.rounds} rounds.`,
  soul_siphon:
    `Hit for ${P.soulSiphon.damage}, or for ${P.soulSiphon.lowDamage} if the target's HP is below ` +
    `${P.soulSiphon.belowPct}% of its maximum before the hit.`,
  night_ambush:
    `Hit for ${P.nightAmbush.damage}. The target gains Vulnerable (Night Ambush): +${P.nightAmbush.vulnerablePct}% ` +
    `damage taken until the end of the next round (it does not raise this hit).`,
  final_announcement:
    `Hit for ${P.finalAnnouncement.base} + ${P.finalAnnouncement.perTenPct} per full 10% of its maximum HP that the ` +
    `target has lost.`,
  void_assimilation:
    `You lose ${P.voidAssimilation.sacrificePct}% of your current HP (rounded down); the target takes true damage ` +
    `equal to ${P.voidAssimilation.truePct}% of that amount (rounded down).`,
  bud_healing: `You gain Regen: heal ${P.budHealing.heal} at the end of each round, for ${P.budHealing.rounds} rounds.`,
  parasitic_seed:
    `Hit for ${P.parasiticSeed.damage}. The target gains Seed for ${P.parasiticSeed.rounds} rounds: after each of its ` +
    `actions with a damaging skill, it loses ${P.parasiticSeed.backlash} HP.`,
  life_totem:
    `Heal ${P.lifeTotem.heal}, then gain Life Totem: heals you receive are raised by ${P.lifeTotem.bonusPct}% ` +
    `(rounded down) for ${P.lifeTotem.rounds} rounds.`,
  natural_purification: `Remove all your debuffs, then hit for ${P.naturalPurification.damage}.`,
  forest_reincarnation:
    `Heal ${P.forestReincarnation.heal}; ${P.forestReincarnation.shieldPct}% (rounded down) of the heal beyond your ` +
    `maximum HP becomes a Shield for ${P.forestReincarnation.rounds} rounds. Then hit for ${P.forestReincarnation.damage}.`,
  poison_vine: `No hit. The target gains Poison: ${P.poisonVine.perRound} damage at the end of each round, for ${P.poisonVine.rounds} rounds.`,
  rock_armor:
    `You gain a ${P.rockArmor.shield}-point Shield, then Thorns, both for ${P.rockArmor.rounds} rounds. Thorns: each ` +
    `direct hit on you that deals damage costs its attacker ${P.rockArmor.thorns} HP.`,
  earth_shock: `Hit for ${P.earthShock.damage}.`,
  granite_barrier: `You gain Granite: −${P.graniteBarrier.reductionPct}% damage taken for ${P.graniteBarrier.rounds} rounds.`,
  quicksand_trap:
    `You gain Quicksand for ${P.quicksandTrap.rounds} rounds with ${P.quicksandTrap.charges} charges: each direct hit ` +
    `on you that deals damage uses a charge, ${P.quicksandTrap.delayPct}% of its damage (rounded down) is postponed ` +
    `to the end of the next round, and its attacker loses ${P.quicksandTrap.backlash} HP.`,
  earth_pulse:
    `With L = the full 10% steps of your maximum HP that you have lost: gain a Shield of ${P.earthPulse.perTenPct} × L ` +
    `with no time limit, then hit for ${P.earthPulse.perTenPct} × L. With L = 0 nothing happens.`,
  core_rebound:
    `Hit for ${P.coreRebound.pct}% (rounded down) of all the HP you have lost since the battle began or since your ` +
    `last Core Rebound; that count then restarts at 0 (no hit when it is 0).`,
  holy_glimmer: `Remove your most recent debuff, heal ${P.holyGlimmer.heal}, then hit for ${P.holyGlimmer.damage}.`,
  faith_emblem:
    `You gain Faith Emblem until triggered: the next direct hit on you that deals damage loses ` +
    `${P.faithEmblem.preventPct}% of it (rounded down), you heal that amount, and the attacker loses ` +
    `${P.faithEmblem.backlash} HP.`,
  divine_link: `You gain Divine Link until triggered: the next direct hit on you that deals damage is dealt to its attacker as HP loss instead of to you.`,
  luminous_dispel:
    `No hit. Remove the target's most recent buff; the target gains Weakened: −${P.luminousDispel.weakenPct}% ` +
    `damage dealt for ${P.luminousDispel.rounds} rounds.`,
  angelic_sanctuary:
    `You gain Sanctuary: each direct hit on you deals ${P.angelicSanctuary.flat} less (not below 0), for ` +
    `${P.angelicSanctuary.rounds} rounds.`,
  divine_sword: `Hit for ${P.divineSword.damage}, then gain Empowered: +${P.divineSword.bonusPct}% on your next damaging skill, until used.`,
};
