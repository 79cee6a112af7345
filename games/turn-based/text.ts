import { norm } from '../core/norm.js';
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import {
  BEATS,
  CHARACTERS_PER_SIDE,
  EFFECTIVE,
  LIGHT_DARK,
  P,
  RESISTED,
  ROUND_CAP,
  SIDE_ELEMENTS,
  SKILLS_PER_CHARACTER,
  elementSkills,
  type SkillInfo,
} from './catalogue.js';
import { SKILL_TEXT } from './skill-text.js';
import { STATUSES } from './status.js';
import { hpOf } from './types.js';
import { PLAN_KEYS } from './validate.js';

const LABEL = ['Defender', 'Invader'] as const;

const EXAMPLES = [
  {
    defenders: [
      { element: 'Wood', skills: ['bud_healing', 'parasitic_seed', 'life_totem'] },
      { element: 'Earth', skills: ['rock_armor', 'earth_shock', 'granite_barrier'] },
      { element: 'Light', skills: ['holy_glimmer', 'faith_emblem', 'divine_link'] },
    ],
  },
  {
    invaders: [
      { element: 'Fire', skills: ['flame_splash', 'residual_warmth', 'burst_flame_bomb'] },
      { element: 'Dark', skills: ['shadow_claw', 'soul_siphon', 'night_ambush'] },
      { element: 'Water', skills: ['stream_pierce', 'whirlpool_strangle', 'ice_branded'] },
    ],
  },
] as const;

/** A short valid reply for the side (one character per element, three skills each). */
export function exampleJson(side: SideIndex): string {
  return JSON.stringify(EXAMPLES[side]);
}

function factor(f: readonly [number, number]): string {
  return String(f[0] / f[1]);
}

function skillLine(skill: SkillInfo): string {
  return `- ${skill.id} ("${skill.display}", ${skill.element}, cost ${skill.cost}): ${SKILL_TEXT[skill.id]}`;
}

/**
 * The skill lines of a side grouped by element, cheapest first. `only` keeps the skills whose catalogue name
 * (or any spelling with the same normalised form) is in the set.
 */
