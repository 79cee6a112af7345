/** Hash routes: `#/page?k=v`. The hash never reaches a server, so any page can be reloaded or bookmarked. */
export type PageName = 'leaderboard' | 'agent' | 'matches' | 'match' | 'compare' | 'methodology' | 'experiments';

export const PAGES: readonly PageName[] = ['leaderboard', 'agent', 'matches', 'match', 'compare', 'methodology', 'experiments'];

export interface Route {
  readonly page: PageName;
  readonly params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const name = q < 0 ? body : body.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  const page = (PAGES as readonly string[]).includes(name) ? (name as PageName) : 'leaderboard';
  return { page, params };
}

/** The hash of a page with parameters (empty values left out). */
export function href(page: PageName, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return `#/${page}${qs ? `?${qs}` : ''}`;
}

export function navigate(page: PageName, params: Readonly<Record<string, string | number | undefined>> = {}): void {
  window.location.hash = href(page, params);
}

/** Updates the hash without a navigation or a history entry (e.g. the replay step). */
export function replaceHash(page: PageName, params: Readonly<Record<string, string | number | undefined>>): void {
  history.replaceState(null, '', href(page, params));
}
