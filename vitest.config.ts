import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

// Two projects:
// - `default`: every test (test/**), React 19 (the `react`/`react-dom` in node_modules).
// - `react18`: the React tests (test/react/**) again, against React 18 (installed side by side as
//   the npm aliases `react18`, `react-dom18`, `react-test-renderer18`). Two layers of redirection,
//   because code reaches React two ways:
//   1. Modules Vite transforms (our sources, the tests, and the ESM packages inlined below) import
//      `react…`: `resolve.alias` rewrites those specifiers.
//   2. CommonJS packages (react-dom, react-test-renderer, @testing-library/react's CJS build) run
//      natively in Node and `require('react')` there, where no Vite alias applies:
//      test/react/react18.setup.ts redirects Node's resolver for those requests. Each test file runs
//      in its own forked process (isolation is on), so that redirect never leaks into `default`.
//   `test/react/react18.version.test.tsx` proves which React each project really ran.
// `default` also resolves the package's own name (`cognito-react-kit`, `/core`, `/styles.css`) to
// src/, for the story tests (test/stories), whose stories import only the public entry points.
// Storybook has the same list in .storybook/vite.config.ts.
const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
const PACKAGE_ALIASES = [
  { find: /^cognito-react-kit\/core$/, replacement: src('core/index.ts') },
  { find: /^cognito-react-kit\/amplify$/, replacement: src('amplify/index.ts') },
  { find: /^cognito-react-kit\/server$/, replacement: src('server/index.ts') },
  { find: /^cognito-react-kit\/devtools$/, replacement: src('devtools/index.ts') },
  { find: /^cognito-react-kit\/styles\.css$/, replacement: src('ui/styles.css') },
  { find: /^cognito-react-kit$/, replacement: src('index.ts') },
];
const REACT18_ALIASES = [
  { find: /^react(\/.*)?$/, replacement: 'react18$1' },
  { find: /^react-dom(\/.*)?$/, replacement: 'react-dom18$1' },
  { find: /^react-test-renderer(\/.*)?$/, replacement: 'react-test-renderer18$1' },
];

export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['test/support/captureConsole.ts', 'test/support/domTimeouts.ts'],
    // Prints the reliability and security summary (test/reliability/tally.ts) after the run.
    globalSetup: ['test/reliability/summary.setup.ts'],
    // Generous, so a CPU-bound test sharing the machine with another file (see maxWorkers) still ends in
    // time (the BigInt SRP property test took 20.2 s in one such run); a hang still fails.
    testTimeout: 45_000,
    // At least two files at a time. Vitest's default (cores − 1) is one on a 2-core CI machine, but most
    // of this suite waits (Chromium, loopback servers, the rotation soak's real minutes): one file at a
    // time left the CPU 60 % idle and took 28 min; two take 16 on the same machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 60_000,
    // expect.poll's 1 s default is short for a real round trip on a loaded machine; a poll still ends at its first pass.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        resolve: { alias: PACKAGE_ALIASES },
        test: {
          name: 'default',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          env: { CRK_EXPECTED_REACT_MAJOR: '19' },
        },
      },
      {
        extends: true,
        resolve: { alias: REACT18_ALIASES },
        test: {
          name: 'react18',
          include: ['test/react/**/*.test.ts', 'test/react/**/*.test.tsx'],
          setupFiles: ['test/react/react18.setup.ts'],
          env: { CRK_EXPECTED_REACT_MAJOR: '18' },
          // ESM packages that import React: inlined, so Vite (and the aliases above) resolve their imports.
          server: { deps: { inline: ['@tanstack/react-query', '@testing-library/react'] } },
        },
      },
    ],
  },
});