export function catalogueText(side: SideIndex, _config: PlanGameConfig, only?: ReadonlySet<string>): string {
  const wanted = only === undefined ? null : new Set([...only].map(norm));
  const blocks: string[] = [];
  for (const element of SIDE_ELEMENTS[side]) {
    const skills = elementSkills(element).filter((s) => wanted === null || wanted.has(norm(s.id)));
    if (skills.length > 0) blocks.push([`${element} skills:`, ...skills.map(skillLine)].join('\n'));
  }
  return blocks.join('\n');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The complete rules for a model playing `side`, generated from the catalogue numbers and the config. */
export function rulesText(side: SideIndex, config: PlanGameConfig): string {
  const other: SideIndex = side === 0 ? 1 : 0;
  const key = PLAN_KEYS[side];
  const mine = SIDE_ELEMENTS[side].join(', ');
  const beats = BEATS.map(([a, b]) => `${a} beats ${b}`).join(', ');
  const buffs = unique(STATUSES.filter((s) => !s.debuff).map((s) => s.type)).join(', ');
  const debuffs = unique(STATUSES.filter((s) => s.debuff).map((s) => s.type)).join(', ');
  const elementLines = [...SIDE_ELEMENTS[0], ...SIDE_ELEMENTS[1]].map(
    (element) => `- ${element}: ${elementSkills(element).map((s) => s.id).join(', ')}`,
  );
  const sections = [
    `TURN-BASED BATTLE
Two teams of up to ${CHARACTERS_PER_SIDE} characters fight a battle that runs by itself once both plans are in. The Defenders use the elements ${SIDE_ELEMENTS[0].join(', ')}; the Invaders use ${SIDE_ELEMENTS[1].join(', ')}. You play the ${LABEL[side]} side. The battle has no randomness.`,

    `YOUR PLAN
- Reply with one JSON object {"${key}": [...]} whose list holds your characters, each {"element": "<one of ${mine}>", "skills": ["<skill>", ...]}. Other keys are ignored. Example:
${exampleJson(side)}
- At most one character per element. List order is battle order: the first character is the front.
- A character has up to ${SKILLS_PER_CHARACTER} different skills of its own element and uses them in a fixed cycle in the listed order: 1st, 2nd, 3rd, 1st, ... Missing skills are empty slots at the end of the cycle, where the character does nothing. A character without skills still fights: it can be attacked.
- Names ignore letter case and everything except letters and digits: "Flame Splash", "flame_splash" and "FLAME-SPLASH" are the same skill, and "fire" is Fire.
- Cost: the sum of the costs of every entry, anywhere in your list, that names a skill of your side, even when that entry is then not used. Characters themselves are free.
- Not used, but still charged when they name skills of your side: a character whose element is not one of yours or repeats an earlier character's element (with all its skills); a skill of another element than its character's; a repeat of a skill the character already has; skills after the character's first ${SKILLS_PER_CHARACTER} usable ones.
- Free and ignored: names that are not skills of your side, list entries that are not objects, characters whose "element" is not text or whose "skills" is not a list (with everything in them), and skills that are not text.
- If your reply cannot be read as JSON, is not an object, or has no "${key}" list, your plan is empty: cost 0 and no characters.
- Budgets: ${LABEL[side]} ${config.budgets[side]}, ${LABEL[other]} ${config.budgets[other]}. If exactly one side's plan costs more than its budget, that side loses the round whatever happens in the battle. If both do, the side whose overrun is the smaller fraction of its budget wins; equal fractions mean nobody wins.`,

    `CHARACTERS AND ROUNDS
- Every Defender character starts with ${hpOf(config, 0)} HP and every Invader character with ${hpOf(config, 1)} HP; that is also its maximum HP, and healing never goes above it.
- A character is defeated the moment its HP is 0 or less. Defeated characters never act again, are never targeted, and take no more damage, healing or statuses.
- Each round: every living Invader acts in list order, then every living Defender in list order, then the end-of-round phase runs. An action uses the next slot of the character's cycle.
- Skills aimed at the enemy ("the target" in the skill lines) always go to the first living character of the enemy list. The other skills affect the user ("you").`,

    `DIRECT HITS
"Hit for B" is a direct hit with base damage B from attacker A on target T, resolved in this order:
1. Element factor E, A's element against T's: ${beats}. E = ${factor(EFFECTIVE)} when A's element beats T's, ${factor(RESISTED)} when T's element beats A's; Light and Dark: ${factor(LIGHT_DARK)} against each other, both ways; any other pair: 1.
2. Attacker bonus O, percent points added up: +${P.residualWarmth.bonusPct} Warmth (Fire skills only), +${P.divineSword.bonusPct} Empowered, −${P.luminousDispel.weakenPct} Weakened. Warmth and Empowered are used up by the hit they raise.
3. Target modifier I, percent points added up: +${P.iceBranded.vulnerablePct} Vulnerable (Ice Branded), +${P.nightAmbush.vulnerablePct} Vulnerable (Night Ambush), −${P.fearWhisper.reductionPct} Fear Whisper, −${P.graniteBarrier.reductionPct} Granite.
4. Damage = B × E × (100 + O)/100 × (100 + I)/100, computed exactly and rounded down once (100 + O and 100 + I count as 0 if negative).
5. Sanctuary on T: damage − ${P.angelicSanctuary.flat}, not below 0.
6. If the damage is above 0:
   a. Divine Link on T: it is used up; A loses HP equal to the damage and T takes nothing (skip b–f).
   b. Faith Emblem on T: it is used up; F = ${P.faithEmblem.preventPct}% of the damage, rounded down; the damage drops by F, T heals F, and A loses ${P.faithEmblem.backlash} HP.
   c. Quicksand on T: one charge is used (Quicksand is gone at 0 charges); Q = ${P.quicksandTrap.delayPct}% of the damage, rounded down; the damage drops by Q, T loses Q HP at the end of the next round (even if Quicksand is gone by then), and A loses ${P.quicksandTrap.backlash} HP, even when Q is 0.
   d. Reflect Shield on T takes as much of the damage as its remaining capacity allows, and A loses that much HP.
   e. T's Shields take what is left, oldest first.
   f. T loses the rest as HP.
   g. Thorns on T: A loses ${P.rockArmor.thorns} HP, whatever a–f did.
- A skill is damaging in an action when it made a hit with B above 0 or dealt true damage above 0. Only damaging skills use up Warmth and Empowered or trigger Seed. A base of 0 makes no hit at all.
- HP loss that is not a hit (reflected damage, Divine Link, Thorns, Seed, Faith Emblem and Quicksand backlash, postponed Quicksand damage, Burning, Poison, Void Assimilation's cost) and true damage are plain: no element factor, no modifiers, no shields, and they trigger nothing.
- Heals are raised by ${P.lifeTotem.bonusPct}% (rounded down) under Life Totem, then capped at maximum HP; the excess is lost, except for Forest Reincarnation.
- The parts of a skill happen in the order its line gives. Its statuses and other side effects happen even when its hit was absorbed, returned or made no damage.`,

    `STATUSES
- Buffs: ${buffs}. Debuffs: ${debuffs}.
- Each skill gives its own status: the same skill cast again replaces its earlier status (new value and duration), while statuses from different skills exist side by side and add up (two kinds of Vulnerable, several Shields). Each Burning skill's status is a stack of layers with its own duration; Burning layers count over all stacks. Tidal Surge is one counter: +1 layer each time, no time limit, lost only when cleared or removed.
- "For N rounds": the round in which it is gained counts as the first; it is removed in the end-of-round phase of the N-th round, after that phase's damage and healing, so an over-time effect acts N times. "Until the end of the next round" means for 2 rounds. Empowered, Faith Emblem and Divine Link last until used; Earth Pulse's Shield has no time limit.
- A Shield or Reflect Shield brought down to 0 is gone. A Shield worth 0 is not created.
- "Most recent" buff or debuff: the status gained or renewed last (Tidal Surge counts as renewed at each new layer and is removed whole; each Burning stack counts on its own).`,

    `END OF ROUND
Each living character, Invaders first and then Defenders, in list order: Burning deals ${P.burningPerLayer} per layer (stack by stack), then Poison its damage, then any postponed Quicksand damage that is due, then Regen heals; then that character's statuses whose time is up are removed.`,

    `WINNING
- After every action and after every end-of-round phase: if neither side has a living character, the Defenders win; if one side has none, the other side wins.
- A side without any usable character at the start loses at once; if neither side has one, the Defenders win.
- If nobody has won after round ${ROUND_CAP}, the side whose living characters have more HP in total wins; equal totals: the Defenders win.`,

    `ELEMENTS AND THEIR SKILLS\n${elementLines.join('\n')}`,

    `${LABEL[other].toUpperCase()} SKILLS (yours are in your catalogue)\n${catalogueText(other, config)}`,
  ];
  return sections.join('\n\n');
}
