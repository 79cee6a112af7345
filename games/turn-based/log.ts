import type { SideIndex } from '../core/plan-game.js';
import type { ElementName, SkillId } from './catalogue.js';
import { STATUSES } from './status.js';

/** Why HP was lost or gained. `hit` is the HP part of a direct hit; everything else is a plain HP change. */
export type TbCause =
  | 'hit'
  | 'true'
  | 'sacrifice'
  | 'link'
  | 'emblem'
  | 'quicksand'
  | 'reflect'
  | 'thorns'
  | 'seed'
  | 'burning'
  | 'poison'
  | 'delayed'
  | 'regen'
  | 'heal'
  | 'drain';

/** Log events. `absorb` is the part of a direct hit a status (or the Quicksand delay) took before HP. */
export type TbLogEvent =
  | { readonly type: 'damage'; readonly side: SideIndex; readonly index: number; readonly amount: number; readonly cause: TbCause }
  | { readonly type: 'heal'; readonly side: SideIndex; readonly index: number; readonly amount: number; readonly cause: TbCause }
  | {
      readonly type: 'absorb';
      readonly side: SideIndex;
      readonly index: number;
      readonly amount: number;
      readonly by: string;
      readonly source: SkillId | null;
    }
  | {
      readonly type: 'status';
      readonly side: SideIndex;
      readonly index: number;
      readonly op: 'gain' | 'lose';
      readonly status: string;
      readonly source: SkillId | null;
      /** Layers, amount, charges or percent points of the status after the change (0 when lost). */
      readonly value: number;
    }
  | { readonly type: 'defeated'; readonly side: SideIndex; readonly index: number };

/** One action (actor set) or one end-of-round phase (actor null), with every side's HP after it. */
export interface TbLogFrame {
  readonly round: number;
  readonly actor: readonly [SideIndex, number] | null;
  /** The skill used; null for a pass or the end-of-round phase. */
  readonly skill: SkillId | null;
  /** The enemy aimed at, for skills aimed at an enemy. */
  readonly target: readonly [SideIndex, number] | null;
  readonly events: TbLogEvent[];
  /** HP by side index and list position after the frame (a defeated character keeps its last HP). */
  readonly hp: readonly [readonly number[], readonly number[]];
}

export interface TbLogFighter {
  readonly element: ElementName;
  readonly maxHp: number;
  /** The cycle of three slots; null is a pass. */
  readonly cycle: readonly (SkillId | null)[];
}

/** The battle log a replay viewer draws: the lineups, then one frame per action and per end-of-round phase. */
export interface TbLog {
  readonly version: 1;
  readonly lineups: readonly [readonly TbLogFighter[], readonly TbLogFighter[]];
  readonly frames: TbLogFrame[];
}

/** Character reference the recorder needs; implemented by the simulator's fighters. */
export interface LoggedFighter {
  readonly side: SideIndex;
  readonly index: number;
}

/** Collects log events for the current frame. Only created when a log is requested. */
export class Recorder {
  readonly frames: TbLogFrame[] = [];
  private events: TbLogEvent[] = [];

  damage(c: LoggedFighter, amount: number, cause: TbCause): void {
    this.events.push({ type: 'damage', side: c.side, index: c.index, amount, cause });
  }

  heal(c: LoggedFighter, amount: number, cause: TbCause): void {
    this.events.push({ type: 'heal', side: c.side, index: c.index, amount, cause });
  }

  absorb(c: LoggedFighter, amount: number, slot: number | null): void {
    if (amount <= 0) return;
    const status = slot === null ? null : STATUSES[slot];
    const by = status ? status.type : 'Quicksand delay';
    this.events.push({ type: 'absorb', side: c.side, index: c.index, amount, by, source: status ? status.source : 'quicksand_trap' });
  }

  status(c: LoggedFighter, slot: number, op: 'gain' | 'lose', value: number): void {
    const status = STATUSES[slot];
    if (!status) return;
    this.events.push({ type: 'status', side: c.side, index: c.index, op, status: status.type, source: status.source, value });
  }

  defeated(c: LoggedFighter): void {
    this.events.push({ type: 'defeated', side: c.side, index: c.index });
  }

  /** Closes the current frame. */
  frame(
    round: number,
    actor: readonly [SideIndex, number] | null,
    skill: SkillId | null,
    target: readonly [SideIndex, number] | null,
    hp: readonly [readonly number[], readonly number[]],
  ): void {
    this.frames.push({ round, actor, skill, target, events: this.events, hp });
    this.events = [];
  }
}
