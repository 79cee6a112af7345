import type { SideIndex } from '../core/plan-game.js';

/** One purchased unit as it fights: its catalogue name and tier. */
export interface AbPlanUnit {
  readonly name: string;
  readonly gold: boolean;
}

/**
 * A validated Auto-battler plan: the line (at most `maxUnits` units, left to right) and the target priority list
 * (catalogue names of enemy units, summons included, first occurrence only, most wanted first).
 */
export interface AbPlan {
  readonly units: readonly AbPlanUnit[];
  readonly priority: readonly string[];
}

/** A unit in a log snapshot. `id` is unique within one battle. */
export interface AbLogUnit {
  readonly id: number;
  readonly name: string;
  readonly gold: boolean;
  readonly atk: number;
  readonly hp: number;
  readonly maxHp: number;
  readonly shield: boolean;
  readonly taunt: boolean;
  readonly burn: number;
}

/** What a hit was: an attack's main hit, Phoenix splash, BanditLeader carry, a deathrattle or a burn tick. */
export type AbHitKind = 'attack' | 'splash' | 'carry' | 'deathrattle' | 'burn';

/** One thing that happened. Unit fields are unit ids; `hp`/`atk` are the values after the event. */
export type AbLogEvent =
  | { readonly e: 'buff'; readonly unit: number; readonly by: number; readonly atk: number; readonly hp: number; readonly shield: boolean }
  | { readonly e: 'grow'; readonly unit: number; readonly atk: number; readonly hp: number }
  | { readonly e: 'target'; readonly unit: number; readonly target: number }
  | {
      readonly e: 'hit';
      readonly kind: AbHitKind;
      readonly from: number | null;
      readonly to: number;
      readonly amount: number;
      /** True when a Divine Shield absorbed the hit. */
      readonly blocked: boolean;
      readonly hp: number;
    }
  | { readonly e: 'paladin'; readonly unit: number; readonly atk: number }
  | { readonly e: 'doubled'; readonly unit: number; readonly atk: number }
  | { readonly e: 'burned'; readonly unit: number; readonly by: number; readonly burn: number }
  | { readonly e: 'weakened'; readonly unit: number; readonly by: number; readonly atk: number }
  | { readonly e: 'frenzy'; readonly unit: number; readonly atk: number }
  | { readonly e: 'revive'; readonly unit: number; readonly hp: number }
  | { readonly e: 'death'; readonly unit: number; readonly side: SideIndex; readonly index: number }
  | { readonly e: 'heal'; readonly unit: number; readonly by: number; readonly hp: number }
  | { readonly e: 'summon'; readonly unit: AbLogUnit; readonly by: number; readonly side: SideIndex; readonly index: number };

/** One turn: who acted, what happened, and both lines (Defender first) after it. */
export interface AbLogTurn {
  readonly turn: number;
  readonly side: SideIndex;
  readonly unit: number;
  readonly events: readonly AbLogEvent[];
  readonly lines: readonly [readonly AbLogUnit[], readonly AbLogUnit[]];
}

/** The battle log of `simulate(..., { log: true })`, for replay viewers. */
export interface AbBattleLog {
  readonly version: 1;
  /** Lines as bought (before start-of-battle effects), Defender first. */
  readonly initial: readonly [readonly AbLogUnit[], readonly AbLogUnit[]];
  /** Start-of-battle effects. */
  readonly start: readonly AbLogEvent[];
  /** Lines after start-of-battle effects. */
  readonly lines: readonly [readonly AbLogUnit[], readonly AbLogUnit[]];
  /** The side that takes the first turn. */
  readonly first: SideIndex;
  readonly turns: readonly AbLogTurn[];
  readonly winner: SideIndex;
  readonly capped: boolean;
}
