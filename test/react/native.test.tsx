// React Native: no react-dom, no DOM. The provider and hooks must need neither.
// (a) Statically: nothing under src/react or src/core imports react-dom or touches a browser global
//     (window, document, localStorage, …) except through `globalThis`, typed as possibly missing
//     and dereferenced with `?.`. Checked on the TypeScript syntax tree, not with a grep, so comments,
//     strings and property names (`globals.location`, `{ document?: … }`) do not count.
// (b) At run time: the provider and useAuth render with react-test-renderer (the renderer React
//     Native's own test setup uses) in vitest's plain node environment, and a sign-in driven through
//     useAuth against the test backend changes the rendered output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { createElement, useState, type ReactNode } from 'react';
import { act, create, type ReactTestInstance, type ReactTestRenderer, type ReactTestRendererJSON, type TestRendererOptions } from 'react-test-renderer';
import ts from 'typescript';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthProvider, useAuth } from '../../src/react/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { BUILD_TIMEOUT_MS, builtPackage, DIST } from '../support/builtPackage';
import { RecordingStorage } from '../support/recordingStorage';

const ROOT = resolve(__dirname, '../..');

// ---------------------------------------------------------------------------------------------
// (a) static check

const BROWSER_GLOBALS = new Set([
  'window',
  'document',
  'self',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'navigator',
  'location',
  'history',
  'addEventListener',
  'removeEventListener',
  'requestAnimationFrame',
  'matchMedia',
  'HTMLElement',
  'customElements',
]);

/** Every problem in one module's source: react-dom imports, bare browser globals, unguarded `globalThis.x.y`. */
function browserDependencies(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const problems: string[] = [];
  const at = (node: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });

  const visit = (node: ts.Node): void => {
    // Imports and re-exports, static or dynamic, and require().
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) &&
            (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
            node.arguments[0] &&
            ts.isStringLiteralLike(node.arguments[0])
          ? node.arguments[0].text
          : undefined;
    if (specifier !== undefined && /^react-dom(\/|$)/.test(specifier)) problems.push(`${at(node)} imports ${specifier}`);

    // A browser global used as a value by its bare name (ReferenceError where it does not exist).
    if (ts.isIdentifier(node) && BROWSER_GLOBALS.has(node.text) && isValueReference(node)) {
      problems.push(`${at(node)} uses the global ${node.text} directly`);
    }

    // globalThis.document.cookie: a property read on something that may not exist.
    if (ts.isPropertyAccessExpression(node) && isGlobalThis(node.expression) && BROWSER_GLOBALS.has(node.name.text)) {
      const parent = node.parent;
      const dereferenced =
        (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)) &&
        parent.expression === node &&
        !parent.questionDotToken;
      if (dereferenced) problems.push(`${at(node)} dereferences globalThis.${node.name.text} without ?.`);
    }

    // (globalThis as { document?: … }): the cast must admit the global may be missing.
    if (ts.isAsExpression(node) && isGlobalThis(node.expression)) {
      const members = ts.isTypeLiteralNode(node.type)
        ? node.type.members
        : ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName)
          ? interfaces.get(node.type.typeName.text)?.members
          : undefined;
      for (const member of members ?? []) {
        const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
        if (name && BROWSER_GLOBALS.has(name) && ts.isPropertySignature(member) && !member.questionToken) {
          problems.push(`${at(node)} casts globalThis to a type where ${name} is always present`);
        }
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
  return problems;
}

function isGlobalThis(node: ts.Expression): boolean {
  let inner = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isNonNullExpression(inner)) inner = inner.expression;
  return ts.isIdentifier(inner) && inner.text === 'globalThis';
}

