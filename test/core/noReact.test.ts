import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// If anything under src/core touched React, this empty module would make it throw.
vi.mock('react', () => ({}));
vi.mock('react-dom', () => ({}));

describe('the core entry point', () => {
  it('loads and runs a whole engine lifecycle with React mocked away', async () => {
    const core = await import('../../src/core/index');
    const auth = core.createAuth({ userPoolId: 'us-east-1_AbCdEf123', userPoolWebClientId: 'a1b2c3d4e5f6g7h8i9j0k1l2m3' });
    const seen: string[] = [];
    const unsubscribe = auth.subscribe(() => seen.push(auth.getState().status));
    expect(auth.getState().status).toBe('signedOut');
    await expect(auth.signIn('', 'x')).rejects.toMatchObject({ name: 'EmptyUsername' });
    unsubscribe();
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
