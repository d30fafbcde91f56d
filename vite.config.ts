import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// Library build, one entry per JS entry point in package.json's `exports` (`./dist/<name>.js` is built
// from src/<name>/index.ts, or src/index.ts for `index`), in two outputs:
// - ES modules, one file per source module (preserveModules), for bundlers and Node's `import` (and
//   Node's `require` too, through the `module-sync` condition): an app's bundler drops what it does not use.
// - CommonJS in dist/cjs/ (the `require` condition), for tools that load packages as CommonJS and cannot
//   run ES modules: Jest, ts-node, Node before require(esm). One file per entry plus shared and lazy chunks;
//   nothing tree-shakes it, so one file per module would only add files.
// React, TanStack and qrcode stay external (the app has them: peer dependencies). The one
// amazon-cognito-identity-js module we use is bundled in, with its `buffer` dependency's `global` rewritten
// to `globalThis`: otherwise every app bundling it needs `define: { global: 'window' }`. Type declarations
// come from `tsc -p tsconfig.build.json` and scripts/fixDeclarations.mjs; the UI's stylesheet is copied
// to dist/styles.css as it is. No source maps in the package: the code is not minified, and maps without
// the sources they point to make app bundlers warn (CRK_SOURCEMAP=1 adds them, e.g. for bench/startModules.mjs).
const EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^qrcode($|\/)/];

export default defineConfig({
  plugins: [copyStyles()],
  define: { global: 'globalThis' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: process.env.CRK_SOURCEMAP === '1',
    minify: false,
    lib: { entry: packageEntries() },
    rolldownOptions: {
      output: [
        {
          format: 'es',
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: (chunk) => `${chunk.name.replace(/node_modules/g, 'vendor')}.js`,
        },
        {
          format: 'cjs',
          dir: 'dist/cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: 'chunks/[name]-[hash].cjs',
          // `require('qrcode')` rather than `import('qrcode')`: Jest runs CommonJS without a dynamic import().
          dynamicImportInCjs: false,
        },
      ],
      external: EXTERNAL,
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

/** `{ index: 'src/index.ts', core: 'src/core/index.ts', … }` from package.json's `exports`. */
export function packageEntries(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('package.json', import.meta.url)), 'utf8')) as { exports: Record<string, unknown> };
  const targets = Object.values(manifest.exports).flatMap((target) => [...new Set(JSON.stringify(target).match(/\.\/dist\/[\w-]+\.js/g) ?? [])]);
  return Object.fromEntries(
    [...new Set(targets)].map((target) => {
      const name = target.slice('./dist/'.length, -'.js'.length);
      const source = name === 'index' ? 'src/index.ts' : [`src/${name}/index.ts`, `src/${name}.ts`].find((path) => existsSync(new URL(path, import.meta.url)));
      if (!source) throw new Error(`package.json exports ${target}, but neither src/${name}/index.ts nor src/${name}.ts exists`);
      return [name, source];
    }),
  );
}

/**
 * The UI's stylesheet ships as one file at `dist/styles.css` (`import 'cognito-react-kit/styles.css'`);
 * no JS imports it. Its source imports its parts (theme, components), inlined here in order.
 */
function copyStyles(): Plugin {
  return {
    name: 'crk-copy-styles',
    generateBundle(output) {
      if (output.format !== 'es') return; // once, next to the ES entries
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
