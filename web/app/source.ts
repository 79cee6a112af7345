import { LIMITS, type AgentResponse, type CompareResponse, type ExperimentsResponse, type LeaderboardResponse, type MatchDetail, type MatchPage, type MatchQuery, type MatchSummary, type RunsResponse } from '../shared/api.js';
import { queryMatches } from '../shared/match-query.js';

/** Where the page's data comes from: the local server's API, or the files of a static export. */
export interface Source {
  readonly kind: 'server' | 'static';
  runs(): Promise<RunsResponse>;
  /** `run` undefined: the newest run. */
  leaderboard(run: string | undefined, game: string): Promise<LeaderboardResponse>;
  agent(run: string, agent: string): Promise<AgentResponse>;
  matches(q: MatchQuery): Promise<MatchPage>;
  /** Null when a static export holds no trace for the match. */
  match(run: string, key: string): Promise<MatchDetail | null>;
  /** Which matches have a replay to show: played and (static export) with an exported trace. */
  replayable(run: string): Promise<(m: MatchSummary) => boolean>;
  /** Agent B of run B against agent A of run A; null when a static export does not hold that comparison. */
  compare(runA: string, agentA: string, runB: string, agentB: string): Promise<CompareResponse | null>;
  /** The PRM experiment reports given to `arena serve` or `arena report` (none: an empty list). */
  experiments(): Promise<ExperimentsResponse>;
}

/** Every row of a match-list query (all pages), for downloads. */
export async function allMatches(source: Source, q: Omit<MatchQuery, 'offset' | 'limit'>): Promise<MatchSummary[]> {
  const rows: MatchSummary[] = [];
  for (;;) {
    const page = await source.matches({ ...q, offset: rows.length, limit: LIMITS.pageMax });
    rows.push(...page.matches);
    if (page.matches.length === 0 || rows.length >= page.total) return rows;
  }
}

interface StaticManifest {
  readonly runs: RunsResponse;
  readonly leaderboard: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly agent: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly matches: Readonly<Record<string, string>>;
  /** Run id → data file of { match key → match file }. */
  readonly traces: Readonly<Record<string, string>>;
  readonly compare?: Readonly<Record<string, string>>;
  readonly experiments?: string;
}

/** A match file of the export: the trace still gzip-compressed (base64), as the store keeps it. */
interface CompactMatch extends Omit<MatchDetail, 'events'> {
  readonly traceGzip: string;
}

/** Inflates an exported trace in the browser (DecompressionStream; no network, so it works from file://). */
async function inflateTrace(base64: string): Promise<Readonly<Record<string, unknown>>[]> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as Readonly<Record<string, unknown>>);
}

declare global {
  interface Window {
    __ARENA_STATIC__?: StaticManifest;
    __ARENA_DATA__?: Record<string, unknown>;
  }
}

class HttpSource implements Source {
  readonly kind = 'server';

  private async get<T>(path: string, params: Record<string, string | number | undefined>): Promise<T> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
    const qs = query.toString();
    const res = await fetch(`api/${path}${qs ? `?${qs}` : ''}`, { headers: { Accept: 'application/json' } });
    const body = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(body.error ?? `request failed (${res.status})`);
    return body;
  }

  runs(): Promise<RunsResponse> {
    return this.get('runs', {});
  }
  leaderboard(run: string | undefined, game: string): Promise<LeaderboardResponse> {
    return this.get('leaderboard', { run, game });
  }
  agent(run: string, agent: string): Promise<AgentResponse> {
    return this.get('agent', { run, agent });
  }
  matches(q: MatchQuery): Promise<MatchPage> {
    return this.get('matches', { run: q.run, game: q.game, agent: q.agent, status: q.status, sort: q.sort, offset: q.offset, limit: q.limit });
  }
  match(run: string, key: string): Promise<MatchDetail | null> {
    return this.get('match', { run, key });
  }
  replayable(): Promise<(m: MatchSummary) => boolean> {
    return Promise.resolve((m) => m.status !== 'planned');
  }
  compare(runA: string, agentA: string, runB: string, agentB: string): Promise<CompareResponse | null> {
    return this.get('compare', { runA, agentA, runB, agentB });
  }
  experiments(): Promise<ExperimentsResponse> {
    return this.get('experiments', {});
  }
}

/** Loads one data file of the export by adding a script element for it (fetch does not work on file://). */
function loadData<T>(file: string): Promise<T> {
  const cache = (window.__ARENA_DATA__ ??= {});
  if (Object.hasOwn(cache, file)) return Promise.resolve(cache[file] as T);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = file;
    script.onload = () => {
      script.remove();
      if (Object.hasOwn(cache, file)) resolve(cache[file] as T);
      else reject(new Error(`data file ${file} did not load`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`data file ${file} is missing`));
    };
    document.head.appendChild(script);
  });
}

class StaticSource implements Source {
  readonly kind = 'static';

  constructor(private readonly manifest: StaticManifest) {}

  runs(): Promise<RunsResponse> {
    return Promise.resolve(this.manifest.runs);
  }
  leaderboard(run: string | undefined, game: string): Promise<LeaderboardResponse> {
    const runs = this.manifest.runs.runs;
    const id = run === undefined ? runs[0]?.id : (runs.find((r) => r.id === run) ?? runs.find((r) => r.name === run))?.id;
    const file = id === undefined ? undefined : this.manifest.leaderboard[id]?.[game];
    return file ? loadData(file) : Promise.reject(new Error(`no leaderboard for run '${run ?? '(newest)'}' and game '${game}' in this export`));
  }
  agent(run: string, agent: string): Promise<AgentResponse> {
    const file = this.manifest.agent[run]?.[agent];
    return file ? loadData(file) : Promise.reject(new Error(`no page for agent '${agent}' in this export`));
  }
  async matches(q: MatchQuery): Promise<MatchPage> {
    const file = this.manifest.matches[q.run];
    if (!file) throw new Error(`no matches for run '${q.run}' in this export`);
    const data = await loadData<{ matches: MatchSummary[] }>(file);
    return queryMatches(data.matches, q);
  }
  private traces(run: string): Promise<Readonly<Record<string, string>>> {
    const file = this.manifest.traces[run];
    return file ? loadData(file) : Promise.resolve({});
  }
  async match(run: string, key: string): Promise<MatchDetail | null> {
    const traces = await this.traces(run);
    const file = Object.hasOwn(traces, key) ? traces[key] : undefined;
    if (!file) return null;
    const { traceGzip, ...rest } = await loadData<CompactMatch>(file);
    return { ...rest, events: await inflateTrace(traceGzip) };
  }
  async replayable(run: string): Promise<(m: MatchSummary) => boolean> {
    const traces = await this.traces(run);
    return (m) => m.status !== 'planned' && Object.hasOwn(traces, m.key);
  }
  compare(runA: string, agentA: string, runB: string, agentB: string): Promise<CompareResponse | null> {
    const file = this.manifest.compare?.[[runA, agentA, runB, agentB].join('|')];
    return file ? loadData(file) : Promise.resolve(null);
  }
  experiments(): Promise<ExperimentsResponse> {
    const file = this.manifest.experiments;
    return file ? loadData(file) : Promise.resolve({ experiments: [] });
  }
}

/** The static export sets a manifest before the app loads; otherwise the page came from the server. */
export function createSource(): Source {
  const manifest = window.__ARENA_STATIC__;
  return manifest ? new StaticSource(manifest) : new HttpSource();
}
