/** Test helpers: run a battle from raw unit lists, and read the battle log. Used only by the tests. */
import type { BattleResult } from '../core/plan-game.js';
import { config } from './config.js';
import type { TdLog, TdLogEvent } from './log.js';
import { simulate } from './simulate.js';
import { validate } from './validate.js';

export const DEFAULT = config('default');

export interface Battle {
  readonly result: BattleResult;
  readonly log: TdLog;
}

/** Validates both raw lists (every item must be used) and simulates with the log on. */
export function battle(humans: readonly unknown[], demons: readonly unknown[]): Battle {
  const h = validate(0, { humans }, DEFAULT);
  const d = validate(1, { demons }, DEFAULT);
  for (const item of [...h.report.items, ...d.report.items]) {
    if (item.status !== 'used') throw new Error(`fixture item ${item.path} not used: ${item.detail ?? ''}`);
  }
  const result = simulate(h.plan, d.plan, DEFAULT, { log: true });
  return { result, log: result.log as TdLog };
}

/** The events of one type, as [t, id] pairs. */
export function eventsOf(log: TdLog, type: TdLogEvent['type'], unit?: 'human' | 'demon'): [number, number][] {
  return log.events
    .filter((e) => e.type === type && (unit === undefined || ('unit' in e && e.unit === unit)))
    .map((e) => [e.t, e.id]);
}

/** A demon's [front, hp] in the keyframe at time t, or null when it is not alive then. */
export function demonAt(log: TdLog, t: number, id: number): [number, number] | null {
  const frame = log.frames.find((f) => f.t === t);
  if (frame === undefined) throw new Error(`no keyframe at ${t}`);
  const row = frame.demons.find((d) => d[0] === id);
  return row === undefined ? null : [row[1], row[2]];
}

/** A human's hp in the keyframe at time t, or null when it is not alive then. */
export function humanAt(log: TdLog, t: number, id: number): number | null {
  const frame = log.frames.find((f) => f.t === t);
  if (frame === undefined) throw new Error(`no keyframe at ${t}`);
  return frame.humans.find((h) => h[0] === id)?.[1] ?? null;
}
