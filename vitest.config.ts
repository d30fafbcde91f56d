import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/support/captureConsole.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
