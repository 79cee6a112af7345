import { describe, expect, it } from 'vitest';
import { LIMITS } from '../shared/api.js';
import { HttpError, parseQuery } from './params.js';

function refused(path: Parameters<typeof parseQuery>[0], query: string): string {
  try {
    parseQuery(path, new URLSearchParams(query));
  } catch (err) {
    if (err instanceof HttpError && err.status === 400) return err.message;
    throw err;
  }
  throw new Error(`accepted ${query}`);
}

describe('parseQuery', () => {
  it('accepts known parameters within bounds and converts numbers', () => {
    expect(parseQuery('/api/matches', new URLSearchParams(`run=r&offset=10&limit=${LIMITS.pageMax}&status=error`))).toEqual({ run: 'r', offset: 10, limit: LIMITS.pageMax, status: 'error' });
    expect(parseQuery('/api/runs', new URLSearchParams(''))).toEqual({});
  });

  it('refuses unknown, repeated, malformed and out-of-bounds parameters with a message naming them', () => {
    expect(refused('/api/runs', 'x=1')).toContain("unknown parameter 'x'");
    expect(refused('/api/matches', 'limit=1&limit=2')).toContain("'limit' is given more than once");
    expect(refused('/api/matches', `limit=${LIMITS.pageMax + 1}`)).toContain('at most');
    expect(refused('/api/matches', 'limit=0')).toContain('at least 1');
    expect(refused('/api/matches', 'offset=-1')).toContain('whole number');
    expect(refused('/api/matches', 'offset=1e3')).toContain('whole number');
    expect(refused('/api/matches', 'status=lost')).toContain('status must be one of');
    expect(refused('/api/match', `run=r&key=${'k'.repeat(LIMITS.keyMax + 1)}`)).toContain('longer than');
    expect(refused('/api/match', 'run=r')).toContain('key');
    expect(refused('/api/agent', 'agent=a%00b')).toContain('control characters');
  });
});
