export {
  createConnectFour,
  CONNECT_FOUR_DEFAULTS,
  CONNECT_FOUR_SIZE,
  CONNECT_FOUR_VERSION,
  type ConnectFourParams,
} from './rules.js';
export type { ConnectFourState } from './state.js';
export { connectFourBoardgame } from './game.js';
export { columnName, parseColumn, type ColumnParse } from './notation.js';
export { ConnectFourBoard, connectsFour } from './bitboard.js';
export { connectFourDescriptor } from './descriptor.js';
