import type { TraceEvent } from '../../arena/trace/events.js';

/** `answer=tool legal_moves=game ...`: a seat's recorded protocol settings in key order. */
export function protocolText(protocol: Readonly<Record<string, string | number | boolean>>): string {
  return Object.keys(protocol)
    .sort()
    .map((k) => `${k}=${String(protocol[k])}`)
    .join(' ');
}

/**
 * Each agent's protocol settings as recorded on its seats (match_start). An agent asked in more than one way across
 * the matches (a models file edited between resumed runs) lists every variant, separated by ` | `.
 */
export function protocolsOf(matches: readonly (readonly TraceEvent[])[]): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const match of matches) {
    const start = match[0];
    if (start?.type !== 'match_start') continue;
    for (const seat of start.spec.seats) {
      if (seat.protocol === undefined) continue;
      const set = seen.get(seat.name) ?? new Set<string>();
      set.add(protocolText(seat.protocol));
      seen.set(seat.name, set);
    }
  }
  return new Map([...seen].map(([agent, set]) => [agent, [...set].sort().join(' | ')]));
}
