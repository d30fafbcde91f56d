import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// Library build: one ES module per public entry point. React, TanStack and qrcode stay external
// (the app has them: peer or regular dependencies). The one amazon-cognito-identity-js module we
// use is bundled in, with its `buffer` dependency's `global` rewritten to `globalThis`: otherwise
// every app bundling it needs `define: { global: 'window' }`. Type declarations come from
// `tsc -p tsconfig.build.json`; the UI's stylesheet is copied to dist/styles.css as it is.
export default defineConfig({
  plugins: [copyStyles()],
  define: { global: 'globalThis' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', core: 'src/core/index.ts', amplify: 'src/amplify/index.ts', server: 'src/server/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: (chunk) => `${chunk.name.replace(/node_modules/g, 'vendor')}.js` },
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^qrcode($|\/)/],
      // Keep what the engine import()s in chunks of their own even when the core entry also exports it
      // (createBigintSrpClient): otherwise Rolldown folds it into the chunk both entries share, which every
      // app then loads at start. Apps re-bundle dist/ anyway, so the extra small files cost them nothing.
      experimental: { chunkOptimization: { avoidRedundantChunkLoads: false } },
      onwarn(warning, warn) {
        // 'use client' is kept where it matters (the React entry chunk, whose entry module has it);
        // inside the bundle the per-file copies are moot.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
        warn(warning);
      },
    },
  },
});

/**
 * The UI's stylesheet ships as one file at `dist/styles.css` (`import 'cognito-react-kit/styles.css'`);
 * no JS imports it. Its source imports its parts (theme, components), inlined here in order.
 */
function copyStyles(): Plugin {
  return {
    name: 'crk-copy-styles',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: inlineCssImports('src/ui/styles.css') });
    },
  };
}

/** A stylesheet with its relative `@import './x.css';` lines replaced by the files themselves. */
export function inlineCssImports(path: string): string {
  return readFileSync(path, 'utf8').replace(/^@import '(\.[^']+\.css)';$/gm, (_line, part: string) =>
    inlineCssImports(fileURLToPath(new URL(part, pathToFileURL(path)))).trimEnd(),
  );
}
