import { gamesWith } from '../../games/registry.js';
import type { AgentKind } from '../registry.js';
import { createEngineAgent, ENGINE_AGENT_PARAMS } from './agent.js';

/** The engines the catalogue's games provide (the `engine` capability), by name, with the games that have each. */
export function catalogueEngines(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of gamesWith('engine')) {
    if (entry.family !== 'move') continue;
    const defaults = Object.fromEntries(Object.entries(entry.params).map(([k, p]) => [k, p.default]));
    const name = entry.create(defaults).rules.engine?.name;
    if (name) out.set(name, [...(out.get(name) ?? []), entry.id]);
  }
  return out;
}

/** One agent kind per engine in the catalogue, named after it (`stockfish:depth=8`, `stockfish:skill=3`). */
export function engineAgentKinds(): AgentKind[] {
  return [...catalogueEngines()].map(([name, games]) => ({
    kind: name,
    families: ['move'],
    description: `plays the ${name} engine's move at a fixed depth, time or strength (rating anchors; games: ${games.join(', ')})`,
    params: ENGINE_AGENT_PARAMS,
    create: (spec) => createEngineAgent(name, spec),
  }));
}
