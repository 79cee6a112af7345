export { createTicTacToe, TIC_TAC_TOE_VERSION, type TicTacToeState } from './rules.js';
export { ticTacToeBoardgame } from './game.js';
export { cellName, parseCell, type CellParse } from './notation.js';
export { TicTacToeBoard } from './board.js';
export { ticTacToeDescriptor } from './descriptor.js';
