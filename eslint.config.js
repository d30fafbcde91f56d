// Lint: correctness rules that types cannot express, plus the house rules that a grep can see
// (no `any`, no console in the library, core never imports React).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'storybook-static/', 'test/e2e/coreBrowser/', 'test/e2e/passkeyPage/', 'test/fixtures/next-app/'] },
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
  // No module-level mutable state in src/core. Two Auth instances on one page (two pools, tests,
  // SSR requests) must share nothing, so state lives in instances and closures, never in a module.
  // Mutation cannot be seen statically, so the rule forbids what *can hold* state when the module
  // is evaluated, i.e. outside any function body or instance field initialiser:
  // - `let`/`var` at the top level: a variable that can be reassigned is state;
  // - `new` of anything but RegExp (Map, Set, WeakMap, WeakSet, a class instance…): the object
  //   may be mutated, and a frozen Map or Set still is; build it per instance, or write a constant
  //   lookup set as a frozen array read with `.includes`;
  // - RegExps with the `g` or `y` flag: their `lastIndex` is state;
  // - array and object literals, unless each is the argument of `Object.freeze(…)` (through at most
  //   one `as`/`satisfies`): constant tables are frozen, nested ones too since freezing is
  //   shallow; `as const` alone is only a compile-time promise;
  // - static class fields that are not readonly.
  // Not seen: a call at module scope that returns something mutable (`const x = makeCache()`), or
  // a closure over a function's local state (`const next = (() => { let n = 0; … })()`).
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...moduleStateSelectors()],
    },
  },
  // Outside src/core, code reaches the engine only through its public entry (`core/index`), the
  // same surface apps get, so the engine's internals can change without touching the UI and hooks.
  // One regex covers every depth (`./core/x`, `../core/x`, `../../core/x/y`) and the bare `../core`.
  // no-restricted-imports sees `import`, `export … from` and `import x = require()`; the
  // no-restricted-syntax twin catches `import('…')` expressions and `import('…').T` types, which it
  // does not.
  coreEntryOnly(['src/*.ts', 'src/*.tsx', 'src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/react/**/*.ts', 'src/react/**/*.tsx', 'src/amplify/**/*.ts', 'src/server/**/*.ts'], 'index$'),
  // <LazyAuthProvider>'s stand-in keeps the engine out of the start chunk: it imports `createAuth` from its
  // own module (a bundler puts everything a statically imported barrel re-exports in the importer's chunk,
  // so `import('../core/index')` would not split), resolves the config without the engine, answers the
  // devtools' inspection channel until the engine arrives, and opens a popup in the click's task for it.
  coreEntryOnly(['src/react/deferredAuth.ts', 'src/react/LazyAuthProvider.tsx'], 'index$|auth$|config/index$|session/sessionInspection$|oauth/popupWindow$'),
  // The devtools also read the engine's inspection channel and the cross-tab lock: internal, not public API.
  coreEntryOnly(['src/devtools/**/*.ts', 'src/devtools/**/*.tsx'], 'index$|session/sessionInspection$|session/crossTab$'),
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

/** The no-restricted-syntax entries behind the src/core "no module-level mutable state" rule. */
function moduleStateSelectors() {
  const topLevel = (node) => `Program > ${node}, Program > ExportNamedDeclaration > ${node}`;
  // Evaluated when the module loads: not inside a function (methods included) or an instance field.
  const atLoad = ':not(:function *, PropertyDefinition[static=false] *)';
  const freeze = 'CallExpression[callee.object.name="Object"][callee.property.name="freeze"]';
  return [
    { selector: topLevel('VariableDeclaration[kind!="const"]'), message: 'No module-level let/var in src/core: keep state in an instance or closure.' },
    {
      selector: `NewExpression${atLoad}:not([callee.name="RegExp"])`,
      message: 'No objects built at module level in src/core (a Map or Set is state even when frozen): build it per instance, or use a frozen array and .includes.',
    },
    {
      selector: `Literal[regex.flags=/[gy]/]${atLoad}, NewExpression[callee.name="RegExp"][arguments.1.value=/[gy]/]${atLoad}`,
      message: 'A module-level g/y RegExp keeps lastIndex between calls: create it where it is used.',
    },
    {
      // Nested literals too: Object.freeze is shallow.
      selector: `:matches(ArrayExpression, ObjectExpression)${atLoad}:not(${freeze} > *, ${freeze} > :matches(TSAsExpression, TSSatisfiesExpression) > *)`,
      message: 'Module-level tables in src/core are constants: wrap each array or object literal in Object.freeze(…).',
    },
    { selector: 'PropertyDefinition[static=true][readonly!=true]', message: 'A static class field is module-level state: make it readonly, or an instance field.' },
  ];
}
