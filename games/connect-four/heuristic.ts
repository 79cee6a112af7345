import type { ConnectFourState } from './state.js';

const OWN = [1, 4, 16, 64, 0];
const THEIRS = [0, 1, 3, 12, 0];
const DIRECTIONS: readonly (readonly [number, number])[] = [[0, 1], [1, 0], [1, 1], [1, -1]];

/**
 * Threat counting for the player to move dropping into `col`: every line of four through the landing cell that
 * the opponent has not blocked scores by how many of the mover's discs it already holds; lines the opponent
 * holds alone score for blocking them; a small bonus prefers central columns. Only the order matters.
 */
export function connectFourHeuristic(state: ConnectFourState, col: number): number {
  const { rows, cols } = state;
  const r = state.heights[col] ?? rows;
  if (r >= rows) return -Infinity;
  const me = state.discs[state.ply & 1];
  const them = state.discs[1 - (state.ply & 1)];
  if (!me || !them) return 0;
  let score = 0;
  for (const [dr, dc] of DIRECTIONS) {
    for (let k = 0; k < 4; k++) {
      const r0 = r - k * dr;
      const c0 = col - k * dc;
      const r3 = r0 + 3 * dr;
      const c3 = c0 + 3 * dc;
      if (r0 < 0 || r3 >= rows || c0 < 0 || c0 >= cols || c3 < 0 || c3 >= cols) continue;
      let own = 0;
      let opp = 0;
      for (let i = 0; i < 4; i++) {
        const bit = 1 << (c0 + i * dc);
        if (((me[r0 + i * dr] ?? 0) & bit) !== 0) own++;
        else if (((them[r0 + i * dr] ?? 0) & bit) !== 0) opp++;
      }
      if (opp === 0) score += OWN[own] ?? 0;
      else if (own === 0) score += THEIRS[opp] ?? 0;
    }
  }
  const middle = (cols - 1) / 2;
  return score + (middle - Math.abs(col - middle)) * 0.5;
}
