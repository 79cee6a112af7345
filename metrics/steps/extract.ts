import type { TraceEvent } from '../../arena/trace/events.js';
import { TraceFormatError } from '../../arena/trace/read.js';
import { moveRecords } from './move.js';
import { planRecords } from './plan.js';
import type { AgentMatchRecord } from './record.js';

export interface Extraction {
  readonly records: AgentMatchRecord[];
  /** Completed matches used. */
  readonly included: number;
  /** Matches left out, by reason: the match_end reason of an error match, or `incomplete` (no match_end). */
  readonly excluded: Record<string, number>;
}

/**
 * Why a match is not scored, or null when it completed. Error matches (infrastructure, agent contract, internal)
 * are never scored: they say nothing about play.
 */
export function exclusionReason(match: readonly TraceEvent[]): string | null {
  const end = match[match.length - 1];
  if (end?.type !== 'match_end') return 'incomplete';
  return end.status === 'completed' ? null : (end.reason ?? 'error');
}

/** Runs each family's step extractor over the completed matches. */
export function extractRecords(matches: readonly (readonly TraceEvent[])[], blunderThreshold = 0.2): Extraction {
  const records: AgentMatchRecord[] = [];
  const excluded: Record<string, number> = {};
  let included = 0;
  for (const match of matches) {
    const start = match[0];
    if (start?.type !== 'match_start') throw new TraceFormatError('a match must start with match_start');
    const reason = exclusionReason(match);
    if (reason !== null) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    included++;
    records.push(...(start.spec.family === 'plan' ? planRecords(match) : moveRecords(match, blunderThreshold)));
  }
  return { records, included, excluded };
}
