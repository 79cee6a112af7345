import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTraceFile } from '../../arena/trace/read.js';
import { inspectArchiveMembers, inspectLog } from './inspect.js';
import { inspectHeaderSchema, inspectLogSchema, inspectSampleSchema, inspectSampleSummarySchema } from './inspect-schema.js';

const FIXTURE = 'metrics/fixtures/inspect/run.jsonl';
const GOLDEN = 'metrics/fixtures/inspect/golden.json';
const OPTIONS = { run: 'example-llm', created: '2026-01-02T03:04:05+00:00', arenaVersion: '0.1.0', manifest: { manifestVersion: 1 } };

describe('Inspect AI log export', () => {
  it('matches the golden log (set UPDATE_GOLDEN=1 to rewrite it after a deliberate change)', async () => {
    const log = inspectLog(await readTraceFile(FIXTURE), OPTIONS);
    const text = `${JSON.stringify(log, null, 2)}\n`;
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('has what Inspect requires: one sample per match with messages, match result and process metrics scores, metadata', async () => {
    const matches = await readTraceFile(FIXTURE);
    const log = inspectLogSchema.parse(inspectLog(matches, OPTIONS));
    expect(log.samples).toHaveLength(matches.length);
    const [move, plan] = log.samples;
    expect(move?.metadata).toMatchObject({ game: 'tic-tac-toe@1', match_key: 'tic-tac-toe@1|model|random|model-seat0|rep0', seats: [{ agent: 'model', spec: 'llm:local' }, { agent: 'random', spec: 'random' }] });
    expect(move?.messages.some((m) => m.role === 'user' && /refused model's answer/.test(m.content))).toBe(true);
    expect(plan?.messages.some((m) => m.role === 'assistant' && m.model === 'scripted')).toBe(true);
    expect(move?.scores?.['match_result']?.value).toEqual({ model: 0, random: 1 });
    expect(Object.keys(plan?.scores?.['process_metrics']?.value as object)).toEqual(expect.arrayContaining(['model/wr']));
    expect(log.eval.metadata).toMatchObject({ manifest: { manifestVersion: 1 } });
    expect(log.results?.completed_samples).toBe(2);
  });

  it('lays out the .eval archive as Inspect does: header, start journal, samples/<id>_epoch_<n>.json, summaries, reductions', async () => {
    const log = inspectLog(await readTraceFile(FIXTURE), OPTIONS);
    const members = inspectArchiveMembers(log);
    expect(Object.keys(members)).toEqual(['_journal/start.json', 'samples/1_epoch_1.json', 'samples/2_epoch_1.json', 'summaries.json', 'reductions.json', 'header.json']);
    const header = inspectHeaderSchema.parse(JSON.parse(members['header.json'] as string));
    expect(header).not.toHaveProperty('samples');
    expect(header.eval.task).toBe('game-arena/example-llm');
    for (const s of log.samples) expect(inspectSampleSchema.parse(JSON.parse(members[`samples/${s.id}_epoch_1.json`] as string))).toEqual(s);
    for (const s of JSON.parse(members['summaries.json'] as string) as unknown[]) inspectSampleSummarySchema.parse(s);
    // a zip round trip keeps every member byte for byte
    const { zipSync, strToU8 } = await import('fflate');
    const unzipped = unzipSync(zipSync(Object.fromEntries(Object.entries(members).map(([k, v]) => [k, strToU8(v)]))));
    for (const [name, text] of Object.entries(members)) expect(strFromU8(unzipped[name] as Uint8Array)).toBe(text);
  });

  it('the schema refuses a log without a field Inspect requires', async () => {
    const log = inspectLog(await readTraceFile(FIXTURE), OPTIONS);
    const { model: _model, ...evalWithoutModel } = log.eval;
    expect(inspectLogSchema.safeParse({ ...log, eval: evalWithoutModel }).success).toBe(false);
    const [first] = log.samples;
    const { target: _target, ...sampleWithoutTarget } = first!;
    expect(inspectSampleSchema.safeParse(sampleWithoutTarget).success).toBe(false);
  });
});
