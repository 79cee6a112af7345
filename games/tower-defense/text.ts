/**
 * Player-facing text, generated from the catalogue constants and the config so that it states exactly the rules
 * the simulator applies (SPEC §2.6 and §2.8: every [CHOICE], cap and tie rule is in here).
 */
import type { PlanGameConfig, SideIndex } from '../core/plan-game.js';
import {
  BURN_DURATION_MS,
  BURN_PERIOD_MS,
  CELL,
  COLUMNS,
  DEMON_MELEE_INTERVAL_MS,
  DEMONS,
  HUMANS,
  LANES,
  MACHINE_ACTIVE_SPEED,
  MACHINE_FACTOR_TENTHS,
  MAX_SPAWN_MS,
  MOVE_PER_SPEED,
  SHIELD_BREAKER_FACTOR,
  SHIELD_FACTOR_TENTHS,
  SLOW_DURATION_MS,
  SUMMON_PERIOD_MS,
  TICK_MS,
  TIME_CAP_MS,
  type DemonSpec,
  type HumanSpec,
} from './catalogue.js';

const LABELS = ['Human', 'Demon'] as const;
const KEYS = ['humans', 'demons'] as const;
const LAST_COL = COLUMNS - 1;
const LAST_LANE = LANES - 1;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** Cells per second per speed point, as a reduced fraction (11/28 with the normative constants). */
const SPEED_NUM = MOVE_PER_SPEED * (1000 / TICK_MS);
const SPEED_G = gcd(SPEED_NUM, CELL);
const CELLS_PER_SECOND = `${SPEED_NUM / SPEED_G}/${CELL / SPEED_G}`;
const CROSS_SECONDS = (COLUMNS * CELL) / (2 * MOVE_PER_SPEED) / (1000 / TICK_MS);
const factor = (tenths: number): string => `×${tenths / 10} (${100 - tenths * 10}% less)`;

const nameOf = (kind: string): string => DEMONS.find((d) => d.special === kind)?.name ?? kind;
const NORMAL_SHOOTERS = HUMANS.filter((h) => h.damageType === 'normal').map((h) => h.name).join(', ');
const AIR_SHOOTERS = HUMANS.filter((h) => h.airOnly).map((h) => h.name).join(', ');

function humanLine(h: HumanSpec): string {
  const head = `- ${h.name}: cost ${h.cost}, HP ${h.hp}.`;
  switch (h.role) {
    case 'shooter': {
      const targets = h.airOnly ? 'flying demons only' : 'non-flying demons';
      const extra = h.onHit === 'burn' ? ' The target starts burning (see Burn).' : h.onHit === 'slow' ? ' The target is slowed (see Slow).' : '';
      return `${head} Shooter: every ${h.intervalMs} ms, ${h.damage} ${h.damageType ?? ''} damage to ${targets}.${extra}`;
    }
    case 'wall':
      return `${head} Blocks only (a shield unit).${h.unjumpable ? ` A ${nameOf('bouncing')} cannot jump it.` : ''}`;
    case 'explosive':
      return `${head} ${h.intervalMs} ms after it appears: ${h.damage} ${h.damageType ?? ''} damage to every non-flying demon anywhere in its lane, then it disappears (one use). Until then it blocks and can be hit like any unit.`;
    case 'magnetic':
      return `${head} Magnetic pulse (see below), at most once per ${h.intervalMs} ms; deals no damage.`;
  }
}

function demonSpecial(d: DemonSpec): string {
  switch (d.special) {
    case 'none':
      return '';
    case 'shield':
      return ` Takes normal damage ${factor(SHIELD_FACTOR_TENTHS)} until a magnetic pulse hits it.`;
    case 'machine':
      return ` Takes every damage type except explosion ${factor(MACHINE_FACTOR_TENTHS)} until a magnetic pulse hits it; from the first time it loses HP it moves at speed ${MACHINE_ACTIVE_SPEED}.`;
    case 'bouncing':
      return ' Once, jumps over the first unit it faces (not an EnhancedShieldSoldier).';
    case 'shieldBreaker':
      return ` Deals ×${SHIELD_BREAKER_FACTOR} damage to shield units (${HUMANS.filter((h) => h.shieldUnit).map((h) => h.name).join(', ')}).`;
    case 'fireImmune':
      return ' Takes no fire damage and never burns.';
    case 'iceImmune':
      return ' Takes no ice damage and is never slowed.';
    case 'flying':
      return ' Flies over every unit: never stops, never attacks; only air damage hurts it.';
    case 'summoning':
      return ` Every ${SUMMON_PERIOD_MS} ms summons a ${DEMONS[0]?.name ?? ''} one cell ahead of itself.`;
  }
}

