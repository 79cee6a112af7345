import type { Command } from 'commander';

/** One module per command; each registers itself on the root program. */
export type CommandModule = (program: Command) => void;

export const commands: readonly CommandModule[] = [];
