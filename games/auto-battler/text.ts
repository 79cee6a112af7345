import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { ELEMENT_BONUS_DEN, ELEMENT_BONUS_NUM, ELEMENT_WHEEL, GOLD_COST_FACTOR, ROSTER, type UnitSpec } from './catalogue.js';
import { SIDES, abRules, priorityKey } from './config.js';

export { catalogueText } from './catalogue-text.js';

const EXAMPLES: readonly [unknown, unknown] = [
  {
    defenders: [
      { name: 'RockBeetle', tier: 'Bronze' },
      { name: 'Paladin', tier: 'Gold' },
      { name: 'Sapling', tier: 'Bronze' },
    ],
    target_priority_for_defenders: ['Phoenix', 'FireLizard'],
  },
  {
    invaders: [
      { name: 'FireLizard', tier: 'Bronze' },
      { name: 'Phoenix', tier: 'Gold' },
    ],
    target_priority_for_invaders: ['MountainGiant', 'RockBeetle'],
  },
];

/** A short valid example reply for a side (within budget 20). */
export function exampleJson(side: SideIndex): string {
  return JSON.stringify(EXAMPLES[side]);
}

function elementList(units: readonly UnitSpec[]): string {
  return units.map((u) => `${u.name} ${u.element}${u.summon ? ' (summoned only)' : ''}`).join(', ');
}

function wheelText(): string {
  return ELEMENT_WHEEL.map((e, i) => `${e} beats ${ELEMENT_WHEEL[(i + 1) % ELEMENT_WHEEL.length] ?? ''}`).join(', ');
}

/**
 * The rules a model playing `side` reads (the catalogues come separately from `catalogueText`). Every rule the
 * simulator applies is stated here or in a catalogue line; numbers come from the catalogue constants and the config.
 */
