import type { Command } from 'commander';
import { registerAgents } from './agents.js';
import { registerDemo } from './demo.js';
import { registerGames } from './games.js';
import { registerMatch } from './match.js';
import { registerRules } from './rules.js';

/** One module per command; each registers itself on the root program. */
export type CommandModule = (program: Command) => void;

export const commands: readonly CommandModule[] = [registerGames, registerRules, registerAgents, registerMatch, registerDemo];
