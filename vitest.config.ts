import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // forks, not threads: a child process honours a changed TZ, a worker thread does not
    pool: 'forks',
    testTimeout: 60_000,
  },
});
