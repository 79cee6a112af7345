import type { BattleResult, PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { ELEMENTS, P, ROUND_CAP, SKILL_IDS, type SkillId } from './catalogue.js';
import { Battle, type Fighter } from './battle.js';
import { Recorder, type TbLog, type TbLogFighter } from './log.js';
import { SKILL_ACTIONS } from './skills.js';
import { BURN_SPLASH, BURN_WHIRL, POISON, REGEN, SEED, STATUS_COUNT } from './status.js';
import { hpOf, type TbPlan } from './types.js';

/** One battle state reused by every call: simulate is synchronous, so it is never shared by two battles at once. */
const battle = new Battle();
/** Invaders act first in every round and tick first in every end-of-round phase. */
const ORDER = [1, 0] as const;
const SKILL_INDEX = new Map<SkillId, number>(SKILL_IDS.map((id, i) => [id, i]));

function field(plan: TbPlan, side: SideIndex, hp: number): void {
  const team = battle.teams[side];
  const n = Math.min(plan.characters.length, team.length);
  const cycle: number[] = [];
  for (let i = 0; i < n; i++) {
    const character = plan.characters[i]!;
    cycle.length = 0;
    for (const id of character.skills) cycle.push(SKILL_INDEX.get(id) ?? -1);
    team[i]!.reset(ELEMENTS.indexOf(character.element), hp, cycle);
  }
  battle.size[side] = n;
  battle.living[side] = n;
}

function act(c: Fighter): void {
  const skill = c.cycle[c.k % 3] as number;
  c.k++;
  const rec = battle.rec;
  const action = skill >= 0 ? SKILL_ACTIONS[skill] : undefined;
  // The battle is not over, so the enemy side has a living character.
  const target = battle.front(c.side === 0 ? 1 : 0) as Fighter;
  if (action !== undefined) {
    battle.damaging = false;
    action.run(battle, c, target);
    if (battle.damaging && c.until[SEED] !== 0) battle.lose(c, P.parasiticSeed.backlash, 'seed');
  }
  if (rec !== null) {
    const id = action !== undefined ? (SKILL_IDS[skill] as SkillId) : null;
    const aimed = action?.enemy ? ([target.side, target.index] as const) : null;
    rec.frame(battle.round, [c.side, c.index], id, aimed, hpSnapshot());
  }
}

/** End-of-round phase (SPEC §4.3, REVIEW T7): invaders then defenders, list order, fixed tick order, then expiry. */
function endOfRound(): void {
  const round = battle.round;
  for (const side of ORDER) {
    const team = battle.teams[side];
    for (let i = 0; i < battle.size[side]; i++) {
      const c = team[i] as Fighter;
      const due = c.qsDue;
      c.qsDue = c.qsNext;
      c.qsNext = 0;
      if (!c.alive) continue;
      if (c.until[BURN_SPLASH] !== 0) battle.lose(c, P.burningPerLayer * (c.amt[BURN_SPLASH] as number), 'burning');
      if (c.until[BURN_WHIRL] !== 0) battle.lose(c, P.burningPerLayer * (c.amt[BURN_WHIRL] as number), 'burning');
      if (c.until[POISON] !== 0) battle.lose(c, c.amt[POISON] as number, 'poison');
      battle.lose(c, due, 'delayed');
      if (c.until[REGEN] !== 0) battle.heal(c, c.amt[REGEN] as number, 'regen');
      if (!c.alive) continue;
      for (let s = 0; s < STATUS_COUNT; s++) {
        const until = c.until[s] as number;
        if (until !== 0 && until <= round) battle.clear(c, s);
      }
    }
  }
  battle.rec?.frame(round, null, null, null, hpSnapshot());
}

function hpSnapshot(): [number[], number[]] {
  const snap = (side: SideIndex): number[] => battle.teams[side].slice(0, battle.size[side]).map((c) => c.hp);
  return [snap(0), snap(1)];
}

function livingHp(side: SideIndex): number {
  let sum = 0;
  const team = battle.teams[side];
  for (let i = 0; i < battle.size[side]; i++) {
    const c = team[i] as Fighter;
    if (c.alive) sum += c.hp;
  }
  return sum;
}

function lineup(side: SideIndex): TbLogFighter[] {
  return battle.teams[side].slice(0, battle.size[side]).map((c) => ({
    element: ELEMENTS[c.element] as TbLogFighter['element'],
    maxHp: c.maxHp,
    cycle: Array.from(c.cycle, (s) => (s >= 0 ? (SKILL_IDS[s] as SkillId) : null)),
  }));
}

type End = 'no_characters' | 'defeat' | 'cap';

function result(winner: SideIndex, end: End, lineups: TbLog['lineups'] | null): BattleResult {
  const rec = battle.rec;
  const log: TbLog | null = rec !== null && lineups !== null ? { version: 1, lineups, frames: rec.frames } : null;
  return {
    winner,
    steps: battle.round,
    capped: end === 'cap',
    summary: {
      rounds: battle.round,
      hp0: livingHp(0),
      hp1: livingHp(1),
      alive0: battle.living[0],
      alive1: battle.living[1],
      end,
    },
    log,
  };
}

/** Defenders win when the Invaders have no living character, including when neither side has one. */
function defeatWinner(): SideIndex {
  return battle.living[1] === 0 ? 0 : 1;
}

/**
 * Simulates Defender plan `plan0` against Invader plan `plan1` (SPEC §4.3 with the REVIEW resolutions).
 * Deterministic and total: at most ROUND_CAP rounds, then the larger sum of living HP wins (ties: Defenders).
 */
export function simulate(plan0: TbPlan, plan1: TbPlan, config: PlanGameConfig, options?: { readonly log?: boolean }): BattleResult {
  battle.reset(options?.log === true ? new Recorder() : null);
  field(plan0, 0, hpOf(config, 0));
  field(plan1, 1, hpOf(config, 1));
  const lineups = battle.rec !== null ? ([lineup(0), lineup(1)] as const) : null;
  if (battle.living[0] === 0 || battle.living[1] === 0) return result(defeatWinner(), 'no_characters', lineups);
  for (let round = 1; round <= ROUND_CAP; round++) {
    battle.round = round;
    for (const side of ORDER) {
      const team = battle.teams[side];
      for (let i = 0; i < battle.size[side]; i++) {
        const c = team[i] as Fighter;
        if (!c.alive) continue;
        act(c);
        if (battle.living[0] === 0 || battle.living[1] === 0) return result(defeatWinner(), 'defeat', lineups);
      }
    }
    endOfRound();
    if (battle.living[0] === 0 || battle.living[1] === 0) return result(defeatWinner(), 'defeat', lineups);
  }
  const hp0 = livingHp(0);
  const hp1 = livingHp(1);
  return result(hp1 > hp0 ? 1 : 0, 'cap', lineups);
}
