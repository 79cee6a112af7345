import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { checkRedis, checkRedisUrl, displayUrl } from '../../queue/connection.js';
import { CURRENT_VERSIONS } from '../../queue/job.js';
import { startQueueWorker } from '../../queue/worker.js';

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number in [${min}, ${max}], got '${value}'`);
  return n;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('play match jobs from Redis for tournaments run with --redis, on this or any machine (holds no store)')
    .requiredOption('--redis <url>', 'the Redis the coordinator (arena tournament --redis) enqueues on, e.g. redis://10.0.0.5:6379')
    .option('--concurrency <n>', 'matches played at once (built-in agents each take a core)', '1')
    .option('--stall-ms <ms>', "how long a worker may go silent before its match is re-run by another worker", '30000')
    .action(async (opts: { redis: string; concurrency: string; stallMs: string }) => {
      const url = checkRedisUrl(opts.redis);
      const concurrency = wholeNumber('--concurrency', opts.concurrency, 1, 256);
      const stallMs = wholeNumber('--stall-ms', opts.stallMs, 1000, 3_600_000);
      await checkRedis(url);
      let lostMessage: string | undefined;
      let finish!: () => void;
      const stopped = new Promise<void>((resolve) => (finish = resolve));
      const worker = await startQueueWorker({
        url,
        concurrency,
        stallMs,
        log: (line) => process.stderr.write(`arena worker: ${line}\n`),
        lost: (message) => {
          lostMessage = message;
          finish();
        },
      });
      process.stderr.write(`arena worker: playing matches from ${displayUrl(url)} (concurrency ${concurrency}, arena ${CURRENT_VERSIONS.arena}, prompts ${CURRENT_VERSIONS.prompts}); Ctrl-C stops after the matches in flight\n`);
      const onSignal = (): void => {
        process.stderr.write('arena worker: stopping after the matches in flight (Ctrl-C again to quit at once)\n');
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        process.once('SIGINT', () => process.exit(130));
        finish();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      await stopped;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (lostMessage !== undefined) {
        await Promise.race([worker.close(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
        throw new UsageError(lostMessage);
      }
      await worker.close();
    });
}
