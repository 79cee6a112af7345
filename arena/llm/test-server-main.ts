import { parseArgs } from 'node:util';
import { startTestServer, type ChatRequestBody, type ScriptedReply } from './test-server.js';

/**
 * `tsx arena/llm/test-server-main.ts [--port N] [--latency MS] [--text REPLY] [--stream] [--first-legal] [--exit-on-stdin-close]`:
 * serves well-formed answers (after a fixed latency; streamed as server-sent events to requests that ask, with
 * `--stream`) until killed, and prints its base URL as the first line of stdout. With `--first-legal`, each answer plays the
 * first move of the prompt's LEGAL MOVES list (as a `play_move` tool call when the request offers tools; implies
 * `--stream`). With `--exit-on-stdin-close` it stops when its stdin closes, so a parent that pipes its stdin
 * cannot leave it running, however the parent ends.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    latency: { type: 'string', default: '0' },
    text: { type: 'string', default: '{"ok": true}' },
    stream: { type: 'boolean', default: false },
    'first-legal': { type: 'boolean', default: false },
    'exit-on-stdin-close': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
const latency = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || !Number.isFinite(latency) || latency < 0) {
  process.stderr.write('usage: test-server-main.ts [--port N] [--latency MS] [--text REPLY] [--stream] [--first-legal] [--exit-on-stdin-close]\n');
  process.exit(2);
}

/** The first legal move listed in the request's last prompt, in whichever channel the request asked for. */
function firstLegal(body: ChatRequestBody): ScriptedReply {
  const messages = (body as { messages?: ReadonlyArray<{ content?: unknown }> }).messages ?? [];
  const prompt = messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt.slice(prompt.lastIndexOf('LEGAL MOVES')))?.[1]?.split(', ') ?? [];
  const json = JSON.stringify({ plan: 'first listed', move: legal[0] ?? 'b2' });
  return body['tools'] !== undefined ? { text: '', toolCalls: [{ name: 'play_move', arguments: json }] } : { text: json };
}

const answer = values['first-legal']
  ? ({ kind: 'stream', script: firstLegal } as const)
  : values.stream
    ? ({ kind: 'stream', reply: { text: values.text } } as const)
    : ({ kind: 'answer', text: values.text } as const);
const server = await startTestServer({ port, behaviour: latency > 0 ? { kind: 'slow', ms: latency, then: answer } : answer });
process.stdout.write(`${server.url}\n`);
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (values['exit-on-stdin-close']) {
  // The parent is gone (killed, crashed or exited without stopping us) when its end of our stdin closes.
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
