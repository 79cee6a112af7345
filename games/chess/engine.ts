import type { EngineAnalysis, EngineLimits, EngineScore, EngineSession, EngineStrength, GameEngine } from '../core/engine.js';
import type { ChessState } from './state.js';
import { UciProcess } from './uci.js';

/** Stockfish's UCI_Elo range (the lite build announces 1320-3190). */
const ELO_RANGE = [1320, 3190] as const;

/** Reads the score, depth and nodes of the last `info` line that carries a score (principal variation 1). */
export function lastInfo(lines: readonly string[]): { score: EngineScore; depth: number; nodes: number } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (!line.startsWith('info ') || !line.includes(' score ')) continue;
    const multipv = /\bmultipv (\d+)/.exec(line);
    if (multipv && multipv[1] !== '1') continue;
    const score = /\bscore (cp|mate) (-?\d+)/.exec(line);
    if (!score) continue;
    const value = Number(score[2]);
    return {
      score: score[1] === 'cp' ? { cp: value } : { mate: value },
      depth: Number(/\bdepth (\d+)/.exec(line)?.[1] ?? 0),
      nodes: Number(/\bnodes (\d+)/.exec(line)?.[1] ?? 0),
    };
  }
  return null;
}

function goCommand(limits: EngineLimits): string {
  const parts = ['go'];
  if (limits.depth !== undefined) parts.push('depth', String(limits.depth));
  if (limits.movetime !== undefined) parts.push('movetime', String(limits.movetime));
  if (limits.nodes !== undefined) parts.push('nodes', String(limits.nodes));
  if (parts.length === 1) parts.push('depth', '10');
  return parts.join(' ');
}

/** A generous wait for one search: 60 s plus ten times the movetime (depth-limited searches at CI depths take well under a second). */
function timeoutFor(limits: EngineLimits): number {
  return 60_000 + 10 * (limits.movetime ?? 0);
}

async function openStockfish(strength: EngineStrength = {}): Promise<EngineSession<ChessState, string>> {
  const { engine } = await UciProcess.start();
  try {
    if (strength.skill !== undefined) engine.send(`setoption name Skill Level value ${strength.skill}`);
    if (strength.elo !== undefined) {
      const elo = Math.min(ELO_RANGE[1], Math.max(ELO_RANGE[0], strength.elo));
      engine.send('setoption name UCI_LimitStrength value true');
      engine.send(`setoption name UCI_Elo value ${elo}`);
    }
    await engine.request('isready', (l) => l === 'readyok', 30_000);
  } catch (err) {
    await engine.close();
    throw err;
  }
  return {
    async analyse(state, limits): Promise<EngineAnalysis<string>> {
      engine.send(`position fen ${state.start}${state.uci.length > 0 ? ` moves ${state.uci.join(' ')}` : ''}`);
      const lines = await engine.request(goCommand(limits), (l) => l.startsWith('bestmove'), timeoutFor(limits));
      const best = (lines[lines.length - 1] ?? '').split(/\s+/)[1] ?? '(none)';
      const info = lastInfo(lines);
      if (best === '(none)') {
        // No legal move: the engine reports mate 0 when mated, and cp 0 at stalemate.
        return { best: null, score: info?.score ?? { cp: 0 }, depth: 0, nodes: 0 };
      }
      if (!info) throw new Error(`the chess engine gave no score for ${state.fen}`);
      return { best, ...info };
    },
    close: () => engine.close(),
  };
}

/**
 * Stockfish 19 (the `stockfish` package's lite single-threaded WebAssembly build) over UCI in a child process.
 * Searches see the start position and the moves played since, so the engine knows about repetitions.
 */
export const stockfishEngine: GameEngine<ChessState, string> = { name: 'stockfish', open: openStockfish, eloRange: ELO_RANGE };
