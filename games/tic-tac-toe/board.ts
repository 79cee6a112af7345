import type { BoardStatus, MoveBoard } from '../core/move-game.js';

/**
 * Tic-tac-toe positions as two 9-bit masks (bit i = cell i, i = 3 * row + col, row 0 at the top, col 0 at the
 * left). Player 0 plays X and moves first.
 */
export const CELLS = 9;
export const FULL = 0x1ff;

/** The eight winning lines as cell masks. */
export const LINES: readonly number[] = [
  0b000000111, 0b000111000, 0b111000000, // rows
  0b001001001, 0b010010010, 0b100100100, // columns
  0b100010001, 0b001010100, // diagonals
];

export function hasLine(mask: number): boolean {
  for (const line of LINES) if ((mask & line) === line) return true;
  return false;
}

/** Status of the position (x, o): -1 running, 0 or 1 the winner, 2 a draw. */
export function statusOf(x: number, o: number): BoardStatus {
  if (hasLine(x)) return 0;
  if (hasLine(o)) return 1;
  return (x | o) === FULL ? 2 : -1;
}

/** Mutable fast path: plays in place, for rollouts and tree search. */
export class TicTacToeBoard implements MoveBoard<number> {
  constructor(
    private x: number,
    private o: number,
    private ply: number,
    private state: BoardStatus = statusOf(x, o),
  ) {}

  toMove(): 0 | 1 {
    return (this.ply & 1) as 0 | 1;
  }

  legal(): number[] {
    const out: number[] = [];
    if (this.state !== -1) return out;
    const taken = this.x | this.o;
    for (let i = 0; i < CELLS; i++) if ((taken & (1 << i)) === 0) out.push(i);
    return out;
  }

  play(cell: number): void {
    const bit = 1 << cell;
    if ((this.ply & 1) === 0) {
      this.x |= bit;
      if (hasLine(this.x)) this.state = 0;
    } else {
      this.o |= bit;
      if (hasLine(this.o)) this.state = 1;
    }
    this.ply++;
    if (this.state === -1 && this.ply === CELLS) this.state = 2;
  }

  status(): BoardStatus {
    return this.state;
  }

  rollout(rand: (n: number) => number): 0 | 1 | 2 {
    const free = new Int8Array(CELLS);
    while (this.state === -1) {
      const taken = this.x | this.o;
      let n = 0;
      for (let i = 0; i < CELLS; i++) if ((taken & (1 << i)) === 0) free[n++] = i;
      this.play(free[rand(n)] as number);
    }
    return this.state;
  }

  clone(): TicTacToeBoard {
    return new TicTacToeBoard(this.x, this.o, this.ply, this.state);
  }
}
