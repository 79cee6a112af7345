import type { Pairing } from '../ratings/types.js';

/** Who played how much of what: per agent, its scored matches in each game and the number of games it played. */
export interface Coverage {
  readonly games: readonly string[];
  readonly agents: readonly { readonly agent: string; readonly games: number; readonly matches: number; readonly byGame: Readonly<Record<string, number>> }[];
}

/** Coverage of a run from its scored matches by game (self-play counts once). Agents by name. */
export function coverageOf(byGame: ReadonlyMap<string, readonly Pairing[]>): Coverage {
  const games = [...byGame.keys()].sort();
  const counts = new Map<string, Record<string, number>>();
  for (const g of games) {
    for (const p of byGame.get(g) ?? []) {
      for (const a of p.a === p.b ? [p.a] : [p.a, p.b]) {
        const row = counts.get(a) ?? {};
        row[g] = (row[g] ?? 0) + 1;
        counts.set(a, row);
      }
    }
  }
  const agents = [...counts.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([agent, byGame]) => ({ agent, games: Object.keys(byGame).length, matches: Object.values(byGame).reduce((a, b) => a + b, 0), byGame }));
  return { games, agents };
}
