import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpPost, readText } from './http-client.js';

interface Seen {
  readonly server: string;
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

/** A real server on a loopback port that records what reached it and answers by path. */
async function serve(name: string, seen: Seen[], answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ server: name, method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('httpPost', () => {
  const seen: Seen[] = [];
  let a: { server: Server; url: string };
  let b: { server: Server; url: string };
  beforeAll(async () => {
    b = await serve('b', seen, (_req, res) => res.end('from b'));
    a = await serve('a', seen, (req, res) => {
      const path = req.url ?? '';
      const code = /^\/(30\d)/.exec(path)?.[1];
      if (path === '/loop') res.writeHead(302, { location: '/loop' }).end();
      else if (path === '/away') res.writeHead(307, { location: `${b.url}/landed` }).end();
      else if (path === '/stray') {
        res.end('first');
        // A second, unasked-for response on the same keep-alive connection.
        setTimeout(() => req.socket.write('HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nstray'), 20);
      } else if (path === '/hang') res.writeHead(200).write('partial');
      else if (path === '/cut') {
        res.writeHead(200).write('partial');
        setTimeout(() => req.socket.destroy(), 20);
      }
      else if (code !== undefined) res.writeHead(Number(code), { location: '/landed' }).end('moved');
      else res.writeHead(200, { 'x-reply': 'yes', 'set-cookie': ['a=1', 'b=2'] }).end(`${req.method} ${path}`);
    });
  });
  afterAll(async () => {
    for (const s of [a.server, b.server]) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
  });
  const post = (path: string, signal = new AbortController().signal) => httpPost(`${a.url}${path}`, { 'content-type': 'application/json', authorization: 'Bearer k' }, '{"q":1}', signal);

  it('posts the body and returns status, lower-cased headers and the body', async () => {
    seen.length = 0;
    const res = await post('/chat');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-reply']).toBe('yes');
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(await readText(res.body)).toBe('POST /chat');
    expect(seen).toEqual([{ server: 'a', method: 'POST', path: '/chat', authorization: 'Bearer k', body: '{"q":1}' }]);
  });

  it('repeats the POST on 307 and 308, and continues with a bodiless GET on 301, 302 and 303, as fetch does', async () => {
    for (const [code, method, body] of [
      [307, 'POST', '{"q":1}'],
      [308, 'POST', '{"q":1}'],
      [301, 'GET', ''],
      [302, 'GET', ''],
      [303, 'GET', ''],
    ] as const) {
      seen.length = 0;
      const res = await post(`/${code}`);
      expect(await readText(res.body)).toBe(`${method} /landed`);
      expect(seen.at(-1)).toEqual({ server: 'a', method, path: '/landed', authorization: 'Bearer k', body });
    }
  });

  it('drops the authorization header when a redirect leaves the origin', async () => {
    seen.length = 0;
    const res = await post('/away');
    expect(await readText(res.body)).toBe('from b');
    expect(seen.map((s) => [s.server, s.authorization, s.body])).toEqual([
      ['a', 'Bearer k', '{"q":1}'],
      ['b', undefined, '{"q":1}'],
    ]);
  });

  it('stops after 20 redirects with an error naming the origin', async () => {
    await expect(post('/loop')).rejects.toThrow(`more than 20 redirects from ${a.url}`);
  });

  it('ends a body that never finishes when the signal aborts (reading it fails)', async () => {
    const controller = new AbortController();
    const res = await post('/hang', controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(readText(res.body)).rejects.toThrow(/abort/i);
    expect(res.body.destroyed).toBe(true);
  });

  it('a connection dropped mid-body fails the body read (and nothing else), twice in a row', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await post('/cut');
      await expect(readText(res.body)).rejects.toThrow();
    }
    expect(await readText((await post('/after')).body)).toBe('POST /after');
  });

  it('never reads bytes a server sent on an idle connection as the reply to the next request', async () => {
    expect(await readText((await post('/stray')).body)).toBe('first');
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 3; i++) expect(await readText((await post(`/next-${i}`)).body)).toBe(`POST /next-${i}`);
  });

  it('refuses schemes other than http and https', async () => {
    await expect(httpPost('ftp://127.0.0.1/x', {}, '', new AbortController().signal)).rejects.toThrow(/unsupported protocol ftp:/);
  });
});
