// @vitest-environment jsdom
/// <reference types="vite/client" />
/**
 * Every component the package exports has a story file, `stories/<Name>.stories.tsx`, titled by
 * area; every form screen has the states the issue lists (idle, filled, submitting, error, success).
 */
import { composeStories } from '@storybook/react-vite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pkg from 'cognito-react-kit';

const storyModules = import.meta.glob<Parameters<typeof composeStories>[0]>('../../stories/*.stories.tsx', { eager: true });

/** React components (PascalCase functions, not classes) and HOCs (`withX`) among the package's exports. */
function exportedComponents(): string[] {
  return Object.entries(pkg)
    .filter(([name, value]) => typeof value === 'function' && (/^[A-Z]/.test(name) || /^with[A-Z]/.test(name)))
    .filter(([, value]) => !/^class[\s{]/.test(Function.prototype.toString.call(value)))
    .map(([name]) => name)
    .sort();
}

/** The screens that are forms, and so have every state. */
const FORM_SCREENS = [
  'SignIn', 'SignUp', 'ConfirmSignUp', 'ConfirmSignIn', 'ConfirmSignInWithPassword', 'ForgotPassword', 'ConfirmResetPassword',
  'ForceNewPassword', 'SelectMfaType', 'SelectMfaSetup', 'SetupTotp', 'SetupEmail', 'CustomChallenge', 'VerifyUser', 'ConfirmVerifyUser',
];
const STATES = [/Idle/, /Filled/, /Submitting/, /Error/, /Success/];
/** Screens of buttons only (nothing to fill in): every state but filled. */
const CHOICE_SCREENS = ['SelectFirstFactor', 'PasskeyPrompt'];
const CHOICE_STATES = [/Idle/, /Submitting/, /Error/, /Success/];

function storyFile(name: string): string {
  return join(process.cwd(), 'stories', `${name}.stories.tsx`);
}

/** Each story's export name and its display `name` (where the error it shows is named). */
function storyNames(name: string): string[] {
  const module = Object.entries(storyModules).find(([path]) => path.endsWith(`/${name}.stories.tsx`))?.[1];
  if (!module) return [];
  const annotations: Record<string, unknown> = module;
  return Object.keys(composeStories(module)).map((key) => `${key} ${String((annotations[key] as { name?: unknown } | undefined)?.name ?? '')}`);
}

describe('story coverage', () => {
  it('finds the exported components (the check below is not vacuous)', () => {
    expect(exportedComponents()).toEqual(expect.arrayContaining(['Authenticator', 'SignIn', 'AuthProvider', 'RequireAuth', 'withAuthenticator', 'Field']));
    expect(exportedComponents()).not.toContain('Auth'); // a class, not a component
  });

  it('every exported component has stories/<Name>.stories.tsx', () => {
    expect(exportedComponents().filter((name) => !existsSync(storyFile(name)))).toEqual([]);
  });

  it('every story file is titled by area (`Area/Name`) and has stories', () => {
    for (const [path, module] of Object.entries(storyModules)) {
      const title = (module['default'] as { title?: unknown } | undefined)?.title;
      expect(typeof title === 'string' && /^[\w ]+\/.+/.test(title), `${path}: title ${String(title)}`).toBe(true);
      expect(Object.keys(composeStories(module)).length, path).toBeGreaterThan(0);
    }
  });

  it('stories import the package by its public names only (the test backend only through stories/support)', () => {
    const dir = join(process.cwd(), 'stories');
    const files = [
      ...readdirSync(dir).filter((f) => f.endsWith('.tsx')).map((f) => ({ path: `stories/${f}`, allowed: /^(cognito-react-kit(\/core|\/devtools|\/styles\.css)?|react|storybook\/test|@storybook\/react-vite|\.\/support\/.+)$/ })),
      ...readdirSync(join(dir, 'support')).map((f) => ({ path: `stories/support/${f}`, allowed: /^(cognito-react-kit(\/core)?|react|storybook\/test|@storybook\/react-vite|\.\/.+|\.\.\/\.\.\/test\/backend\/.+)$/ })),
    ];
    const imports = (path: string) => [...readFileSync(join(process.cwd(), path), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
    const offending = files.flatMap(({ path, allowed }) => imports(path).filter((spec) => !allowed.test(spec)).map((spec) => `${path}: ${spec}`));
    expect(files.length).toBeGreaterThan(20);
    expect(offending).toEqual([]);
  });

  it.each(FORM_SCREENS)('%s has idle, filled, submitting, error and success stories', (screen) => {
    const names = storyNames(screen);
    expect(STATES.filter((state) => !names.some((name) => state.test(name))).map(String)).toEqual([]);
  });

  it.each(CHOICE_SCREENS)('%s has idle, submitting, error and success stories', (screen) => {
    const names = storyNames(screen);
    expect(CHOICE_STATES.filter((state) => !names.some((name) => state.test(name))).map(String)).toEqual([]);
  });
});