export function rulesText(side: SideIndex, config: PlanGameConfig): string {
  const me = SIDES[side];
  const foe = SIDES[side === 0 ? 1 : 0];
  const { maxUnits, maxTurns } = abRules(config);
  const [b0, b1] = config.budgets;
  const bonus = ELEMENT_BONUS_NUM / ELEMENT_BONUS_DEN;
  const pk = priorityKey(side);
  return [
    `AUTO-BATTLER. You play the ${me.label} side; your opponent plays the ${foe.label} side.`,
    'Each side buys an army within its budget and lines it up. The battle is then played out automatically by fixed rules,',
    'with no randomness. You decide only which units to buy, their order, their tiers and which enemies to attack first.',
    '',
    'YOUR REPLY',
    'Reply with one JSON object (you may put it in a ```json code block), for example:',
    exampleJson(side),
    `- "${me.planKey}": your units, listed left to right as they will stand. Each is {"name": <unit name>, "tier": "Bronze" or "Gold"};`,
    '  "tier" may be left out (Bronze).',
    `- "${pk}" (optional): names of ${foe.label} units, most wanted target first (see TARGETING). Entries that are`,
    `  not ${foe.label} unit names (summoned units count) are ignored; a value that is not a list is ignored.`,
    '- Names are compared after turning A-Z into a-z and dropping every character other than a-z and 0-9:',
    '  "fire lizard", "FIRE_LIZARD" and "FireLizard" are the same. A tier that reads "gold" in the same way is Gold;',
    '  any other tier, or none, is Bronze.',
    '- Other keys are ignored. A reply that cannot be parsed as JSON, is not a JSON object, or whose',
    `  "${me.planKey}" is missing or not a list counts as an empty plan: no units, cost 0.`,
    '',
    'BUDGET AND COST',
    `- Budgets: Defender ${b0}, Invader ${b1}. Yours is ${side === 0 ? b0 : b1}.`,
    `- A unit costs its catalogue cost as Bronze and ${GOLD_COST_FACTOR} times that as Gold.`,
    `- Every listed unit of your catalogue is paid for. Only the first ${maxUnits} of them fight; the others are ignored`,
    '  but still paid for.',
    '- Anything else in your list costs nothing and is ignored: unknown or misspelt names, enemy units, the summoned',
    '  Skeleton and Soldier (they cannot be bought), and entries that are not objects with a text "name".',
    '- After the battle the budget rule decides: if exactly one side spent more than its budget, that side loses whatever',
    '  happened in the battle. If both did, the side whose overspend is the smaller share of its budget wins; equal',
    '  shares mean nobody wins. Otherwise the battle result stands.',
    '',
    'TIERS',
    '- Gold doubles Attack, Health and every number in the unit\'s ability (its catalogue line gives the Gold values).',
    '- Gold never changes how many times something happens: a Gold TideGuardian attacks twice, a Gold Phoenix returns',
    '  once, and each trigger summons one unit. A Gold ShadowOverlord\'s Skeleton and a Gold King\'s Soldier have doubled',
    '  stats; the RockBeetle of a StoneWarrior is always Bronze.',
    '',
    'ELEMENTS',
    `- ${wheelText()}. Guardian and Rogue neither beat nor are beaten.`,
    `- An attack hit on a unit whose element the attacker's element beats deals ${bonus} times the attacker's Attack,`,
    '  rounded down. This applies to every attack hit (both TideGuardian attacks, Phoenix\'s target and its splash),',
    '  never to carried damage, death effects or burn.',
    `- Defender units: ${elementList(ROSTER[0])}.`,
    `- Invader units: ${elementList(ROSTER[1])}.`,
    '',
    'BATTLE',
    `1. Each side's units stand in a line, left to right in list order. A line never holds more than ${maxUnits} units.`,
    '2. Start of battle: the start effects (ForestSeer, AncientTreant, BlackRock, EliteSoldier) apply. Gaining Health',
    '   raises current and maximum Health alike.',
    '3. A side with no units now loses; if neither side has units, the Invader wins.',
    '4. The side with more units takes the first turn; with equal numbers the Invader does. Then the sides alternate.',
    '5. Attackers: a side\'s first attacker is its leftmost unit. Afterwards it attacks with the unit right of its previous',
    '   attacker, going back to its leftmost unit after its last one. Units added or removed further left do not change',
    '   this order. A unit summoned directly right of the previous attacker (a King\'s Soldier), or into the place of a',
    '   previous attacker that died, attacks next.',
    '6. A turn of a unit:',
    '   a. Burn: a burned unit first takes its burn damage (a hit from no unit). Then dead units are resolved (rule 9);',
    '      if the unit died, its turn ends.',
    '   b. Attack: growth (WaterElemental, Sapling); it picks a target (TARGETING) and hits it (Phoenix also hits the',
    '      target\'s neighbours); the target\'s reactions (LavaGolem, MountainGiant); BanditLeader\'s carry; after-attack',
    '      effects (BattleFrenzy, King). Then dead units are resolved (rule 9). A TideGuardian then attacks a second',
    '      time if the battle goes on.',
    '   c. Targets never strike back.',
    '7. Hits: a hit of 0 damage does nothing at all. A unit with Divine Shield loses the shield instead of the Health',
    '   (for any hit: attack, splash, carry, death effect or burn), and every other Paladin of its side gains Attack.',
    '   Otherwise the hit takes that much Health.',
    '8. Death effects (Deathrattle) happen when a unit is removed. Summons appear in the dead unit\'s place, or right of',
    `   the King, only while the line has fewer than ${maxUnits} units. Summoned units fight from the moment they appear.`,
    '9. Resolving dead units: units at 0 Health or less are handled in passes. Each pass takes every such unit present',
    '   at its start: the acting side\'s left to right, then the other side\'s. A Phoenix that has not returned yet comes',
    '   back at full Health in place; every other one is removed and its death effect happens. Death effects affect only',
    '   units above 0 Health; units they kill are handled by the next pass. Passes repeat until no unit is at 0 or less.',
    '10. After every resolution: a side with no units left loses; if both sides have none, the Invader wins.',
    `11. Turn limit: if nobody has won after ${maxTurns} turns (each side's turn counts as one, even one that ended in a`,
    '    burn death), the side with more total Health (the sum over its units on the board) wins; on equal totals the',
    '    Invader wins.',
    '',
    'TARGETING',
    '- If any living enemy has Taunt, only enemies with Taunt can be picked.',
    `- Among those, the attacker picks the one whose name comes earliest in its side's priority list ("${pk}" for you),`,
    '  the leftmost one among several of that name. If none of them is listed, or there is no list, it picks the leftmost.',
    '',
    'Unit abilities and costs are in the catalogues.',
  ].join('\n');
}
