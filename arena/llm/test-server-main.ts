import { parseArgs } from 'node:util';
import { startTestServer } from './test-server.js';

/**
 * `tsx arena/llm/test-server-main.ts [--port N] [--latency MS] [--text REPLY] [--stream]`: serves well-formed
 * answers (after a fixed latency; streamed as server-sent events to requests that ask, with `--stream`) until
 * killed, and prints its base URL as the first line of stdout.
 */
const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, latency: { type: 'string', default: '0' }, text: { type: 'string', default: '{"ok": true}' }, stream: { type: 'boolean', default: false } },
});
const port = Number(values.port);
const latency = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || !Number.isFinite(latency) || latency < 0) {
  process.stderr.write('usage: test-server-main.ts [--port N] [--latency MS] [--text REPLY] [--stream]\n');
  process.exit(2);
}
const answer = values.stream ? ({ kind: 'stream', reply: { text: values.text } } as const) : ({ kind: 'answer', text: values.text } as const);
const server = await startTestServer({ port, behaviour: latency > 0 ? { kind: 'slow', ms: latency, then: answer } : answer });
process.stdout.write(`${server.url}\n`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
