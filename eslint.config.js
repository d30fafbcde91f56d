// Lint: correctness rules that types cannot express, plus the house rules that a grep can see
// (no `any`, no console in the library, core never imports React).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'storybook-static/', 'test/e2e/coreBrowser/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/core must run without React.' }] }],
    },
  },
  // Outside src/core, code reaches the engine only through its public entry (`core/index`), the
  // same surface apps get, so the engine's internals can change without touching the UI and hooks.
  // One regex covers every depth (`./core/x`, `../core/x`, `../../core/x/y`) and the bare `../core`.
  // no-restricted-imports sees `import`, `export … from` and `import x = require()`; the
  // no-restricted-syntax twin catches `import('…')` expressions and `import('…').T` types, which it
  // does not.
  coreEntryOnly(['src/*.ts', 'src/*.tsx', 'src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/react/**/*.ts', 'src/react/**/*.tsx'], 'index$'),
  // TODO(engine redesign): SignIn.tsx stops deep-importing
  coreEntryOnly(['src/ui/screens/SignIn.tsx'], 'index$|flows/stepAnswers$'),
);

/**
 * The config block that keeps `files` to the core's public entry. `allowed` is a regex alternation
 * of the paths under `core/` they may still import.
 */
function coreEntryOnly(files, allowed) {
  const regex = `^(\\.\\.?/)+core(/(?!${allowed}).*)?$`;
  const message = "Import the engine from its public entry ('../core/index'), not its internals.";
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex, message }] }],
      // esquery regexes cannot hold a bare `/`; `[/]` is the same character.
      'no-restricted-syntax': ['error', { selector: `:matches(ImportExpression, TSImportType)[source.value=/${regex.replaceAll('/', '[/]')}/]`, message }],
    },
  };
}
