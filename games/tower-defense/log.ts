/**
 * The compact battle log for replay viewers (built only when asked). Positions are demon fronts (left edges) in
 * length units with `cell` units per column; HP in tenths (`hpScale`). Keyframes every `frameMs` and at the end,
 * plus discrete events in the order they happened.
 */
import { CELL, COLUMNS, DEMONS, HP_SCALE, HUMANS, LANES, TICK_MS } from './catalogue.js';
import type { Demon, Human } from './units.js';

export type TdLogEvent =
  | { readonly t: number; readonly type: 'spawn'; readonly unit: 'human' | 'demon'; readonly id: number }
  | { readonly t: number; readonly type: 'death'; readonly unit: 'human' | 'demon'; readonly id: number }
  | { readonly t: number; readonly type: 'explode'; readonly id: number; readonly y: number }
  | { readonly t: number; readonly type: 'pulse'; readonly id: number; readonly y: number }
  | { readonly t: number; readonly type: 'jump'; readonly id: number; readonly from: number; readonly to: number }
  | { readonly t: number; readonly type: 'summon'; readonly id: number; readonly by: number }
  | { readonly t: number; readonly type: 'breach'; readonly id: number; readonly y: number };

export interface TdLogFrame {
  readonly t: number;
  /** Living demons as [id, front, hp]. */
  readonly demons: readonly (readonly [number, number, number])[];
  /** Living humans as [id, hp]. */
  readonly humans: readonly (readonly [number, number])[];
}

export interface TdLog {
  readonly tickMs: number;
  readonly frameMs: number;
  readonly cell: number;
  readonly columns: number;
  readonly lanes: number;
  readonly hpScale: number;
  /** Every used Human unit; `id` is its index in the validated plan. */
  readonly humans: readonly { id: number; name: string; x: number; y: number; spawn: number; hp: number }[];
  /** Every demon that appeared, in creation order; `id` is its creation number, `by` the summoner's id or null. */
  readonly demons: { id: number; name: string; y: number; appear: number; hp: number; by: number | null }[];
  readonly frames: TdLogFrame[];
  readonly events: TdLogEvent[];
  end: { t: number; winner: 'Human' | 'Demon'; lostRow: number | null; capped: boolean } | null;
}

export const FRAME_MS = 500;

export function createLog(humans: readonly Human[]): TdLog {
  return {
    tickMs: TICK_MS,
    frameMs: FRAME_MS,
    cell: CELL,
    columns: COLUMNS,
    lanes: LANES,
    hpScale: HP_SCALE,
    humans: humans.map((h) => ({ id: h.id, name: HUMANS[h.kind]?.name ?? '', x: h.x, y: h.y, spawn: h.spawn, hp: h.hp })),
    demons: [],
    frames: [],
    events: [],
    end: null,
  };
}

export function logDemon(log: TdLog, d: Demon, t: number): void {
  log.demons.push({
    id: d.seq,
    name: DEMONS[d.kind]?.name ?? '',
    y: d.lane,
    appear: t,
    hp: d.hp,
    by: d.summonedBy < 0 ? null : d.summonedBy,
  });
  log.events.push(
    d.summonedBy < 0
      ? { t, type: 'spawn', unit: 'demon', id: d.seq }
      : { t, type: 'summon', id: d.seq, by: d.summonedBy },
  );
}

export function logFrame(log: TdLog, t: number, humans: readonly Human[], demons: readonly Demon[]): void {
  log.frames.push({
    t,
    demons: demons.filter((d) => d.alive).map((d) => [d.seq, d.front, d.hp] as const),
    humans: humans.filter((h) => h.alive).map((h) => [h.id, h.hp] as const),
  });
}
