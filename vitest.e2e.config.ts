import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension in Debian Chromium, fixtures routed at their real addresses.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
