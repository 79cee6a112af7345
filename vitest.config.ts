import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['games/**/*.test.ts', 'arena/**/*.test.ts', 'metrics/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/setup/build-cli.ts'],
  },
});
