import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The front end: one script and one stylesheet, bundled from web/app (chart.js included; nothing from a CDN). */
export interface SiteAssets {
  readonly js: string;
  readonly css: string;
}

/**
 * Content-Security-Policy of every page: scripts, styles and data only from the site itself, no inline script or
 * style, images also as data: URLs. Even a rendering bug cannot run injected script.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The header form adds what a <meta> policy cannot carry. */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

const ENTRY = fileURLToPath(new URL('../app/main.ts', import.meta.url));
const METRICS_README = fileURLToPath(new URL('../../metrics/README.md', import.meta.url));

/**
 * Bundles web/app/main.ts with esbuild into memory: a classic script (an IIFE, not a module, so it also runs from
 * file:// pages) and its stylesheet. Built on every server start and export, so it is never stale.
 */
export async function buildSiteAssets(options: { readonly minify?: boolean } = {}): Promise<SiteAssets> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: options.minify ?? true,
    write: false,
    outdir: 'site',
    entryNames: 'app',
    logLevel: 'silent',
    // The methodology page carries metrics/README.md in full (it must also work from file://, with no server).
    define: { __ARENA_METRICS_README__: JSON.stringify(existsSync(METRICS_README) ? readFileSync(METRICS_README, 'utf8') : '') },
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'));
  if (!js) throw new Error('the front-end bundle produced no script');
  return { js: js.text, css: css?.text ?? '' };
}

/**
 * The single page. `static` is the export opened from disk: it carries its policy in a <meta> element and loads
 * the data manifest before the app.
 */
export function indexHtml(mode: 'server' | 'static'): string {
  const meta = mode === 'static' ? `\n<meta http-equiv="Content-Security-Policy" content="${CSP_DIRECTIVES.join('; ')}">` : '';
  const data = mode === 'static' ? '\n<script src="data/index.js"></script>' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">${meta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Arena leaderboard</title>
<link rel="stylesheet" href="app.css">${data}
<script src="app.js" defer></script>
</head>
<body>
<header class="top"><a class="brand" href="#/">Arena</a><nav id="nav"></nav></header>
<main id="app"><p class="loading">Loading…</p></main>
</body>
</html>
`;
}
