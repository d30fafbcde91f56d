// @vitest-environment jsdom
// The README's React quickstart, run as written (its own module, the package's names, its
// `./aws-exports` pointed at the test backend): a refused sign-in shows the translated message and
// leaves no unhandled rejection (Vitest fails the run on one), and the right password signs in.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ComponentType } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { codeBlocks } from './markdown';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);

const README = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
// Outside node_modules, so Vite transforms it like any source (git-ignored, removed after the run).
const DIR = resolve(__dirname, '.generated');

/** The first tsx block under "## Quickstart: React". */
function quickstartBlock(): string {
  const section = README.slice(README.indexOf('## Quickstart: React'));
  const block = codeBlocks(section).find((candidate) => candidate.language === 'tsx');
  if (!block) throw new Error('README: no tsx block under "Quickstart: React"');
  return block.code;
}

describe("README's React quickstart", () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  let App: ComponentType;

  beforeAll(async () => {
    const { backend } = kit();
    await backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
    mkdirSync(DIR, { recursive: true });
    const config = { ...kit().config({ authenticationFlowType: 'USER_PASSWORD_AUTH' }), storage: undefined };
    writeFileSync(join(DIR, 'aws-exports.ts'), `export default ${JSON.stringify(config)};\n`);
    writeFileSync(join(DIR, 'quickstart.tsx'), quickstartBlock());
    ({ App } = (await import(/* @vite-ignore */ join(DIR, 'quickstart.tsx'))) as { App: ComponentType });
  });

  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('a wrong password shows the translated message, not the error name, and keeps the form', async () => {
    render(<App />);
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'ada' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Not-the-passw0rd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Incorrect username or password.');
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('ada');
  });

  it('the right password signs in and shows the home screen', async () => {
    render(<App />);
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'ada' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect((await screen.findByText(/Hello ada@example.com/)).textContent).toContain('Hello ada@example.com');
  });
});
