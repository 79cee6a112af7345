#!/usr/bin/env node
// Entry point for `npx arena`: loads the TypeScript CLI through tsx, because boardgame.io 0.50 ships
// no `exports` map and plain Node ESM cannot resolve its subpath imports.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2));
