import { defineConfig } from 'vite';

// Library build: one ES module per public entry point; dependencies stay external so the
// app's bundler dedupes them. Type declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: { core: 'src/core/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^amazon-cognito-identity-js/, /^@aws-crypto\//, /^react/, /^@tanstack\//],
    },
  },
});
