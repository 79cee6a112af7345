import { registerBuiltinAgents } from '../agents/builtin.js';
import { createAgent, type AgentEnv } from '../agents/registry.js';
import { UsageError } from '../errors.js';
import type { PlannedMatch } from '../store/store.js';
import type { SeatSpec } from '../trace/events.js';

/**
 * Builds every agent the given matches need, once per (spec, game family), before anything is played: a spec with
 * an unknown parameter, a model missing from the models config or a model whose API key variable is unset is a
 * usage error listing every problem, instead of a run whose matches all end in errors. Agents are built without
 * the response cache, so an unset key is reported even when the cache could answer some requests.
 */
export function checkAgents(planned: readonly PlannedMatch[], env: AgentEnv, needed: (m: PlannedMatch) => boolean = () => true): void {
  registerBuiltinAgents();
  const bare: AgentEnv = env.models !== undefined ? { models: env.models } : {};
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const m of planned) {
    if (!needed(m)) continue;
    for (const seat of (m.spec as { seats: readonly SeatSpec[] }).seats) {
      const id = `${m.family}\u0000${seat.agent}`;
      if (seen.has(id)) continue;
      seen.add(id);
      try {
        createAgent(seat.agent, bare, m.family);
      } catch (err) {
        problems.push(`agent '${seat.name}' (${seat.agent}) in ${m.family} games: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  if (problems.length > 0) throw new UsageError(`cannot play: ${problems.join('; ')}`);
}
