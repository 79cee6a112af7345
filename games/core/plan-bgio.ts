import type { Game } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import type { PlanGame, SideIndex } from './plan-game.js';
import { initLoop, submit, type LoopSettings, type LoopState, type Submission } from './plan-loop.js';

/** The boardgame.io state of a plan match: the pure loop state. */
export type PlanBgioState = LoopState;

/** Match result boardgame.io reports through `ctx.gameover`. */
export interface PlanGameover {
  readonly wins: readonly [number, number];
  readonly winner?: string;
  readonly draw?: true;
}

/** Copies a (possibly Immer-drafted, frozen) state into plain data before handing it to the pure loop. */
function plain(state: LoopState): LoopState {
  return JSON.parse(JSON.stringify({ ...state, outbox: [] })) as LoopState;
}

/**
 * The boardgame.io Game for one plan match: the player to move is the side whose request is pending (initial plans,
 * re-asks, revisions); the single move `submit` applies the pure loop; the game ends when no request is pending.
 */
export function planBgioGame(game: PlanGame, settings: LoopSettings): Game<PlanBgioState> {
  return {
    name: `${game.id}@${game.version}`,
    minPlayers: 2,
    maxPlayers: 2,
    setup: () => initLoop(),
    turn: {
      order: {
        first: ({ G }) => G.pending?.side ?? 0,
        next: ({ G }) => G.pending?.side ?? 0,
      },
    },
    moves: {
      submit: ({ G, playerID, events }, submission: Submission) => {
        const pending = G.pending;
        if (pending === null || String(pending.side) !== playerID) return INVALID_MOVE;
        const next = submit(game, settings, plain(G), submission);
        events.endTurn();
        return next;
      },
    },
    endIf: ({ G }) => {
      if (G.pending !== null) return undefined;
      const wins: [number, number] = [0, 0];
      for (const b of G.battles) if (b.winner !== null) wins[b.winner as SideIndex]++;
      if (wins[0] === wins[1]) return { wins, draw: true } satisfies PlanGameover;
      return { wins, winner: wins[0] > wins[1] ? '0' : '1' } satisfies PlanGameover;
    },
  };
}
