import { UsageError } from '../errors.js';

/** A parsed game id: `name[@version][(k=v,...)]`, e.g. `name@1(rows=6,cols=7)`. */
export interface GameId {
  readonly name: string;
  readonly version?: number;
  readonly params: Readonly<Record<string, number>>;
}

export function parseGameId(text: string): GameId {
  const m = /^\s*([a-z][a-z0-9-]*)(?:@(\d+))?(?:\(([^)]*)\))?\s*$/.exec(text);
  if (!m) throw new UsageError(`bad game id '${text}': expected name[@version][(key=value,...)] as 'arena games' lists them, e.g. name@1(rows=6,cols=7)`);
  const params: Record<string, number> = {};
  for (const piece of (m[3] ?? '').split(',')) {
    if (piece.trim() === '') continue;
    const [key, value, extra] = piece.split('=').map((s) => s.trim());
    const num = Number(value);
    if (!key || value === undefined || extra !== undefined || value === '' || !Number.isFinite(num)) {
      throw new UsageError(`bad game id '${text}': parameter '${piece.trim()}' must be key=number`);
    }
    params[key] = num;
  }
  return m[2] === undefined ? { name: m[1] as string, params } : { name: m[1] as string, version: Number(m[2]), params };
}
