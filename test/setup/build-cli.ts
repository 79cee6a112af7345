import { ensureCli } from '../../arena/cli/bundle/build.js';

/**
 * vitest globalSetup: the end-to-end tests run the CLI as a user does (`arena/cli/bin.js`, plain Node on the
 * bundle), so the bundle is built first when it is missing or older than its sources.
 */
export default async function setup(): Promise<void> {
  const built = await ensureCli();
  if (built) process.stdout.write(`Built the CLI bundle for the tests in ${built.ms.toFixed(0)} ms (${built.reason}).\n`);
}
