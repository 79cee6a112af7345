import type { PlanGame, PlanGameConfig, SideIndex } from '../../games/core/plan-game.js';
import { UsageError, unknownChoice } from '../errors.js';
import type { SeatSpec } from '../trace/events.js';
import { parseSide } from './sides.js';

export function intOption(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got '${text}'`);
  return n;
}

export function splitPair(flag: string, text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new UsageError(`--${flag} expects key=value, got '${text}'`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}

/** Builds the plan-game config from a preset plus --budget/--param overrides. */
export function planConfig(game: PlanGame, preset: string | undefined, budgets: readonly string[], params: readonly string[]): PlanGameConfig {
  const name = preset ?? game.presets[0] ?? 'default';
  if (!game.presets.includes(name)) throw unknownChoice(`preset of ${game.id}`, name, game.presets);
  const base = game.config(name);
  const b: [number, number] = [base.budgets[0], base.budgets[1]];
  for (const item of budgets) {
    const [side, value] = splitPair('budget', item);
    b[parseSide(game, side)] = intOption('budget', value, 0, 1_000_000_000);
  }
  const p: Record<string, number> = { ...base.params };
  for (const item of params) {
    const [key, value] = splitPair('param', item);
    if (!(key in p)) throw unknownChoice(`parameter of ${game.id}`, key, Object.keys(p));
    p[key] = intOption('param', value, 1, 1_000_000);
  }
  return { preset: name, budgets: b, params: p };
}

/** Parses `--seat side=agent` pairs for a plan game into seat specs by side index. */
export function planSeats(game: PlanGame, seats: readonly string[]): [SeatSpec, SeatSpec] {
  const bySide: (SeatSpec | undefined)[] = [undefined, undefined];
  for (const item of seats) {
    const [sideText, agent] = splitPair('seat', item);
    const side = parseSide(game, sideText);
    if (bySide[side]) throw new UsageError(`--seat given twice for side ${game.sides[side].id}`);
    bySide[side] = { side, agent, name: agent };
  }
  const missing = [0, 1].filter((i) => !bySide[i]).map((i) => game.sides[i as SideIndex].id);
  if (missing.length) throw new UsageError(`--seat missing for ${missing.join(' and ')} (e.g. --seat ${game.sides[0].id}=counter --seat ${game.sides[1].id}=random)`);
  return bySide as [SeatSpec, SeatSpec];
}

