#!/usr/bin/env node
// `npx arena` finds this through node_modules/.bin (the project depends on this folder as a linked package).
import '../bin.js';
