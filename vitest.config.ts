import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
