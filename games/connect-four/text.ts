/**
 * Text a language model reads: the rules and the board, in the same notation the parser accepts. The rules describe
 * how a move is written, never how to answer: the answer format is the prompt's alone (one instruction).
 */
export function connectFourRules(rows: number, cols: number): string {
  return [
    `Connect Four is played on an upright grid of ${cols} columns and ${rows} rows by two players, X and O. X moves first;`,
    'then the players alternate. On your turn you drop one disc into a column that is not full; it falls to the',
    'lowest empty cell of that column. The first player with four of their discs in a line (horizontal, vertical',
    'or diagonal) wins. If the grid fills up and nobody has four in a line, the game is a draw.',
    '',
    `Columns are numbered 1 to ${cols} from left to right, as labelled above and below the board. The board is drawn`,
    'with the bottom row last; `.` is an empty cell.',
    `A move is written as the number of a column that is not full, for example: ${Math.ceil(cols / 2)}`,
  ].join('\n');
}

/** The grid, top row first, with column numbers above and below; `cell(r, c)` gives 0, 1 or -1 (empty). */
export function renderConnectFour(rows: number, cols: number, cell: (r: number, c: number) => number): string {
  const width = String(cols).length;
  const pad = (s: string): string => s.padStart(width, ' ');
  const labels = Array.from({ length: cols }, (_, c) => pad(String(c + 1))).join(' ');
  const lines = [labels];
  for (let r = rows - 1; r >= 0; r--) {
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) {
      const v = cell(r, c);
      cells.push(pad(v === 0 ? 'X' : v === 1 ? 'O' : '.'));
    }
    lines.push(cells.join(' '));
  }
  lines.push(labels);
  return lines.join('\n');
}
