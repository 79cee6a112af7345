export {
  createConnectFour,
  CONNECT_FOUR_DEFAULTS,
  CONNECT_FOUR_SIZE,
  CONNECT_FOUR_VERSION,
  type ConnectFourParams,
  type ConnectFourState,
} from './rules.js';
export { connectFourBoardgame } from './game.js';
export { columnName, parseColumn, type ColumnParse } from './notation.js';
export { ConnectFourBoard, connectsFour } from './bitboard.js';
