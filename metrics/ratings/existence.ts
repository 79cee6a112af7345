import type { Pairing, Unbounded } from './types.js';

export type { Unbounded } from './types.js';

export interface Existence {
  /** Whether the maximum-likelihood estimate exists for every agent (the "scored against" graph is strongly connected). */
  readonly exists: boolean;
  /** The agents in the anchor's strongly connected group: their ratings are finite. */
  readonly finite: readonly string[];
  /** Every other agent and how its rating diverges. */
  readonly unbounded: ReadonlyMap<string, Unbounded>;
}

/**
 * Zermelo's condition (Ford 1957; Hunter 2004): the Bradley–Terry likelihood has a finite maximum iff, for every
 * split of the agents into two groups, someone in each group scored (won or drew) against someone in the other,
 * i.e. the directed graph "i scored against j" is strongly connected. Otherwise only the anchor's strongly
 * connected group has finite ratings (fitted on the games inside it); the rest are classified relative to it.
 */
export function existence(agents: readonly string[], pairings: readonly Pairing[], anchor: string): Existence {
  const index = new Map(agents.map((a, i) => [a, i]));
  const out: Set<number>[] = agents.map(() => new Set<number>());
  const scored = (i: number, j: number): void => void out[i]?.add(j);
  for (const p of pairings) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined || i === j) continue;
    if (p.score > 0) scored(i, j);
    if (p.score < 1) scored(j, i);
  }
  const reach = (from: number, edges: readonly Set<number>[]): Set<number> => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length > 0) {
      for (const next of edges[stack.pop() as number] ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen;
  };
  const into: Set<number>[] = agents.map(() => new Set<number>());
  out.forEach((targets, i) => targets.forEach((j) => into[j]?.add(i)));
  const a = index.get(anchor);
  if (a === undefined) throw new RangeError(`anchor '${anchor}' is not among the agents`);
  const below = reach(a, out); // the anchor's group scored, through a chain, against these
  const above = reach(a, into); // these scored, through a chain, against the anchor's group
  const finite: string[] = [];
  const unbounded = new Map<string, Unbounded>();
  agents.forEach((agent, i) => {
    const down = below.has(i);
    const up = above.has(i);
    if (down && up) finite.push(agent);
    else unbounded.set(agent, up ? 'above' : down ? 'below' : 'unlinked');
  });
  return { exists: unbounded.size === 0, finite, unbounded };
}
