import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { checkRedisUrl, displayUrl } from './connection.js';

describe('Redis URLs', () => {
  it('never shows a password', () => {
    expect(displayUrl('redis://:s3cret@10.0.0.5:6379/2')).toBe('redis://:***@10.0.0.5:6379/2');
    expect(displayUrl('rediss://user:s3cret@host:6380')).toBe('rediss://user:***@host:6380');
    expect(displayUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(displayUrl('not a url s3cret')).toBe('(unparsable URL)');
  });

  it('accepts redis:// and rediss:// only, as a usage error naming the flag', () => {
    expect(checkRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(() => checkRedisUrl('http://127.0.0.1:6379')).toThrow(UsageError);
    expect(() => checkRedisUrl('http://127.0.0.1:6379')).toThrow("--redis expects a redis:// or rediss:// URL, got 'http://127.0.0.1:6379'");
    expect(() => checkRedisUrl('127.0.0.1')).toThrow('--redis expects a URL such as redis://127.0.0.1:6379');
  });
});
