import type { MoveGame } from '../../../games/core/move-game.js';
import type { Agent } from '../agent.js';
import { numParam, type AgentSpec } from '../../spec/agent-spec.js';
import { boardOf } from '../../search/board.js';
import { fastRand } from '../../search/rand.js';
import { bestChild, iterate, newRoot, type UctNode } from '../../search/uct.js';
import { botUsage } from './usage.js';

export interface MctsOptions {
  /** Iterations per move (default 1000 when no time budget is given). */
  readonly iterations?: number;
  /** Wall-time budget per move in ms (not reproducible run to run; the trace records what was played). */
  readonly ms?: number;
  /** UCB1 exploration constant (default √2). */
  readonly c?: number;
  /** Keep the subtree of the moves actually played between decisions (default true). */
  readonly reuse?: boolean;
}

interface Kept {
  readonly game: MoveGame;
  readonly state: unknown;
  readonly root: UctNode;
}

/**
 * Finds the node of `kept`'s tree for `target`: the root itself or a descendant within two plies (our move and
 * the opponent's reply), matched by state key. Null when the position is not in the tree (a new game).
 */
function descend(kept: Kept, game: MoveGame, target: string): UctNode | null {
  if (kept.game !== game) return null;
  if (game.key(kept.state) === target) return kept.root;
  for (const child of kept.root.children) {
    const s1 = game.apply(kept.state, child.action);
    if (game.key(s1) === target) return child;
    if (game.isTerminal(s1)) continue;
    for (const grand of child.children) {
      if (game.key(game.apply(s1, grand.action)) === target) return grand;
    }
  }
  return null;
}

/** UCT Monte Carlo tree search on the pure (fast board) path, seeded from the agent's generator. */
export function createMctsAgent(spec: AgentSpec, options: MctsOptions): Agent {
  const c = options.c ?? Math.SQRT2;
  const budgetMs = options.ms;
  const iterations = options.iterations ?? (budgetMs === undefined ? 1000 : Infinity);
  let kept: Kept | null = null;
  return {
    id: spec.text,
    kind: spec.kind,
    async decideMove(request, ctx) {
      const start = performance.now();
      const { game, state } = request;
      const found = options.reuse === false || kept === null ? null : descend(kept, game, game.key(state));
      const root = found ?? newRoot(game.toMove(state));
      const reused = root.visits;
      const board = boardOf(game, state);
      const rand = fastRand(ctx.rng);
      let done = 0;
      while (done < iterations) {
        iterate(root, board, c, rand);
        done++;
        if (budgetMs !== undefined && (done & 31) === 0 && performance.now() - start >= budgetMs) break;
      }
      const best = bestChild(root);
      kept = { game, state, root };
      const action = best ? best.action : ctx.rng.pick(request.legal);
      const meta = { iterations: done, reusedVisits: reused, value: best ? best.score / Math.max(1, best.visits) : null };
      return { action, usage: botUsage(start, done), meta };
    },
    close() {
      kept = null;
      return Promise.resolve();
    },
  };
}

/** Reads `iterations`, `ms`, `c` and `reuse` from a spec. */
export function mctsOptionsFrom(spec: AgentSpec): MctsOptions {
  const out: { iterations?: number; ms?: number; c?: number; reuse?: boolean } = {};
  if (spec.params.iterations !== undefined) out.iterations = Math.floor(numParam(spec, 'iterations', 1000, 1, 1e9));
  if (spec.params.ms !== undefined) out.ms = numParam(spec, 'ms', 1000, 1, 3_600_000);
  if (spec.params.c !== undefined) out.c = numParam(spec, 'c', Math.SQRT2, 0, 100);
  if (spec.params.reuse !== undefined) out.reuse = numParam(spec, 'reuse', 1, 0, 1) === 1;
  return out;
}
