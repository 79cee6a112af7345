import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../games/core/rng.js';
import { decodeSlim, withoutTopLevelKey } from './slim.js';

/** A random JSON value with awkward strings and nested `log` keys. */
function randomValue(rng: ReturnType<typeof createRng>, depth: number): unknown {
  const kind = rng.int(0, depth > 2 ? 3 : 6);
  if (kind === 0) return rng.int(-50, 50) / 4;
  if (kind === 1) return rng.pick(['log', '"log":', 'a\\"b', '{[}]', ',"log":{}', 'é\u2028']);
  if (kind === 2) return rng.pick([true, false, null]);
  if (kind === 3) return Array.from({ length: rng.int(0, 3) }, () => randomValue(rng, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = rng.int(0, 4); i > 0; i--) obj[rng.pick(['log', 'a', 'b', 'seq', '"q"'])] = randomValue(rng, depth + 1);
  return obj;
}

describe('withoutTopLevelKey', () => {
  it('equals parse-then-delete on random objects, whatever the position and type of the value', () => {
    const rng = createRng(11);
    for (let t = 0; t < 2000; t++) {
      const obj: Record<string, unknown> = {};
      const keys = rng.shuffle(['type', 'log', 'x', 'y']).slice(0, rng.int(1, 4));
      for (const k of keys) obj[k] = randomValue(rng, 0);
      const text = JSON.stringify(obj);
      const expected = { ...obj };
      delete expected['log'];
      expect(JSON.parse(withoutTopLevelKey(text, 'log'))).toEqual(expected);
    }
  });

  it('handles whitespace and leaves texts without the key unchanged', () => {
    expect(JSON.parse(withoutTopLevelKey('{ "log" : [1, {"a": "}"}] , "b": 2 }', 'log'))).toEqual({ b: 2 });
    expect(JSON.parse(withoutTopLevelKey('{"a": 1, "log" : "x\\"y" }', 'log'))).toEqual({ a: 1 });
    expect(withoutTopLevelKey('{"a":{"log":1}}', 'log')).toBe('{"a":{"log":1}}');
  });
});

describe('decodeSlim', () => {
  it('drops battle logs and plan requests and keeps every other event whole', () => {
    const events = [
      { type: 'match_start', seq: 0, spec: { log: 'kept' } },
      { type: 'plan_request', seq: 1, feedback: 'long text' },
      { type: 'round_result', seq: 2, scores: [1, 0], log: { frames: [[1, 2]], note: '"log":' } },
      { seq: 3, type: 'round_result', log: [1] },
      { type: 'match_end', seq: 4 },
    ];
    const blob = gzipSync(events.map((e) => JSON.stringify(e)).join('\n'));
    expect(decodeSlim(blob)).toEqual([
      { type: 'match_start', seq: 0, spec: { log: 'kept' } },
      { type: 'round_result', seq: 2, scores: [1, 0] },
      { seq: 3, type: 'round_result' },
      { type: 'match_end', seq: 4 },
    ]);
  });

  it('cuts logs the fast way only when the first battle shows the writer puts the log last', () => {
    const battle = (seq: number, extra: Record<string, unknown>) => ({ type: 'round_result', scores: [1, 0], log: { frames: [[seq, '"seq":1']] }, ...extra, seq, time: 1.5 });
    const encode = (events: unknown[]) => gzipSync(events.map((e) => JSON.stringify(e)).join('\n'));
    const usual = [battle(1, {}), battle(2, {}), battle(3, {})];
    expect(decodeSlim(encode(usual))).toEqual(usual.map(({ log: _log, ...rest }) => rest));
    const later = [battle(1, { after: 1 }), battle(2, { after: 2 }), battle(3, {})];
    expect(decodeSlim(encode(later))).toEqual(later.map(({ log: _log, ...rest }) => rest));
  });
});
