import type { Pairing } from '../ratings/types.js';

/** Which agents and games a cross-game rating covers, and how much each game's matches weigh in it. */
export interface CrossGameCoverage {
  /** Agents that played every covered game and are connected (through opponents) in each of them. */
  readonly agents: readonly string[];
  /** The covered games. */
  readonly games: readonly string[];
  /** Per covered game: its matches among the covered agents. */
  readonly matches: Readonly<Record<string, number>>;
  /** Agents that played but are not covered, and games left out. */
  readonly leftAgents: readonly string[];
  readonly leftGames: readonly string[];
}

/** Connected groups of `agents` in the "played against" graph of `pairings`, largest first, ties by first name. */
export function components(agents: ReadonlySet<string>, pairings: readonly Pairing[]): string[][] {
  const next = new Map<string, Set<string>>([...agents].map((a) => [a, new Set<string>()]));
  for (const p of pairings) {
    if (p.a === p.b || !agents.has(p.a) || !agents.has(p.b)) continue;
    next.get(p.a)?.add(p.b);
    next.get(p.b)?.add(p.a);
  }
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const start of [...agents].sort()) {
    if (seen.has(start)) continue;
    const group = [start];
    seen.add(start);
    for (let i = 0; i < group.length; i++) {
      for (const o of next.get(group[i] as string) ?? []) {
        if (!seen.has(o)) {
          seen.add(o);
          group.push(o);
        }
      }
    }
    out.push(group.sort());
  }
  return out.sort((x, y) => y.length - x.length || (x[0] as string).localeCompare(y[0] as string));
}

/**
 * The largest group of agents connected in every game of `games`: start from the agents that played them all,
 * keep each game's largest connected group (ties: the one with the first name), intersect, repeat until stable.
 */
function connectedGroup(games: readonly string[], byGame: ReadonlyMap<string, readonly Pairing[]>): string[] {
  const played = (g: string) => new Set((byGame.get(g) ?? []).flatMap((p) => [p.a, p.b]));
  let group = new Set<string>(played(games[0] as string));
  for (const g of games.slice(1)) group = new Set([...group].filter((a) => played(g).has(a)));
  for (;;) {
    let next = group;
    for (const g of games) next = new Set(components(next, byGame.get(g) ?? [])[0] ?? []);
    if (next.size === group.size) return [...next].sort();
    group = next;
  }
}

/** Subsets of the games to try: all of them up to 12 games, else the whole set and each game alone. */
function gameSets(games: readonly string[]): string[][] {
  if (games.length > 12) return [[...games], ...games.map((g) => [g])];
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << games.length; mask++) out.push(games.filter((_, i) => (mask >> i) & 1));
  return out;
}

/**
 * The agents and games a cross-game rating may cover: a set of games and a group of at least two agents that
 * played every one of them and whose comparison graph ("played against") is connected within each. Of all game
 * sets the one covering the most (agent, game) cells wins; ties go to more games, then to the first by name.
 * Null when no two agents qualify.
 */
export function crossGameCoverage(byGame: ReadonlyMap<string, readonly Pairing[]>): CrossGameCoverage | null {
  const games = [...byGame.keys()].filter((g) => (byGame.get(g) ?? []).length > 0).sort();
  let best: { games: string[]; agents: string[] } | null = null;
  for (const set of gameSets(games)) {
    const agents = connectedGroup(set, byGame);
    if (agents.length < 2) continue;
    const cells = agents.length * set.length;
    const bestCells = best ? best.agents.length * best.games.length : 0;
    if (!best || cells > bestCells || (cells === bestCells && set.length > best.games.length)) best = { games: set, agents };
  }
  if (!best) return null;
  const inside = new Set(best.agents);
  const all = new Set(games.flatMap((g) => (byGame.get(g) ?? []).flatMap((p) => [p.a, p.b])));
  const matches: Record<string, number> = {};
  for (const g of best.games) matches[g] = (byGame.get(g) ?? []).filter((p) => inside.has(p.a) && inside.has(p.b)).length;
  return {
    agents: best.agents,
    games: best.games,
    matches,
    leftAgents: [...all].filter((a) => !inside.has(a)).sort(),
    leftGames: games.filter((g) => !best.games.includes(g)),
  };
}

/**
 * The pairings of a cross-game rating: the covered agents' matches in the covered games, each game weighted
 * equally: a match of game g weighs N / (G · n_g) (n_g the game's matches, N their sum, G the games), so every
 * game counts N / G matches in total whatever its size; resampled within its game.
 */
export function crossGamePairings(byGame: ReadonlyMap<string, readonly Pairing[]>, coverage: CrossGameCoverage): Pairing[] {
  const inside = new Set(coverage.agents);
  const total = Object.values(coverage.matches).reduce((a, b) => a + b, 0);
  const out: Pairing[] = [];
  for (const g of coverage.games) {
    const n = coverage.matches[g] ?? 0;
    if (n === 0) continue;
    const weight = total / (coverage.games.length * n);
    for (const p of byGame.get(g) ?? []) if (inside.has(p.a) && inside.has(p.b)) out.push({ a: p.a, b: p.b, score: p.score, weight, stratum: g });
  }
  return out;
}
