import { createHash } from 'node:crypto';
import type { ChatResult } from './chat.js';

/** The default bound on each stored copy of reply text (content, reasoning, refusal, raw reply), in UTF-8 bytes. */
export const DEFAULT_STORED_TEXT_BYTES = 65_536;

/** What a cut removed: its size in UTF-8 bytes and the SHA-256 of those bytes, so a copy can be checked against the original. */
export interface CutInfo {
  readonly droppedBytes: number;
  readonly droppedSha256: string;
}

/** Which part of an over-long text is kept. */
export type CutMode = 'middle' | 'head' | 'tail';

/** The line that stands in for the dropped bytes. */
export function cutMarker(info: CutInfo): string {
  return `\n[arena: ${info.droppedBytes} bytes cut here, sha256 ${info.droppedSha256}]\n`;
}

/** The length of the longest UTF-8 prefix of `bytes` that ends on a character boundary and is at most `n` bytes. */
function headEnd(bytes: Buffer, n: number): number {
  let end = Math.min(n, bytes.length);
  while (end > 0 && end < bytes.length && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return end;
}

/** The start of the shortest UTF-8 suffix of at most `n` bytes that starts on a character boundary. */
function tailStart(bytes: Buffer, n: number): number {
  let start = Math.max(0, bytes.length - n);
  while (start < bytes.length && ((bytes[start] as number) & 0xc0) === 0x80) start++;
  return start;
}

/**
 * `text` if it fits in `maxBytes` (UTF-8); otherwise a copy of at most `maxBytes` that keeps the start and end
 * (`middle`), the start (`head`) or the end (`tail`), with a marker line giving how many bytes were dropped and
 * their SHA-256. Idempotent: a cut copy fits, so cutting it again returns it unchanged.
 */
export function cutText(text: string, maxBytes: number, mode: CutMode = 'middle'): { text: string; cut?: CutInfo } {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return { text };
  const bytes = Buffer.from(text, 'utf8');
  // The marker's size depends only on the digit count of droppedBytes: reserve for the largest possible.
  const room = Math.max(0, maxBytes - Buffer.byteLength(cutMarker({ droppedBytes: bytes.length, droppedSha256: '0'.repeat(64) }), 'utf8'));
  const headBytes = mode === 'middle' ? Math.floor(room / 2) : mode === 'head' ? room : 0;
  const head = headEnd(bytes, headBytes);
  const tail = tailStart(bytes, room - head);
  const dropped = bytes.subarray(head, Math.max(head, tail));
  const info = { droppedBytes: dropped.length, droppedSha256: createHash('sha256').update(dropped).digest('hex') };
  const out = `${bytes.subarray(0, head).toString('utf8')}${cutMarker(info)}${bytes.subarray(Math.max(head, tail)).toString('utf8')}`;
  return { text: out, cut: info };
}

/** A reply with its content, reasoning and refusal each cut to `maxBytes` (what the cache may store instead of the whole). */
export function capResult(result: ChatResult, maxBytes: number): ChatResult {
  const content = cutText(result.content, maxBytes);
  // Over the bound, reasoning is cut trimmed, as the agent reads it (so a cut copy reads as the stored one).
  const reasoning = Buffer.byteLength(result.reasoning, 'utf8') > maxBytes ? cutText(result.reasoning.trim(), maxBytes) : { text: result.reasoning };
  const refusal = result.refusal === null ? null : cutText(result.refusal, maxBytes).text;
  if (content.text === result.content && reasoning.text === result.reasoning && refusal === result.refusal) return result;
  return { ...result, content: content.text, reasoning: reasoning.text, refusal };
}
