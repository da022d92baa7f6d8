import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests against a real team server: Debian's nats-server, started by the tests on 127.0.0.1 with random ports.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
