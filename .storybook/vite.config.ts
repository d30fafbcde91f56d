import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * Storybook's own Vite config (the root vite.config.ts builds the library in lib mode, which a
 * Storybook build must not inherit). Stories import only the package's public entry points, as an
 * app would; these aliases resolve them to the sources (vitest.config.ts has the same list).
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^cognito-react-kit\/core$/, replacement: root('src/core/index.ts') },
      { find: /^cognito-react-kit\/amplify$/, replacement: root('src/amplify/index.ts') },
      { find: /^cognito-react-kit\/devtools$/, replacement: root('src/devtools/index.ts') },
      { find: /^cognito-react-kit\/styles\.css$/, replacement: root('src/ui/styles.css') },
      { find: /^cognito-react-kit$/, replacement: root('src/index.ts') },
    ],
  },
  // The lazily loaded amazon-cognito-identity-js fallback reads `global` (its `buffer` dependency).
  define: { global: 'globalThis' },
});
