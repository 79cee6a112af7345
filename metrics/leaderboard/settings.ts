import type { TraceEvent } from '../../arena/trace/events.js';
import { wilsonInterval } from '../stats/intervals.js';

/**
 * One scored observation of an agent in one setting: plan games, the match under a role (its side) and whether it
 * revised first ("role × revise-first"); move games, each game of the series by whether the agent moved first
 * ("seat order").
 */
export interface SettingObservation {
  readonly agent: string;
  readonly game: string;
  readonly kind: 'role' | 'seat';
  /** Plan games: the side index; move games: 0 moved first, 1 moved second. */
  readonly side: number;
  /** Plan games: whether the agent's side revised first; null for move games. */
  readonly revisesFirst: boolean | null;
  /** 1 win, ½ draw, 0 loss. */
  readonly score: number;
}

/** The settings of one completed match's seats (none for an unfinished or errored match). */
export function settingObservations(events: readonly TraceEvent[]): SettingObservation[] {
  const start = events[0];
  const end = events[events.length - 1];
  if (start?.type !== 'match_start' || end?.type !== 'match_end' || end.status !== 'completed') return [];
  const spec = start.spec;
  const out: SettingObservation[] = [];
  if (spec.family === 'plan') {
    spec.seats.forEach((seat, i) => {
      const score = end.winner === null ? 0.5 : end.winner === i ? 1 : 0;
      out.push({ agent: seat.name, game: spec.game, kind: 'role', side: seat.side, revisesFirst: spec.reviseFirst === seat.side, score });
    });
    return out;
  }
  // Move games: who moved first in each game of the series is the seat of its first move.
  const first = new Map<number, 0 | 1>();
  for (const e of events) if (e.type === 'move' && !first.has(e.gameIndex) && e.player === 0) first.set(e.gameIndex, e.seat);
  for (const e of events) {
    if (e.type !== 'game_end') continue;
    const opener = first.get(e.gameIndex);
    if (opener === undefined) continue;
    ([0, 1] as const).forEach((seat) => out.push({ agent: spec.seats[seat].name, game: spec.game, kind: 'seat', side: seat === opener ? 0 : 1, revisesFirst: null, score: e.scores[seat] }));
  }
  return out;
}

/** An agent's results in one setting of one game. */
export interface SettingRow {
  readonly game: string;
  readonly kind: 'role' | 'seat';
  readonly side: number;
  readonly revisesFirst: boolean | null;
  /** Matches (plan games) or games of a series (move games). */
  readonly n: number;
  /** Mean score with a 95% Wilson interval. */
  readonly score: number;
  readonly lo: number;
  readonly hi: number;
}

/** Per agent, its rows by game then setting. */
export function settingBreakdown(observations: readonly SettingObservation[]): Map<string, SettingRow[]> {
  const sums = new Map<string, { o: SettingObservation; sum: number; n: number }>();
  for (const o of observations) {
    const key = [o.agent, o.game, o.kind, o.side, o.revisesFirst].join('\u0000');
    const s = sums.get(key) ?? { o, sum: 0, n: 0 };
    s.sum += o.score;
    s.n += 1;
    sums.set(key, s);
  }
  const out = new Map<string, SettingRow[]>();
  for (const { o, sum, n } of sums.values()) {
    const [lo, hi] = wilsonInterval(sum, n);
    const rows = out.get(o.agent) ?? [];
    rows.push({ game: o.game, kind: o.kind, side: o.side, revisesFirst: o.revisesFirst, n, score: sum / n, lo, hi });
    out.set(o.agent, rows);
  }
  for (const rows of out.values()) rows.sort((x, y) => x.game.localeCompare(y.game) || x.side - y.side || Number(y.revisesFirst) - Number(x.revisesFirst));
  return out;
}
