import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { capResult, cutText } from './cap.js';

const MARKER = /\n\[arena: (\d+) bytes cut here, sha256 ([0-9a-f]{64})\]\n/;

describe('cutText', () => {
  it('keeps text within the bound unchanged', () => {
    expect(cutText('short', 1024)).toEqual({ text: 'short' });
  });

  it('cuts to at most the bound on character boundaries, naming the dropped bytes and their SHA-256', () => {
    const text = `${'héllo wörld ✓ '.repeat(500)}END`;
    for (const mode of ['middle', 'head', 'tail'] as const) {
      const out = cutText(text, 1024, mode);
      expect(Buffer.byteLength(out.text)).toBeLessThanOrEqual(1024);
      expect(out.text).not.toContain('\uFFFD');
      const parts = out.text.split(MARKER); // [kept start, size, hash, kept end]
      const kept: [string, string] = [parts[0] ?? '', parts[3] ?? ''];
      expect(text.startsWith(kept[0])).toBe(true);
      expect(text.endsWith(kept[1])).toBe(true);
      const all = Buffer.from(text);
      const dropped = all.subarray(Buffer.byteLength(kept[0]), all.length - Buffer.byteLength(kept[1]));
      expect(out.cut).toEqual({ droppedBytes: dropped.length, droppedSha256: createHash('sha256').update(dropped).digest('hex') });
      expect(Number(MARKER.exec(out.text)?.[1])).toBe(dropped.length);
      if (mode === 'head') expect(kept[1]).toBe('');
      if (mode === 'tail') expect(kept[0]).toBe('');
      if (mode === 'middle') expect(out.text.endsWith('END')).toBe(true);
      // idempotent
      expect(cutText(out.text, 1024, mode)).toEqual({ text: out.text });
    }
  });

  it('caps a reply for the cache: content, trimmed reasoning and refusal', () => {
    const result = { content: 'x'.repeat(5000), reasoning: `  ${'y'.repeat(5000)}  `, refusal: 'z'.repeat(5000), finishReason: 'stop', model: 'm', tokens: { prompt: 1, completion: 2, reasoning: 0, reported: true }, latencyMs: 3, retries: 0 };
    const capped = capResult(result, 2048);
    for (const text of [capped.content, capped.reasoning, capped.refusal ?? '']) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2048);
    expect(capped.reasoning.startsWith('y')).toBe(true);
    expect(capped.tokens).toEqual(result.tokens);
    const small = { ...result, content: 'a', reasoning: ' b ', refusal: null };
    expect(capResult(small, 2048)).toBe(small);
  });
});
