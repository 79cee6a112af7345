import type { MoveGame } from '../../../games/core/move-game.js';
import type { Agent } from '../agent.js';
import type { AgentSpec } from '../../spec/agent-spec.js';
import { botUsage } from './usage.js';

/**
 * One-ply greedy choice for the player to move: an immediately winning move if there is one; otherwise among the
 * moves that leave the opponent the fewest immediately winning replies (so it blocks a threat and does not play
 * under one), the best by the game's heuristic; remaining ties are broken by `pick`.
 */
export function greedyMove<S, A>(game: MoveGame<S, A>, state: S, legal: readonly A[], pick: (items: readonly A[]) => A): A {
  const me = game.toMove(state);
  const opp = 1 - me;
  const wins = legal.filter((a) => game.outcome(game.apply(state, a))?.[me] === 1);
  let candidates: readonly A[] = wins;
  if (candidates.length === 0) {
    let fewest = Infinity;
    let safest: A[] = [];
    for (const a of legal) {
      const next = game.apply(state, a);
      const threats = game.isTerminal(next) ? 0 : game.legalActions(next).filter((b) => game.outcome(game.apply(next, b))?.[opp] === 1).length;
      if (threats < fewest) {
        fewest = threats;
        safest = [a];
      } else if (threats === fewest) {
        safest.push(a);
      }
    }
    candidates = safest;
  }
  if (game.heuristic) {
    const h = game.heuristic.bind(game);
    const scores = candidates.map((a) => h(state, a));
    const best = Math.max(...scores);
    candidates = candidates.filter((_, i) => scores[i] === best);
  }
  return pick(candidates);
}

export function createGreedyMoveAgent(spec: AgentSpec): Agent {
  return {
    id: spec.text,
    kind: spec.kind,
    async decideMove(request, ctx) {
      const start = performance.now();
      const action = greedyMove(request.game, request.state, request.legal, (items) => ctx.rng.pick(items));
      return { action, usage: botUsage(start) };
    },
  };
}
