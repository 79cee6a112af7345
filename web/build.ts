import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildSiteAssets, indexHtml } from './server/site.js';

/**
 * `npm run build:web`: writes the bundled front end to web/dist/ (index.html, app.js, app.css) for inspection or
 * hosting behind another server. `arena serve` and `arena report` do not need it: they bundle into memory.
 */
const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const started = performance.now();
const assets = await buildSiteAssets();
await mkdir(dist, { recursive: true });
await Promise.all([writeFile(`${dist}index.html`, indexHtml('server')), writeFile(`${dist}app.js`, assets.js), writeFile(`${dist}app.css`, assets.css)]);
process.stdout.write(`web/dist: app.js ${(assets.js.length / 1024).toFixed(0)} KB, app.css ${(assets.css.length / 1024).toFixed(0)} KB in ${(performance.now() - started).toFixed(0)} ms\n`);
