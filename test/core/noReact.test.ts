import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';

// If anything under src/core touched React, these empty modules would make it throw.
vi.mock('react', () => ({}));
vi.mock('react-dom', () => ({}));

describe('the core without React', () => {
  const kit = useEngineBackend();

  it('signs up, confirms, signs in with SRP, refreshes and signs out with React mocked away', async () => {
    const { backend, auth, clock } = kit();
    const engine = auth();
    const statuses: string[] = [];
    engine.subscribe(() => statuses.push(engine.getState().status));
    const password = strongPassword();

    await engine.signUp({ username: 'noreact', password, attributes: { email: 'noreact@example.com' } });
    await engine.confirmSignUp('noreact', backend.lastCode('noreact', 'SIGN_UP'));
    await expect(engine.signIn('noreact', password)).resolves.toMatchObject({ isSignedIn: true });
    clock.advance(3601_000);
    await engine.currentSession();
    await engine.signOut();

    // The refresh changes no user data, so it publishes no new snapshot.
    expect(statuses).toEqual(['signedOut', 'signedOut', 'signedIn', 'signedOut']);
    expect(backend.count('InitiateAuth')).toBe(2); // SRP start + one refresh
  });

  it('has no import of react or react-dom in any source file', () => {
    const offenders = sourceFiles(join(__dirname, '../../src/core')).filter((file) =>
      /from\s+['"](react|react-dom)(\/[^'"]*)?['"]|require\(['"]react/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
