import type { PlanGame, SideIndex } from '../../games/core/plan-game.js';
import { unknownChoice } from '../errors.js';

/** Resolves a side name (`human`, `Demon`, `0`, `1`) for a plan game; an unknown name lists the valid ones. */
export function parseSide(game: PlanGame, text: string): SideIndex {
  const t = text.trim().toLowerCase();
  if (t === '0' || t === '1') return Number(t) as SideIndex;
  for (const i of [0, 1] as const) {
    const s = game.sides[i];
    if (t === s.id || t === s.label.toLowerCase() || t === s.planKey) return i;
  }
  throw unknownChoice(`side of ${game.id}`, text, [game.sides[0].id, game.sides[1].id]);
}
