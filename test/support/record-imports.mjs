// `node --import ./test/support/record-imports.mjs ...` with ARENA_IMPORT_LOG=<file>: appends the URL of every
// module the process imports to the file, one per line (a tool for tests of what a command loads).
import { register } from 'node:module';

if (process.env.ARENA_IMPORT_LOG) register('./record-imports-hooks.mjs', import.meta.url, { data: { log: process.env.ARENA_IMPORT_LOG } });
