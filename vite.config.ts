import { defineConfig } from 'vite';

// Library build: one ES module per public entry point. React and TanStack stay external (the app
// has them). The one amazon-cognito-identity-js module we use is bundled in, with its `buffer`
// dependency's `global` rewritten to `globalThis`: otherwise every app bundling it needs
// `define: { global: 'window' }`. Type declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  define: { global: 'globalThis' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', core: 'src/core/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//],
      onwarn(warning, warn) {
        // 'use client' is kept where it matters (the React entry chunk, whose entry module has it);
        // inside the bundle the per-file copies are moot.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
        warn(warning);
      },
    },
  },
});
