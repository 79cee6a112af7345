import type { Agent } from '../agents/agent.js';
import type { SeatSpec } from '../trace/events.js';

/**
 * The spec as recorded in `match_start`: each seat carries its agent's protocol settings (how a language model was
 * asked), so traces, exports and leaderboards show them. A seat that already names one (a replayed trace) keeps it.
 */
export function withProtocols<S extends { readonly seats: readonly [SeatSpec, SeatSpec] }>(spec: S, agents: readonly [Agent, Agent]): S {
  const seat = (i: 0 | 1): SeatSpec => {
    const protocol = agents[i].protocol;
    const s = spec.seats[i];
    return protocol === undefined || s.protocol !== undefined ? s : { ...s, protocol };
  };
  const seats = [seat(0), seat(1)] as const;
  return seats[0] === spec.seats[0] && seats[1] === spec.seats[1] ? spec : { ...spec, seats };
}
