import { PACKAGE_VERSION } from '../manifest/version.js';
import { PROMPT_VERSION } from '../llm/prompts/index.js';
import type { MatchJob } from '../tournament/execute.js';

/** The one queue every worker listens on (BullMQ queue names may not contain ':'). */
export const QUEUE_NAME = 'arena-matches';

/** What a match needs from the code that plays it: a worker refuses a job stamped with other versions. */
export interface VersionStamp {
  readonly arena: string;
  readonly prompts: string;
}

export const CURRENT_VERSIONS: VersionStamp = { arena: PACKAGE_VERSION, prompts: PROMPT_VERSION };

/** A queued match: the planned match, its run, the versions it was planned under and the model definitions. */
export interface QueuedMatch {
  readonly runId: string;
  readonly job: MatchJob;
  readonly versions: VersionStamp;
  /** The run's model endpoint definitions (key variable names only; each worker reads keys from its own environment). */
  readonly models?: Readonly<Record<string, unknown>>;
}

/** A job's result: the finished match's trace (its result and usage are read from it). */
export interface QueuedResult {
  readonly events: unknown[];
}

/**
 * The job id of a match: its run and match key, each URI-encoded (so the id holds no ':'), so the same match is
 * never enqueued twice and a restarted coordinator finds the jobs it enqueued before.
 */
export function jobId(runId: string, matchKey: string): string {
  return `${encodeURIComponent(runId)}/${encodeURIComponent(matchKey)}`;
}

/** Why a worker refuses a job, or undefined when it may play it. */
export function versionMismatch(job: VersionStamp, mine: VersionStamp = CURRENT_VERSIONS): string | undefined {
  if (job.arena === mine.arena && job.prompts === mine.prompts) return undefined;
  return `version mismatch: the job needs arena ${job.arena} with prompts ${job.prompts}, this worker runs arena ${mine.arena} with prompts ${mine.prompts}; run workers of the coordinator's version`;
}
