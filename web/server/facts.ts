import { ZERO_USAGE, type Usage } from '../../arena/trace/usage.js';
import { pairingsOf } from '../../metrics/leaderboard/build.js';
import { matchCostRows } from '../../metrics/leaderboard/cost.js';
import { settingObservations, type SettingObservation } from '../../metrics/leaderboard/settings.js';
import type { TraceEvent } from '../../arena/trace/events.js';
import type { Pairing } from '../../metrics/ratings/types.js';
import { exclusionReason, extractRecords } from '../../metrics/steps/extract.js';
import type { AgentMatchRecord } from '../../metrics/steps/record.js';
import { protocolText } from '../../metrics/leaderboard/protocol.js';

/** What the leaderboard keeps of one match: everything else of its trace is dropped after one pass. */
export interface MatchFacts {
  readonly game: string;
  readonly seats: readonly [string, string];
  /** Why the match is not scored, or null. */
  readonly exclusion: string | null;
  readonly records: readonly AgentMatchRecord[];
  readonly pairing: Pairing | null;
  /** Match totals by seat (null without a match_end). */
  readonly usage: readonly [Usage, Usage] | null;
  /** Scores on evaluated rounds by seat, in order (index = k); empty for unscored matches. */
  readonly curves: readonly [readonly number[], readonly number[]];
  /** Violation and rejection codes by seat, one entry per submission that carried them. */
  readonly violations: readonly [readonly string[], readonly string[]];
  /** Submissions (plan submissions, moves, rejections) by seat. */
  readonly submissions: readonly [number, number];
  /** Agent specs by seat (e.g. `counter:evals=10`, `llm:my-model`). */
  readonly specs: readonly [string, string];
  /** Cost rows of a completed match by seat (metrics/leaderboard/cost.ts); empty otherwise. */
  readonly cost: readonly (readonly [string, readonly number[]])[];
  /** Scored observations by setting (role × revise-first, seat order); empty for unscored matches. */
  readonly settings: readonly SettingObservation[];
  /** How each seat's model was asked (`answer=tool history=stateless ...`), null for agents without a protocol. */
  readonly protocols: readonly [string | null, string | null];
}

/**
 * Evaluated-round scores by seat (METRICS.md): plan games, the battles right after each of the seat's revision
 * opportunities; move games, the games of the series.
 */
function evaluatedScores(events: readonly TraceEvent[], family: 'plan' | 'move'): [number[], number[]] {
  const out: [number[], number[]] = [[], []];
  for (const e of events) {
    if (family === 'plan' && e.type === 'round_result' && e.revisedBy !== null) out[e.revisedBy].push(e.scores[e.revisedBy]);
    if (family === 'move' && e.type === 'game_end') {
      out[0].push(e.scores[0]);
      out[1].push(e.scores[1]);
    }
  }
  return out;
}

/**
 * The facts of one match trace. A trace the metric extractors reject is kept as an excluded match
 * (`unreadable`) rather than failing the whole leaderboard.
 */
export function factsOf(events: readonly TraceEvent[]): MatchFacts | null {
  const start = events[0];
  if (start?.type !== 'match_start') return null;
  const spec = start.spec;
  const seats = [spec.seats[0].name, spec.seats[1].name] as const;
  const end = events[events.length - 1];
  let exclusion = exclusionReason(events);
  let records: AgentMatchRecord[] = [];
  if (exclusion === null) {
    try {
      records = extractRecords([events]).records;
    } catch {
      exclusion = 'unreadable';
    }
  }
  const violations: [string[], string[]] = [[], []];
  const submissions: [number, number] = [0, 0];
  for (const e of events) {
    if (e.type === 'plan_submission') {
      submissions[e.side]++;
      violations[e.side].push(...e.violations);
    } else if (e.type === 'move' || e.type === 'rejection') {
      submissions[e.seat]++;
      if (e.type === 'rejection') violations[e.seat].push(e.code);
    }
  }
  return {
    game: spec.game,
    seats,
    exclusion,
    records,
    pairing: exclusion === null ? (pairingsOf([events])[0] ?? null) : null,
    usage: end?.type === 'match_end' ? [end.usage[0] ?? ZERO_USAGE, end.usage[1] ?? ZERO_USAGE] : null,
    curves: exclusion === null ? evaluatedScores(events, spec.family) : [[], []],
    violations,
    submissions,
    specs: [spec.seats[0].agent, spec.seats[1].agent],
    cost: matchCostRows(events),
    settings: exclusion === null ? settingObservations(events) : [],
    protocols: [spec.seats[0].protocol === undefined ? null : protocolText(spec.seats[0].protocol), spec.seats[1].protocol === undefined ? null : protocolText(spec.seats[1].protocol)],
  };
}
