import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { UsageError } from './errors.js';

/** Builds the `arena` program. Exported for in-process CLI tests. */
export function buildProgram(): Command {
  const program = new Command('arena')
    .description('Strategic-game evaluation arena: traced plans, revisions, budgets and process metrics.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 a failed run or a regression, 2 a usage error. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`arena: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`arena: ${message}\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && /arena[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  process.exitCode = await runCli(process.argv.slice(2));
}
