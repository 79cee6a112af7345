export { createChess, chessEnd, chessStateAt, applyMove, seededOpening, CHESS_VERSION, CHESS_DEFAULTS, RANDOM_OPENING, type ChessState, type ChessParams, type ChessEnd } from './rules.js';
export { chessBoardgame } from './game.js';
export { parseChessMove, type MoveParse } from './notation.js';
export { stockfishEngine } from './engine.js';
export { UciProcess, liveEnginePids, stockfishPath } from './uci.js';
export { OPENING_LINES, openingFen } from './openings.js';
export { START_FEN } from './position.js';
export { chessDescriptor } from './descriptor.js';
