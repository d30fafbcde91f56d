import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { CODE_LINE } from '../../demo/server/cognitoLocal.mjs';
import { KIT_CODE_LINE } from '../../demo/server/kitBackend';

/** Every code line the demo printed (the script's own patterns, either server's, made global). */
const CODE_LINES = new RegExp(`${CODE_LINE.source}|${KIT_CODE_LINE.source}`, 'gm');
const READY_LINE = /^Demo app ready: (\S+)$/m;
const REPO = resolve(__dirname, '../..');

export interface DemoStack {
  /** The app's URL, as the script printed it. */
  url: string;
  /** Everything the script printed so far (stdout and stderr). Never echoed: it holds codes. */
  output(): string;
  /** Every code printed so far, oldest first. */
  codes(): { destination: string; kind: string; code: string }[];
  /** Waits for a code for `destination` (of `kind`) beyond the first `seen` codes. */
  nextCode(destination: string, kind: string, seen: number): Promise<string>;
  /** Ends the whole process group (npm, node, Vite's children) and waits for it. */
  stop(): Promise<void>;
}

/** Two free loopback ports (the OS picks them; the demo binds them a moment later). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((done) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => done(server));
    })),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

/**
 * Starts the stack exactly as the README says (`npm run demo`), with its ports and data folder
 * given through the script's environment overrides, and resolves once it prints the app's URL.
 */
export async function startDemo(options: { appPort: number; cognitoPort: number; dataDir: string; server?: 'kit' }): Promise<DemoStack> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DEMO_PORT: String(options.appPort),
    DEMO_COGNITO_PORT: String(options.cognitoPort),
    DEMO_DATA_DIR: options.dataDir,
  };
  // The local stack, whatever the environment of the machine running the tests says.
  for (const key of Object.keys(env)) if (key.startsWith('VITE_COGNITO_') || key === 'DEMO_SERVER' || key === 'DEMO_HOST') delete env[key];
  // Its own process group (detached), so stop() ends npm and everything under it at once.
  const args = options.server ? ['run', 'demo', '--', '--server', options.server] : ['run', 'demo'];
  const child = spawn('npm', args, { cwd: REPO, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  // Groups 1-3: a cognito-local line; 4-6: a kit line.
  const codes = () => [...output.matchAll(CODE_LINES)].map((m) => ({ destination: (m[1] ?? m[4])!, kind: (m[2] ?? m[5])!, code: (m[3] ?? m[6])! }));
  try {
    const url = await waitFor(() => READY_LINE.exec(output)?.[1], 90_000, () => child.exitCode !== null, () => `the demo did not start:\n${output}`);
    return {
      url,
      output: () => output,
      codes,
      nextCode: (destination, kind, seen) =>
        waitFor(
          () => codes().slice(seen).find((c) => c.destination === destination && c.kind === kind)?.code,
          10_000,
          () => child.exitCode !== null,
          () => `no ${kind} code for ${destination} was printed`,
        ),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, dead: () => boolean, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (dead() || Date.now() > deadline) throw new Error(describe());
    await new Promise((done) => setTimeout(done, 50));
  }
}
