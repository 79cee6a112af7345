#!/usr/bin/env node
// Entry point for `npx arena`: plain Node on the CLI bundled ahead of time into dist/cli/ (`npm run build`, which
// `npm ci` runs as `prepare`). `npm run arena` runs the TypeScript sources through tsx instead.
const entry = new URL('../../dist/cli/main.js', import.meta.url);
let cli;
try {
  cli = await import(entry.href);
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes(entry.pathname)) throw err;
  process.stderr.write('arena: the CLI is not built yet (dist/cli/main.js is missing); run `npm run build`, or `npm ci`, which builds it\n');
  process.exit(1);
}
cli.exitQuietlyOnBrokenPipe?.();
process.exitCode = await cli.runCli(process.argv.slice(2));
