import { defineConfig } from 'vitest/config';

// The flows bench (bench/flows/*.bench.test.tsx) and the simulated long session (bench/longSession/) run as vitest
// files, against the test backend, through bench/flows.mjs and bench/longSession.mjs;
// neither is part of `npm test`'s vitest run (vitest.config.ts includes test/ only).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/flows/**/*.bench.test.ts', 'bench/flows/**/*.bench.test.tsx', 'bench/longSession/**/*.bench.test.tsx'],
    setupFiles: ['test/support/captureConsole.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
