import type { EngineLimits, EngineSession, EngineStrength } from '../../../games/core/engine.js';
import { UsageError } from '../../errors.js';
import { checkParams, numParam, type AgentSpec } from '../../spec/agent-spec.js';
import type { Agent } from '../agent.js';
import { withErrorRate } from '../move/error-rate.js';
import { botUsage } from '../move/usage.js';

/** Search depth of an engine agent given no limit. */
export const DEFAULT_ENGINE_DEPTH = 8;

export const ENGINE_AGENT_PARAMS = [
  `depth=${DEFAULT_ENGINE_DEPTH}: search depth per move (when no limit is given)`,
  'movetime=none: milliseconds per move (not reproducible run to run)',
  'nodes=none: nodes searched per move',
  'skill=none: skill level 0-20 (the engine weakens itself; 20 is full strength)',
  'elo=none: target Elo (UCI_LimitStrength; clamped to the engine\'s range)',
  'error=0: probability of playing a uniformly random legal move instead (graded strengths)',
];

/** Limits and strength of an engine agent from its spec; bad values are UsageErrors. */
export function engineSettings(spec: AgentSpec): { limits: EngineLimits; strength: EngineStrength } {
  checkParams(spec, ENGINE_AGENT_PARAMS.map((p) => p.slice(0, p.indexOf('='))));
  const has = (k: string): boolean => spec.params[k] !== undefined;
  const int = (k: string, min: number, max: number): number => {
    const v = numParam(spec, k, 0, min, max);
    if (!Number.isInteger(v)) throw new UsageError(`agent '${spec.text}': ${k} must be an integer, got '${spec.params[k]}'`);
    return v;
  };
  const limits: EngineLimits = {
    ...(has('depth') || (!has('movetime') && !has('nodes')) ? { depth: has('depth') ? int('depth', 1, 60) : DEFAULT_ENGINE_DEPTH } : {}),
    ...(has('movetime') ? { movetime: int('movetime', 1, 600_000) } : {}),
    ...(has('nodes') ? { nodes: int('nodes', 1, 1e12) } : {}),
  };
  const strength: EngineStrength = {
    ...(has('skill') ? { skill: int('skill', 0, 20) } : {}),
    ...(has('elo') ? { elo: int('elo', 0, 4000) } : {}),
  };
  return { limits, strength };
}

/**
 * An agent that plays the move of the game's engine (the `engine` capability) named `engine`, e.g. `stockfish`.
 * One engine process per agent, started at its first move and ended when the match closes the agent (also after
 * an error). A game without that engine is a UsageError on the first request.
 */
export function createEngineAgent(engineName: string, spec: AgentSpec): Agent {
  const { limits, strength } = engineSettings(spec);
  let session: Promise<EngineSession<unknown, unknown>> | null = null;
  const agent: Agent = {
    id: spec.text,
    kind: spec.kind,
    async decideMove(request) {
      const start = performance.now();
      const engine = request.game.engine;
      if (!engine || engine.name !== engineName) {
        throw new UsageError(`agent '${spec.text}': ${request.game.id} has no ${engineName} engine (the engine capability)`);
      }
      session ??= engine.open(strength);
      const analysis = await (await session).analyse(request.state, limits);
      if (analysis.best === null || !request.legal.includes(analysis.best)) {
        throw new Error(`the ${engineName} engine answered ${String(analysis.best)}, not a legal move`);
      }
      return {
        action: analysis.best,
        usage: botUsage(start, analysis.nodes),
        meta: { engine: engineName, depth: analysis.depth, nodes: analysis.nodes, score: analysis.score },
      };
    },
    async close() {
      const open = session;
      session = null;
      if (open) await open.then((s) => s.close()).catch(() => undefined);
    },
  };
  return withErrorRate(agent, numParam(spec, 'error', 0, 0, 1));
}
