/**
 * Text a language model reads: the rules and the board, in the same notation the parser accepts. The rules describe
 * how a move is written, never how to answer: the answer format is the prompt's alone (one instruction).
 */
export function ticTacToeRules(): string {
  return [
    'Tic-tac-toe is played on a 3 by 3 grid by two players, X and O. X moves first; then the players alternate.',
    'On your turn you put your mark in one empty cell. The first player with three of their marks in a line',
    '(a row, a column or a diagonal) wins. If all nine cells are filled and nobody has a line, the game is a draw.',
    '',
    'Cells are named by column letter a, b, c (left to right) and row number 1, 2, 3 (top to bottom), as labelled',
    'on the board: a1 is the top-left corner, b2 the centre, c3 the bottom-right corner.',
    'A move is written as the name of an empty cell, for example: b2',
  ].join('\n');
}

/** The grid with labelled columns and rows; `.` marks an empty cell. */
export function renderTicTacToe(x: number, o: number): string {
  const lines = ['  a b c'];
  for (let row = 0; row < 3; row++) {
    const cells: string[] = [];
    for (let col = 0; col < 3; col++) {
      const bit = 1 << (row * 3 + col);
      cells.push(x & bit ? 'X' : o & bit ? 'O' : '.');
    }
    lines.push(`${row + 1} ${cells.join(' ')}`);
  }
  return lines.join('\n');
}
