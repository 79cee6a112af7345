import type { BoardStatus, MoveBoard } from '../core/move-game.js';

/**
 * Connect Four bitboards in row words: `words[p * rows + r]` has bit c set when player p has a disc at row r
 * (0 is the bottom) and column c (0 is the left). A row fits a 32-bit integer for up to 28 columns, so every
 * test is a handful of integer operations with no BigInt. Player 0 moves first.
 */

/**
 * True when the disc just placed by the player whose words start at `base`, at (r, c), completes four in a line.
 * (r, c) must be the top disc of its column, as gravity guarantees: a vertical line is looked for below it only.
 */
export function connectsFour(words: ArrayLike<number>, base: number, rows: number, r: number, c: number): boolean {
  const row = words[base + r] as number;
  if ((row & (row >> 1) & (row >> 2) & (row >> 3)) !== 0) return true;
  const bit = 1 << c;
  if (r >= 3 && ((words[base + r - 1] as number) & (words[base + r - 2] as number) & (words[base + r - 3] as number) & bit) !== 0) return true;
  const last = Math.min(r, rows - 4);
  for (let s = Math.max(0, r - 3); s <= last; s++) {
    const a = words[base + s] as number;
    const b = words[base + s + 1] as number;
    const d = words[base + s + 2] as number;
    const e = words[base + s + 3] as number;
    if ((a & (b >> 1) & (d >> 2) & (e >> 3)) !== 0) return true;
    if ((a & (b << 1) & (d << 2) & (e << 3)) !== 0) return true;
  }
  return false;
}

/**
 * True when a disc of `player` at (r, c) would complete four, (r, c) being the top of column c once the disc is in
 * (false when r is above the board). The disc is set in `words` for the test and taken out again.
 */
export function wouldConnectFour(words: { [index: number]: number }, player: number, rows: number, r: number, c: number): boolean {
  if (r >= rows) return false;
  const i = player * rows + r;
  const before = words[i] as number;
  words[i] = before | (1 << c);
  const won = connectsFour(words as ArrayLike<number>, player * rows, rows, r, c);
  words[i] = before;
  return won;
}

/** Mutable fast path: plays in place with no allocation per move, for rollouts and tree search. */
export class ConnectFourBoard implements MoveBoard<number> {
  private readonly open: Int32Array;

  constructor(
    readonly rows: number,
    readonly cols: number,
    protected readonly words: Int32Array,
    protected readonly heights: Int32Array,
    protected ply: number,
    protected state: BoardStatus,
  ) {
    this.open = new Int32Array(cols);
  }

  toMove(): 0 | 1 {
    return (this.ply & 1) as 0 | 1;
  }

  legal(): number[] {
    const out: number[] = [];
    if (this.state !== -1) return out;
    for (let c = 0; c < this.cols; c++) if ((this.heights[c] as number) < this.rows) out.push(c);
    return out;
  }

  play(col: number): void {
    const r = this.heights[col] as number;
    this.heights[col] = r + 1;
    const base = (this.ply & 1) * this.rows;
    this.words[base + r] = (this.words[base + r] as number) | (1 << col);
    if (connectsFour(this.words, base, this.rows, r, col)) this.state = (this.ply & 1) as 0 | 1;
    this.ply++;
    if (this.state === -1 && this.ply === this.rows * this.cols) this.state = 2;
  }

  status(): BoardStatus {
    return this.state;
  }

  rollout(rand: (n: number) => number): 0 | 1 | 2 {
    const { rows, cols, heights, words, open } = this;
    const cells = rows * cols;
    let ply = this.ply;
    let state = this.state;
    while (state === -1) {
      let n = 0;
      for (let c = 0; c < cols; c++) if ((heights[c] as number) < rows) open[n++] = c;
      const col = open[rand(n)] as number;
      const r = heights[col] as number;
      heights[col] = r + 1;
      const base = (ply & 1) * rows;
      words[base + r] = (words[base + r] as number) | (1 << col);
      if (connectsFour(words, base, rows, r, col)) state = (ply & 1) as 0 | 1;
      ply++;
      if (state === -1 && ply === cells) state = 2;
    }
    this.ply = ply;
    this.state = state;
    return state;
  }

  clone(): ConnectFourBoard {
    return new ConnectFourBoard(this.rows, this.cols, this.words.slice(), this.heights.slice(), this.ply, this.state);
  }
}
