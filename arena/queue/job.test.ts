import { describe, expect, it } from 'vitest';
import { CURRENT_VERSIONS, jobId, versionMismatch } from './job.js';

describe('queue jobs', () => {
  it('names a job by run and match key, without the colon BullMQ forbids, one id per match', () => {
    const id = jobId('run-1', 'tic-tac-toe|llm:a|mcts:iterations=40|llm:a-seat0|rep0');
    expect(id).not.toContain(':');
    expect(id).toBe('run-1/tic-tac-toe%7Cllm%3Aa%7Cmcts%3Aiterations%3D40%7Cllm%3Aa-seat0%7Crep0');
    // run names and keys never collide through the separator
    expect(jobId('a/b', 'c')).not.toBe(jobId('a', 'b/c'));
  });

  it('refuses a job of another arena or prompt version with both versions named', () => {
    expect(versionMismatch(CURRENT_VERSIONS)).toBeUndefined();
    expect(versionMismatch({ arena: CURRENT_VERSIONS.arena, prompts: 'v0' })).toBe(
      `version mismatch: the job needs arena ${CURRENT_VERSIONS.arena} with prompts v0, this worker runs arena ${CURRENT_VERSIONS.arena} with prompts ${CURRENT_VERSIONS.prompts}; run workers of the coordinator's version`,
    );
    expect(versionMismatch({ arena: '0.0.1', prompts: CURRENT_VERSIONS.prompts })).toContain('needs arena 0.0.1');
  });
});
