import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';

/** A response whose body is still to be read (or destroyed). */
export interface HttpResponse {
  readonly statusCode: number;
  /** Lower-cased names; repeated headers are arrays. */
  readonly headers: IncomingHttpHeaders;
  readonly body: IncomingMessage;
}

const MAX_REDIRECTS = 20;

/**
 * One keep-alive pool per scheme for every endpoint (no limit on sockets: the endpoint limits in limiter.ts bound
 * what is in flight). Node's own client writes a request on a free keep-alive socket at once; undici's waits for the
 * event loop's check phase first, so when many replies arrive together every next request leaves only after all of
 * them are handled, and matches in flight stay in lockstep (`npm run bench in-flight` measures what this gives).
 * A request that meets a socket the server has just closed fails as a dropped connection and is retried
 * (transport.ts), like any other connection failure.
 */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) } as const;

function send(url: URL, method: string, headers: Readonly<Record<string, string>>, body: string | undefined, signal: AbortSignal | undefined): Promise<HttpResponse> {
  const scheme = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (scheme === undefined) return Promise.reject(new Error(`unsupported protocol ${url.protocol} in ${url.origin}`));
  return new Promise((resolve, reject) => {
    const outgoing = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = scheme.request(url, { method, headers: outgoing, agent: agents[url.protocol as 'http:' | 'https:'], ...(signal === undefined ? {} : { signal }) }, (res) => {
      resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: res });
    });
    // Every error is handled (a later one, after the response, reaches the body's reader instead).
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs `body` and returns the response once its headers are in, following redirects as `fetch` does: 307 and 308
 * repeat the POST, 301, 302 and 303 continue with a GET without a body, and the authorization header is dropped
 * when a redirect leaves the origin. Aborting `signal` ends the request, or its body (reading it then fails).
 */
export async function httpPost(target: string, headers: Readonly<Record<string, string>>, body: string, signal?: AbortSignal): Promise<HttpResponse> {
  let url = new URL(target);
  let method = 'POST';
  let payload: string | undefined = body;
  let sent = headers;
  for (let hop = 0; ; hop++) {
    const response = await send(url, method, sent, payload, signal);
    const location = response.headers.location;
    if (![301, 302, 303, 307, 308].includes(response.statusCode) || location === undefined) return response;
    response.body.on('error', () => undefined).resume();
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects from ${new URL(target).origin}`);
    const next = new URL(location, url);
    if (next.origin !== url.origin) sent = Object.fromEntries(Object.entries(sent).filter(([k]) => k.toLowerCase() !== 'authorization'));
    if (response.statusCode !== 307 && response.statusCode !== 308 && method === 'POST') {
      method = 'GET';
      payload = undefined;
      sent = Object.fromEntries(Object.entries(sent).filter(([k]) => k.toLowerCase() !== 'content-type'));
    }
    url = next;
  }
}

/** The whole body as UTF-8 text. */
export async function readText(body: IncomingMessage): Promise<string> {
  body.setEncoding('utf8');
  let text = '';
  for await (const chunk of body) text += chunk as string;
  return text;
}
