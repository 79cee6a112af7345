import type { SolvedResult } from '../core/move-game.js';
import { wouldConnectFour } from './bitboard.js';
import type { ConnectFourState } from './state.js';

/** log2 of the transposition table's entries (4 Mi entries, 3 typed arrays: about 24 MB). */
const TABLE_BITS = 22;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

/** Fixed pseudo-random Zobrist keys (xorshift32 from a constant), two 32-bit words per (player, cell). */
function zobrist(count: number): Int32Array {
  const out = new Int32Array(count);
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x;
  }
  return out;
}

/** Raised inside the search when the node budget is spent. */
class BudgetSpent extends Error {}

/**
 * A weak (win / draw / loss) Connect Four solver on row-word bitboards: negamax with alpha-beta on the scores
 * -1, 0, 1, immediate wins and forced blocks found before searching, moves that let the opponent win on top of
 * them pruned, centre-first move order and a Zobrist-keyed transposition table of bounds. Exact whenever it
 * answers; it gives up (null) when a position needs more than its node budget.
 */
export class ConnectFourSolver {
  /** Nodes searched by the last `solveActions` call. */
  nodes = 0;
  private readonly words: Int32Array;
  private readonly heights: Int32Array;
  private readonly order: Int32Array;
  private readonly keyA: Int32Array;
  private readonly keyB: Int32Array;
  private readonly check: Int32Array;
  private readonly bounds: Int8Array;
  private readonly used: Uint8Array;
  private readonly moves: Int32Array;
  private readonly scores: Int32Array;
  private ply = 0;
  private ha = 0;
  private hb = 0;
  private budget = 0;

  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {
    this.words = new Int32Array(2 * rows);
    this.heights = new Int32Array(cols);
    // Centre first, then alternating outwards (left of centre before right).
    const order: number[] = [];
    const mid = (cols - 1) / 2;
    for (let c = 0; c < cols; c++) order.push(c);
    order.sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid) || a - b);
    this.order = Int32Array.from(order);
    this.moves = new Int32Array((rows * cols + 1) * cols);
    this.scores = new Int32Array((rows * cols + 1) * cols);
    this.keyA = zobrist(2 * rows * cols);
    this.keyB = zobrist(4 * rows * cols).subarray(2 * rows * cols);
    this.check = new Int32Array(1 << TABLE_BITS);
    this.bounds = new Int8Array(1 << TABLE_BITS);
    this.used = new Uint8Array(1 << TABLE_BITS);
  }

  /**
   * The result of every legal action of `state` for the player to move (1 win, 0 draw, -1 loss under best play),
   * in `legal` order, or null when the search needs more than `budget` nodes. The table is cleared first, so the
   * answer (and whether it is given) depends on the position and the budget only.
   */
  solveActions(state: ConnectFourState, legal: readonly number[], budget: number): SolvedResult[] | null {
    const { rows, cols } = this;
    if (state.rows !== rows || state.cols !== cols) throw new RangeError(`solver is for ${rows} x ${cols} boards`);
    this.used.fill(0);
    this.nodes = 0;
    this.budget = budget;
    this.ply = state.ply;
    this.ha = 0;
    this.hb = 0;
    for (let p = 0; p < 2; p++) {
      for (let r = 0; r < rows; r++) {
        const w = state.discs[p as 0 | 1][r] ?? 0;
        this.words[p * rows + r] = w;
        for (let c = 0; c < cols; c++) {
          if ((w >> c) & 1) {
            this.ha ^= this.keyA[(p * rows + r) * cols + c] as number;
            this.hb ^= this.keyB[(p * rows + r) * cols + c] as number;
          }
        }
      }
    }
    for (let c = 0; c < cols; c++) this.heights[c] = state.heights[c] ?? rows;
    const me = state.ply & 1;
    try {
      return legal.map((c) => {
        if (this.wins(me, c)) return 1;
        this.play(c);
        const value = this.ply === rows * cols ? 0 : 0 - this.search(-1, 1);
        this.undo(c);
        return value as SolvedResult;
      });
    } catch (err) {
      if (err instanceof BudgetSpent) return null;
      throw err;
    }
  }

  /** True when `player` would complete four by dropping a disc in column c (which must not be full). */
  private wins(player: number, c: number): boolean {
    return wouldConnectFour(this.words, player, this.rows, this.heights[c] as number, c);
  }

  private play(c: number): void {
    const p = this.ply & 1;
    const r = this.heights[c] as number;
    const cell = (p * this.rows + r) * this.cols + c;
    this.words[p * this.rows + r] = (this.words[p * this.rows + r] as number) | (1 << c);
    this.heights[c] = r + 1;
    this.ha ^= this.keyA[cell] as number;
    this.hb ^= this.keyB[cell] as number;
    this.ply++;
  }

  private undo(c: number): void {
    this.ply--;
    const p = this.ply & 1;
    const r = (this.heights[c] as number) - 1;
    const cell = (p * this.rows + r) * this.cols + c;
    this.words[p * this.rows + r] = (this.words[p * this.rows + r] as number) & ~(1 << c);
    this.heights[c] = r;
    this.ha ^= this.keyA[cell] as number;
    this.hb ^= this.keyB[cell] as number;
  }

  /** Empty cells where player p would complete four (anywhere on the board): the move-ordering score. */
  private threats(p: number): number {
    const { rows, words } = this;
    const o = p * rows;
    const q = (1 - p) * rows;
    const full = (1 << this.cols) - 1;
    let count = 0;
    for (let r = 0; r < rows; r++) {
      const a = words[o + r] as number;
      const u1 = r + 1 < rows ? (words[o + r + 1] as number) : 0;
      const u2 = r + 2 < rows ? (words[o + r + 2] as number) : 0;
      const u3 = r + 3 < rows ? (words[o + r + 3] as number) : 0;
      const d1 = r >= 1 ? (words[o + r - 1] as number) : 0;
      const d2 = r >= 2 ? (words[o + r - 2] as number) : 0;
      const d3 = r >= 3 ? (words[o + r - 3] as number) : 0;
      let t = ((a >> 1) & (a >> 2) & (a >> 3)) | ((a << 1) & (a >> 1) & (a >> 2)) | ((a << 2) & (a << 1) & (a >> 1)) | ((a << 3) & (a << 2) & (a << 1));
      t |= d1 & d2 & d3;
      t |= ((u1 >> 1) & (u2 >> 2) & (u3 >> 3)) | ((d1 << 1) & (u1 >> 1) & (u2 >> 2)) | ((d2 << 2) & (d1 << 1) & (u1 >> 1)) | ((d3 << 3) & (d2 << 2) & (d1 << 1));
      t |= ((u1 << 1) & (u2 << 2) & (u3 << 3)) | ((d1 >> 1) & (u1 << 1) & (u2 << 2)) | ((d2 >> 2) & (d1 >> 1) & (u1 << 1)) | ((d3 >> 3) & (d2 >> 2) & (d1 >> 1));
      t &= full & ~(a | (words[q + r] as number));
      while (t !== 0) {
        t &= t - 1;
        count++;
      }
    }
    return count;
  }

  /** Negamax value (-1, 0, 1) for the player to move of a running position, within [alpha, beta]. */
  private search(alpha: number, beta: number): number {
    if (++this.nodes > this.budget) throw new BudgetSpent();
    const { rows, cols, order } = this;
    const me = this.ply & 1;
    const opp = 1 - me;
    let threat = -1;
    for (let c = 0; c < cols; c++) {
      if ((this.heights[c] as number) >= rows) continue;
      if (this.wins(me, c)) return 1;
    }
    for (let c = 0; c < cols; c++) {
      if ((this.heights[c] as number) < rows && this.wins(opp, c)) {
        if (threat !== -1) return -1;
        threat = c;
      }
    }
    // One move left and it does not win: the board fills up, a draw.
    if (this.ply === rows * cols - 1) return 0;
    const slot = this.ha & TABLE_MASK;
    if (this.used[slot] === 1 && this.check[slot] === this.hb) {
      const lo = ((this.bounds[slot] as number) >> 2) - 1;
      const hi = ((this.bounds[slot] as number) & 3) - 1;
      if (lo === hi || lo >= beta) return lo;
      if (hi <= alpha) return hi;
      alpha = Math.max(alpha, lo);
      beta = Math.min(beta, hi);
    }
    const alpha0 = alpha;
    let best = -1;
    // Candidates: the forced block, or every move; a move under the opponent's winning cell loses at once and is
    // left out; the rest are searched by the threats they leave (most first), centre first among equals.
    const base = this.ply * cols;
    let n = 0;
    for (let i = 0; i < cols; i++) {
      const c = order[i] as number;
      if ((this.heights[c] as number) >= rows || (threat !== -1 && c !== threat)) continue;
      this.play(c);
      if (!this.wins(opp, c)) {
        const score = threat === -1 ? this.threats(me) : 0;
        let j = n++;
        while (j > 0 && (this.scores[base + j - 1] as number) < score) {
          this.moves[base + j] = this.moves[base + j - 1] as number;
          this.scores[base + j] = this.scores[base + j - 1] as number;
          j--;
        }
        this.moves[base + j] = c;
        this.scores[base + j] = score;
      }
      this.undo(c);
    }
    for (let i = 0; i < n; i++) {
      const c = this.moves[base + i] as number;
      this.play(c);
      const value = this.ply === rows * cols ? 0 : 0 - this.search(-beta, -alpha);
      this.undo(c);
      if (value > best) best = value;
      if (best > alpha) alpha = best;
      if (alpha >= beta) break;
    }
    const lo = best >= beta ? best : best <= alpha0 ? -1 : best;
    const hi = best <= alpha0 ? best : best >= beta ? 1 : best;
    this.used[slot] = 1;
    this.check[slot] = this.hb;
    this.bounds[slot] = ((lo + 1) << 2) | (hi + 1);
    return best;
  }
}
