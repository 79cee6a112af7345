import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { UsageError } from '../errors.js';
import { PACKAGE_VERSION } from './version.js';

/** The command `argv` runs or asks help for: its first word (the root takes no option with a value), or the word after `help`. */
export function invokedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Builds the `arena` program for `argv`: the command it names is loaded and registered in full; every other command
 * is listed by name and description only (for `arena --help` and "did you mean"), so its modules are never loaded.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('arena')
    .description('Strategic-game evaluation arena: traced plans, revisions, budgets and process metrics.')
    .showHelpAfterError('(run with --help for usage)')
    .version(PACKAGE_VERSION, '-V, --version', 'print the arena version')
    .exitOverride();
  const wanted = invokedCommand(argv);
  for (const entry of commands) {
    if (entry.name === wanted) (await entry.load())(program);
    else program.command(entry.name).description(entry.description);
  }
  return program;
}

/**
 * Output piped into a reader that stops early (`arena games | head -1`): the broken pipe (EPIPE) ends the process
 * quietly with status 0 instead of a stack trace. Installed by the entry points, not by `runCli`.
 */
export function exitQuietlyOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 a failed command or a regression, 2 a usage error, 3 an
 * incomplete run (matches left without a result), 130 interrupted.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
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
  exitQuietlyOnBrokenPipe();
  process.exitCode = await runCli(process.argv.slice(2));
}
