import './style.css';
import { destroyCharts } from './charts.js';
import { el, replace } from './dom.js';
import { agentPage } from './pages/agent.js';
import type { PageContext } from './pages/common.js';
import { comparePage } from './pages/compare.js';
import { experimentsPage } from './pages/experiments.js';
import { leaderboardPage } from './pages/leaderboard.js';
import { matchesPage } from './pages/matches.js';
import { methodologyPage } from './pages/methodology.js';
import { replayPage } from './pages/replay.js';
import { href, parseHash, type PageName } from './router.js';
import { createSource } from './source.js';

const PAGES: Record<PageName, (ctx: PageContext) => Promise<void>> = {
  leaderboard: leaderboardPage,
  agent: agentPage,
  matches: matchesPage,
  match: replayPage,
  compare: comparePage,
  methodology: methodologyPage,
  experiments: experimentsPage,
};

const source = createSource();
let leave: (() => void)[] = [];
let generation = 0;
let shownHash: string | null = null;

function nav(): void {
  const nav = document.getElementById('nav');
  if (!nav) return;
  replace(nav, el('a', { href: href('leaderboard') }, 'Leaderboard'), el('a', { href: href('matches') }, 'Matches'), el('a', { href: href('compare') }, 'Compare runs'), el('a', { href: href('methodology') }, 'Methodology'), el('a', { href: href('experiments') }, 'Experiments'), el('span', { class: 'mode' }, source.kind === 'static' ? 'static export' : 'live (read-only)'));
}

/** Renders the page of the current hash; a newer navigation wins over a slower older one. */
async function render(): Promise<void> {
  const mine = ++generation;
  for (const fn of leave) fn();
  leave = [];
  destroyCharts();
  delete document.body.dataset['ready'];
  const root = document.getElementById('app');
  if (!root) return;
  const route = parseHash(window.location.hash);
  const page = el('div', { class: `page page-${route.page}` });
  const ctx: PageContext = { root: page, source, params: route.params, onLeave: (fn) => leave.push(fn) };
  // The new page's node goes in at once (empty: the stylesheet shows "Loading…") and fills when its data is in.
  replace(root, page);
  // A new page starts at its top (a static page would otherwise keep the old scroll position, e.g. on Next); a
  // page drawn again in place (a live page refreshing itself) keeps it.
  if (window.location.hash !== shownHash) window.scrollTo(0, 0);
  shownHash = window.location.hash;
  try {
    await PAGES[route.page](ctx);
  } catch (err) {
    if (mine !== generation) return;
    replace(root, el('div', { class: 'error', id: 'error' }, el('h1', {}, 'Cannot show this page'), el('p', {}, err instanceof Error ? err.message : String(err)), el('a', { href: href('leaderboard') }, 'Back to the leaderboard')));
    document.body.dataset['ready'] = 'error';
  }
}

window.addEventListener('hashchange', () => void render());
nav();
void render();