/** True when the identifier is read as a variable (not a property name, a declaration, a type or a key). */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if ((ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodSignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.name === node) return false;
  if ((ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent)) && parent.name === node) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) return false;
  // `typeof window === 'undefined'` is the classic guard, and type positions never run.
  if (ts.isTypeOfExpression(parent)) return false;
  for (let up: ts.Node = parent; !ts.isSourceFile(up); up = up.parent) {
    if (ts.isTypeNode(up) && !ts.isExpressionWithTypeArguments(up)) return false;
  }
  return true;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('React Native readiness: no react-dom, no DOM (static)', () => {
  it('the checker finds each kind of browser dependency (so a clean result means something)', () => {
    const fixture = [
      "import { createPortal } from 'react-dom';",
      "export { flushSync } from 'react-dom/client';",
      "const later = () => import('react-dom/server');",
      'window.addEventListener("resize", later);',
      'const title = document.title;',
      'localStorage.setItem("k", title);',
      'const cookie = globalThis.document.cookie;',
      'const doc = (globalThis as { document: { cookie: string } }).document;',
    ].join('\n');
    expect(browserDependencies('fixture.ts', fixture)).toEqual([
      'fixture.ts:1 imports react-dom',
      'fixture.ts:2 imports react-dom/client',
      'fixture.ts:3 imports react-dom/server',
      'fixture.ts:4 uses the global window directly',
      'fixture.ts:5 uses the global document directly',
      'fixture.ts:6 uses the global localStorage directly',
      'fixture.ts:7 dereferences globalThis.document without ?.',
      'fixture.ts:8 casts globalThis to a type where document is always present',
    ]);
    // …and leaves alone what is safe: guarded globalThis access, property names, types, typeof guards.
    const safe = [
      'interface Globals { location?: { href: string } }',
      'const globals = globalThis as Globals;',
      'const href = globals.location?.href;',
      "globalThis.document?.addEventListener?.('visibilitychange', () => href);",
      'const doc = (globalThis as { document?: { cookie: string } }).document;',
      'class C { readonly document = doc; #window = 1; }',
      "const hasWindow = typeof window !== 'undefined';",
      'type T = { navigator: Navigator };',
    ].join('\n');
    expect(browserDependencies('safe.ts', safe)).toEqual([]);
  });

  it('nothing under src/react or src/core imports react-dom or touches window/document outside guarded globalThis access', () => {
    const files = [resolve(ROOT, 'src/index.ts'), ...sourceFiles(resolve(ROOT, 'src/react')), ...sourceFiles(resolve(ROOT, 'src/core'))];
    expect(files.length).toBeGreaterThan(40);
    const problems = files.flatMap((file) => browserDependencies(relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  describe('the built package', () => {
    // `npm test` builds dist first; a bare `npx vitest run` on a fresh clone builds it here.
    beforeAll(() => builtPackage(), BUILD_TIMEOUT_MS);

    it('the built package (dist/**/*.js) imports nothing from react-dom', () => {
      // One file per source module (the build preserves modules), so the scan walks the tree.
      const files = (readdirSync(DIST, { recursive: true }) as string[]).filter((name) => name.endsWith('.js'));
      expect(files).toContain('index.js');
      const imports = files.flatMap((name) =>
        [...readFileSync(resolve(DIST, name), 'utf8').matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!),
      );
      expect(imports).toContain('react'); // the scan sees the bare imports that are there…
      expect(imports.filter((specifier) => /^react-dom(\/|$)/.test(specifier))).toEqual([]); // …and react-dom is not one
    });
  });
});

// ---------------------------------------------------------------------------------------------
// (b) run time, with react-test-renderer and no DOM

// What React Native's jest preset sets (react-native/jest/setup.js). react-test-renderer 19 skips its
// deprecation warning in that environment; it is the only console output this silences.
const globals = globalThis as { IS_REACT_NATIVE_TEST_ENVIRONMENT?: boolean; IS_REACT_ACT_ENVIRONMENT?: boolean };
globals.IS_REACT_NATIVE_TEST_ENVIRONMENT = true;
globals.IS_REACT_ACT_ENVIRONMENT = true;
// The concurrent root, as React Native's new architecture uses.
const RENDERER_OPTIONS: TestRendererOptions & { unstable_isConcurrent: boolean } = { createNodeMock: () => null, unstable_isConcurrent: true };

// Host components by name, as react-native's <View>, <Text> and <Pressable> end up.
const View = ({ children }: { children?: ReactNode }) => createElement('View', null, children);
const Text = ({ testID, children }: { testID: string; children?: ReactNode }) => createElement('Text', { testID }, children);
const Button = ({ title, onPress }: { title: string; onPress: () => Promise<unknown> }) => createElement('Button', { title, onPress });

function SignInScreen({ password }: { password: string }) {
  const status = useAuth((s) => s.status);
  const username = useAuth((s) => s.user?.username);
  const { signIn, signOut } = useAuth();
  const [error, setError] = useState('');
  return (
    <View>
      <Text testID="status">{username ? `${status} as ${username}` : status}</Text>
      <Text testID="error">{error}</Text>
      <Button title="Sign in" onPress={() => signIn('nina', password).catch((e: Error) => setError(e.name))} />
      <Button title="Sign out" onPress={() => signOut()} />
    </View>
  );
}

function isHost(instance: ReactTestInstance, type: string): boolean {
  return (instance.type as unknown) === type;
}

function textOf(renderer: ReactTestRenderer, testID: string): string {
  const node = renderer.root.find((instance) => isHost(instance, 'Text') && (instance.props as { testID?: string }).testID === testID);
  return node.children.map((child) => (typeof child === 'string' ? child : '')).join('');
}

describe('React Native readiness: the provider and useAuth on react-test-renderer, in Node without a DOM', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  let renderer: ReactTestRenderer | undefined;

  beforeAll(async () => {
    await kit().backend.createUser({ username: 'nina', password });
  });

  afterEach(async () => {
    await act(async () => renderer?.unmount());
  });

  it('renders signed out, signs in through useAuth (SRP against the backend), shows it, and signs out', async () => {
    expect(typeof globalThis.window).toBe('undefined');
    expect(typeof globalThis.document).toBe('undefined');
    const k = kit();
    const config = k.config({ storage: new RecordingStorage() }); // React Native has no localStorage: an app passes its own store
    await act(async () => {
      renderer = create(
        <AuthProvider config={config}>
          <SignInScreen password={password} />
        </AuthProvider>,
        RENDERER_OPTIONS,
      );
    });
    const screen = renderer!;
    expect(textOf(screen, 'status')).toBe('signedOut');
    k.backend.resetCounts();

    const press = (title: string) =>
      (screen.root.find((instance) => isHost(instance, 'Button') && (instance.props as { title?: string }).title === title).props as {
        onPress: () => Promise<unknown>;
      }).onPress();
    await act(async () => {
      await press('Sign in');
    });

    expect(textOf(screen, 'error')).toBe('');
    expect(textOf(screen, 'status')).toBe('signedIn as nina');
    expect(k.backend.count('InitiateAuth')).toBe(1);
    expect(k.backend.count('RespondToAuthChallenge')).toBe(1);
    const tree = screen.toJSON() as ReactTestRendererJSON;
    expect(tree.type).toBe('View');

    await act(async () => {
      await press('Sign out');
    });
    expect(textOf(screen, 'status')).toBe('signedOut');
  });

  it('loaded no react-dom: only react-test-renderer and React itself', () => {
    // CommonJS packages (react-dom, react-test-renderer, react) are loaded by Node's require,
    // whatever imported them, so Node's module cache lists every one this file loaded.
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.some((path) => /node_modules[\\/]react-test-renderer(18)?[\\/]/.test(path))).toBe(true);
    expect(loaded.filter((path) => /node_modules[\\/]react-dom(18)?[\\/]/.test(path))).toEqual([]);
  });
});
