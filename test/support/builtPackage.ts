/**
 * The built package (dist/), for tests that check what ships. `npm test` builds it before vitest
 * runs; a bare `npx vitest run` on a fresh clone has none, and then the first test that needs it
 * runs `npm run build` rather than skipping (a skipped check reads as a passed one).
 *
 * Test files run in parallel processes (and the React tests in two projects), so the build is
 * guarded by a lock directory: one process builds, the others wait for it to finish, then all read
 * the same complete dist/. A dist/ that exists is used as it is, even if older than src/.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../..');
export const DIST = resolve(ROOT, 'dist');
const LOCK = resolve(ROOT, 'node_modules/.cache/cognito-react-kit-build.lock');

/** For `beforeAll(() => builtPackage(), BUILD_TIMEOUT_MS)`: `npm run build` takes a minute on a loaded machine. */
export const BUILD_TIMEOUT_MS = 300_000;

let built: Promise<string> | undefined;

/** Resolves to dist/'s path once dist/index.js exists, building the package first when it does not. */
export function builtPackage(): Promise<string> {
  built ??= ensureBuilt().catch((error: unknown) => {
    built = undefined; // let a later test try again (and report again) rather than reuse the failure
    throw error;
  });
  return built;
}

async function ensureBuilt(): Promise<string> {
  for (;;) {
    await untilNoOtherBuild();
    if (existsSync(resolve(DIST, 'index.js'))) return DIST;
    if (!takeLock()) continue; // another process started a build meanwhile: wait for that one
    try {
      if (!existsSync(resolve(DIST, 'index.js'))) await build();
      if (!existsSync(resolve(DIST, 'index.js'))) throw new Error('`npm run build` succeeded but wrote no dist/index.js');
      return DIST;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

async function build(): Promise<void> {
  try {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: process.env });
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n') || message;
    throw new Error(`dist/ is missing and \`npm run build\` failed, so the tests on the built package cannot run:\n${output}`, { cause: error });
  }
}

function takeLock(): boolean {
  try {
    mkdirSync(resolve(LOCK, '..'), { recursive: true });
    mkdirSync(LOCK); // atomic: exactly one process succeeds
  } catch {
    return false;
  }
  writeFileSync(resolve(LOCK, 'pid'), String(process.pid));
  return true;
}

/** Waits while another live process holds the build lock; clears a lock its dead owner left behind. */
async function untilNoOtherBuild(): Promise<void> {
  while (existsSync(LOCK)) {
    const owner = Number.parseInt(readOrEmpty(resolve(LOCK, 'pid')), 10);
    // A dead owner, or one that never got to write its pid (it writes it right after the mkdir).
    const stale = Number.isInteger(owner) ? !isAlive(owner) : Date.now() - lockTime() > 10_000;
    if (stale) {
      rmSync(LOCK, { recursive: true, force: true });
      return;
    }
    // Polling a lock held by another process: nothing in this process can signal its release.
    await new Promise((done) => setTimeout(done, 200));
  }
}

function lockTime(): number {
  try {
    return statSync(LOCK).mtimeMs;
  } catch {
    return Date.now(); // just released
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the owner made the directory and has not written its pid yet
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
