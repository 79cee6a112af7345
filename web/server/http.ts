import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { LIMITS, type ExperimentsResponse } from '../shared/api.js';
import { AggregateCache } from './aggregate-cache.js';
import { Api } from './api.js';
import { HttpError, isApiPath } from './params.js';
import { ReadStore } from './read-store.js';
import { buildSiteAssets, CSP_HEADER, indexHtml, type SiteAssets } from './site.js';

export interface ServeOptions {
  /** The results store (opened read-only). */
  readonly storePath: string;
  /** Port on 127.0.0.1; 0 picks a free one (default 8080). */
  readonly port?: number;
  /** Bootstrap resamples of the leaderboard intervals (default 1000). */
  readonly bootstrap?: number;
  /** A prebuilt front end (default: bundled now). */
  readonly assets?: SiteAssets;
  /** Start computing the newest run's leaderboard right away (default true). */
  readonly warm?: boolean;
  /** PRM experiment reports for the Experiments page (`arena serve --experiment`). */
  readonly experiments?: ExperimentsResponse;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly api: Api;
  /** Settles when the startup warm-up is done: the newest run's leaderboards, overall and per game. */
  readonly warmed: Promise<void>;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Hosts a local page may be reached by; anything else (e.g. a DNS-rebound name) is refused. */
const LOCAL_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

interface StaticFile {
  readonly type: string;
  readonly body: Buffer;
  /** Compressed once at start-up. */
  readonly gzipped: Buffer;
}

function file(type: string, text: string): StaticFile {
  const body = Buffer.from(text);
  return { type, body, gzipped: gzipSync(body, { level: 9 }) };
}

/** The only files the server has: a fixed map from URL path to bytes in memory. No request touches the disk. */
function staticFiles(assets: SiteAssets): ReadonlyMap<string, StaticFile> {
  const html = file('text/html; charset=utf-8', indexHtml('server'));
  return new Map([
    ['/', html],
    ['/index.html', html],
    ['/app.js', file('text/javascript; charset=utf-8', assets.js)],
    ['/app.css', file('text/css; charset=utf-8', assets.css)],
  ]);
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer, extra: Readonly<Record<string, string>> = {}, gzipped?: Buffer): void {
  const gzip = body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const payload = gzip ? (gzipped ?? gzipSync(body, { level: 4 })) : body;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(payload.length),
    'Cache-Control': 'no-store',
    ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, extra: Readonly<Record<string, string>> = {}): void {
  send(req, res, status, 'application/json; charset=utf-8', Buffer.from(JSON.stringify(value)), extra);
}

/** Checks everything about a request except its path; returns the error to send, or null. */
function refusal(req: IncomingMessage): { status: number; message: string; headers?: Record<string, string> } | null {
  const target = req.url ?? '';
  if (target.length > LIMITS.urlMax) return { status: 414, message: `the request target is longer than ${LIMITS.urlMax} characters` };
  if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, message: 'this site is read-only: only GET and HEAD are allowed', headers: { Allow: 'GET, HEAD' } };
  if (!LOCAL_HOST.test(String(req.headers.host ?? ''))) return { status: 403, message: 'this server answers local requests only (Host must be 127.0.0.1 or localhost)' };
  const length = req.headers['content-length'];
  if ((length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined) return { status: 413, message: 'request bodies are not accepted' };
  return null;
}

/**
 * Serves the results store as the leaderboard site on 127.0.0.1: the API under /api/ (JSON, validated queries)
 * and the bundled front end from memory. Read-only: the store is opened read-only and only GET/HEAD are served.
 * The store may change meanwhile (a tournament running in another process): each API request first checks it (through the API's store watch).
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const assets = options.assets ?? (await buildSiteAssets());
  const store = new ReadStore(options.storePath);
  const aggregates = new AggregateCache(store, options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {});
  const api = new Api(store, aggregates, options.experiments);
  const files = staticFiles(assets);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refused = refusal(req);
    if (refused) {
      // A refused request's body is never read, so the connection is closed after the answer.
      sendJson(req, res, refused.status, { error: refused.message }, { Connection: 'close', ...(refused.headers ?? {}) });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      sendJson(req, res, 400, { error: 'malformed request target' });
      return;
    }
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      if (!isApiPath(path)) {
        sendJson(req, res, 404, { error: `unknown API path '${path.slice(0, 80)}'` });
        return;
      }
      try {
        sendJson(req, res, 200, await api.handle(path, url.searchParams));
      } catch (err) {
        if (err instanceof HttpError) sendJson(req, res, err.status, { error: err.message });
        else sendJson(req, res, 500, { error: 'internal error' });
      }
      return;
    }
    const found = files.get(path);
    if (!found || url.search !== '') {
      sendJson(req, res, 404, { error: 'not found' });
      return;
    }
    send(req, res, 200, found.type, found.body, {}, found.gzipped);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(req, res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.maxHeadersCount = 50;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const newest = api.runs().runs[0];
  const warmed = options.warm !== false && newest ? aggregates.complete(newest.id) : Promise.resolve();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    api,
    warmed,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await warmed;
      store.close();
    },
  };
}
