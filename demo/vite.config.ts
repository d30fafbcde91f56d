import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The demo imports the kit by its public names, resolved here to the sources so edits show at once
// (an app gets the same names from node_modules/cognito-react-kit/dist). No `define: { global }`
// and no polyfills: what a fresh Vite app has. Started by demo/server/start.mjs (`npm run demo`).
const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: [
      { find: /^cognito-react-kit\/core$/, replacement: src('core/index.ts') },
      { find: /^cognito-react-kit\/styles\.css$/, replacement: src('ui/styles.css') },
      { find: /^cognito-react-kit$/, replacement: src('index.ts') },
    ],
  },
});