function demonLine(d: DemonSpec): string {
  const attack = d.damage > 0 ? `damage ${d.damage}` : 'no attack';
  return `- ${d.name}: cost ${d.cost}, HP ${d.hp}, speed ${d.speed}, ${attack}.${demonSpecial(d)}`;
}

export function catalogueText(side: SideIndex, _config: PlanGameConfig, only?: ReadonlySet<string>): string {
  const lines = side === 0 ? HUMANS.map((h) => ({ name: h.name, line: humanLine(h) })) : DEMONS.map((d) => ({ name: d.name, line: demonLine(d) }));
  return lines
    .filter((l) => only === undefined || only.has(l.name))
    .map((l) => l.line)
    .join('\n');
}

export function exampleJson(side: SideIndex): string {
  return side === 0
    ? '{"humans": [{"name": "RifleSoldier", "x": 2, "y": 1, "spawn_time": 0}, {"name": "ShieldSoldier", "x": 3, "y": 1, "spawn_time": 0}]}'
    : '{"demons": [{"name": "GreatDemon", "y": 3, "spawn_time": 0}, {"name": "SpeedyDemon", "y": 3, "spawn_time": 2000}]}';
}

export function rulesText(side: SideIndex, config: PlanGameConfig): string {
  const me = LABELS[side];
  const other: SideIndex = side === 0 ? 1 : 0;
  const key = KEYS[side];
  const [hb, db] = config.budgets;
  const unitFields = side === 0 ? '"name", "x", "y" and "spawn_time"' : '"name", "y" and "spawn_time" (an "x" is ignored)';
  return `TOWER DEFENSE. You command the ${me} side. Budgets: Human ${hb}, Demon ${db}. Your budget is ${config.budgets[side]}.

BATTLEFIELD
- ${LANES} lanes, y = 0 to ${LAST_LANE}. Humans place stationary units in columns x = 0 to ${LAST_COL}; a unit in column x covers the span from x to x + 1 cells. Each cell holds at most one Human unit.
- Demons enter at column ${COLUMNS} (their left edge at the right edge of column ${LAST_COL}) and walk left along their lane. A demon covers one cell's length to the right of its left edge.
- Lanes are independent: nothing in one lane affects another.

YOUR REPLY
- Reply with one JSON object: {"${key}": [ ... ]}, each unit an object with ${unitFields}. Example: ${exampleJson(side)}
- You may wrap the JSON in a \`\`\`json code block. A reply that cannot be read as JSON, or whose JSON is not an object with a "${key}" list, counts as an empty plan (for an initial plan you are asked again). Other keys are ignored.
- Names match ignoring letter case and every character other than letters and digits ("rifle soldier" and "RIFLE_SOLDIER" both mean RifleSoldier).
- Numbers must be JSON numbers with an integer value (1.0 counts as 1; "2", true and null are invalid). y: 0 to ${LAST_LANE}. x (Humans): 0 to ${LAST_COL}. spawn_time: when the unit appears, in ms, 0 to ${MAX_SPAWN_MS}; leave it out for 0. It is checked as given, then rounded down to a multiple of ${TICK_MS} ms.
- An entry that is not an object with a string "name", or whose name is not a ${me} unit, is ignored and costs nothing. An entry with a known name but a missing or invalid coordinate or spawn_time is ignored but still paid for.
- The first valid Human entry for a cell takes that cell for the whole battle, even if its unit appears late, dies or explodes; later entries for the same cell are ignored but paid for.
- Your cost is the sum of the catalogue costs of every entry with a known name, used or not. There is no limit on the number of units other than the budget (and the ${LANES * COLUMNS} cells for Humans).

BUDGET RULE
- If exactly one side's cost exceeds its budget, that side loses whatever happens in battle. If both exceed, the side with the smaller overrun relative to its budget wins; equal relative overruns mean no winner. Otherwise the battle decides.

TIME AND MOVEMENT
- The battle runs in steps of ${TICK_MS} ms: t = 0, ${TICK_MS}, ${2 * TICK_MS}, ... A unit or demon that appears during a step first acts in the next step.
- A demon of speed v moves v × ${CELLS_PER_SECOND} cells per second, exactly ${MOVE_PER_SPEED} × v length units per step where a cell is ${CELL} units (speed 2 crosses the ${COLUMNS} columns in exactly ${CROSS_SECONDS} s). Slowed: half speed.
- A demon never passes a living Human unit in its lane: it stops with its left edge exactly at that unit's right edge. A ${nameOf('flying')} flies over everything.

FACING AND ATTACKS
- A non-flying demon faces a living Human unit in its lane when their spans overlap or their edges touch; touching several, it faces the one with the largest x.
- A demon facing a unit does not move; it hits that unit for its damage whenever its attack cooldown allows, at most once per ${DEMON_MELEE_INTERVAL_MS} ms. The cooldown starts ready when the demon appears (so it can hit on the first step it faces a unit) and carries over from one victim to the next. Damage to Human units is never reduced.
- A unit at HP 0 or below is destroyed at once: it no longer blocks, is faced or can be targeted.
- Shooters: when a shooter's cooldown is ready and it has a target, it hits instantly and its cooldown restarts; without a target it stays ready and fires as soon as one appears. Its first shot comes one interval after it appears. Its target is, among the eligible demons in its lane that touch its cell or are to its right, the one whose left edge is furthest left; ties go to the demon that appeared first. A demon that has passed the shooter (its right edge at or left of the shooter's left edge) is out of reach. Eligible: flying demons for ${AIR_SHOOTERS}, non-flying demons for all other shooters. A shot at a demon immune to its damage is still spent.
- Damage types: normal (${NORMAL_SHOOTERS}), fire, ice, air, explosion. HP is counted in tenths (e.g. ×0.3 of 1 damage removes 0.3 HP).
- ${nameOf('flying')} takes only air damage; other demons never take air damage.
- Burn (FlamethrowerSoldier hit): a demon that is not burning starts burning; it takes 1 fire damage ${BURN_PERIOD_MS} ms after that hit and then every ${BURN_PERIOD_MS} ms, while that time is at most ${BURN_DURATION_MS} ms after the latest flamethrower hit. A new hit on a burning demon extends the burn without changing the timing of its ticks. Burns do not stack.
- Slow (IceSoldier hit): half speed until ${SLOW_DURATION_MS} ms after the latest ice hit. Slows do not stack.
- Magnetic pulse: when a MagneticSoldier's cooldown is ready and its lane holds a ${nameOf('shield')} or ${nameOf('machine')} still protected (anywhere in the lane), it pulses: every such demon in the lane loses its protection for good, and the cooldown restarts. Its first pulse can come one interval after it appears.
- ${nameOf('machine')}: its speed becomes ${MACHINE_ACTIVE_SPEED} the first time it loses HP, protected or not.
- ${nameOf('bouncing')}: while its jump is unused, facing a unit other than an EnhancedShieldSoldier, it jumps instead of attacking: its left edge lands at the left edge of column x − 1 (the cell just past the jumped unit in column x), and that is its whole action. Facing an EnhancedShieldSoldier does not use up the jump. Shooters it jumped over can no longer reach it.
- ${nameOf('summoning')}: ${SUMMON_PERIOD_MS} ms after it appears and every ${SUMMON_PERIOD_MS} ms after that, a ${DEMONS[0]?.name ?? ''} appears with its left edge one cell left of the summoner's; summoning does not use up the summoner's action.

ORDER OF EACH STEP
1. Units whose spawn_time has come appear: Human units first, then demons, each in plan order.
2. Burn damage that is due is dealt; slows that have run out end.
3. Human units act in the order they appeared (plan order for equal spawn times).
4. Demons act in the order they appeared; summoned demons count as appearing after the demons already present, in their summoners' order.
5. The result is checked.

END OF BATTLE
- The Demons win at the end of the first step in which a demon's left edge reaches the left edge of column 0, even if every other demon died in that step. If several lanes break through in the same step, the lane of the demon that appeared first is reported.
- Otherwise the Humans win at the end of the first step in which every used demon of the plan has appeared and no demon is alive (at once if the Demon plan is empty), or at t = ${TIME_CAP_MS} ms (${TIME_CAP_MS / 1000} s; that step is still played) if the demons have not broken through by then.

${LABELS[other].toUpperCase()} UNITS (yours are in your catalogue)
${catalogueText(other, config)}`;
}
