import { UsageError } from '../../errors.js';
import type { Agent } from '../agent.js';
import type { AgentSpec } from '../../spec/agent-spec.js';
import { solveActions, solvedResult, type SolverMemo } from '../../search/negamax.js';
import { botUsage } from './usage.js';

/**
 * Perfect play by exhaustive negamax with memoisation, among equally valued moves a seeded uniform choice. Only
 * games that declare `solvable`; any other game is a UsageError on the first request.
 */
export function createSolverAgent(spec: AgentSpec): Agent {
  const memos = new Map<string, SolverMemo>();
  return {
    id: spec.text,
    kind: spec.kind,
    async decideMove(request, ctx) {
      const start = performance.now();
      const { game, state } = request;
      if (game.solvable !== true) {
        throw new UsageError(`agent '${spec.text}': the exact solver only plays games small enough to solve (the solvable capability), not ${game.id}`);
      }
      const memoKey = `${game.id}@${game.version}${JSON.stringify(game.params)}`;
      const memo = memos.get(memoKey) ?? new Map<string, number>();
      memos.set(memoKey, memo);
      const before = memo.size;
      const scored = solveActions(game, state, memo);
      const best = Math.max(...scored.map((s) => s.value));
      const action = ctx.rng.pick(scored.filter((s) => s.value === best).map((s) => s.action));
      return { action, usage: botUsage(start, memo.size - before), meta: { value: best, result: solvedResult(best) } };
    },
  };
}
