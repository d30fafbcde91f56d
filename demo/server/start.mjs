#!/usr/bin/env node
// `npm run demo`: the demo app (Vite dev server) and, unless a real pool is configured,
// cognito-local with a user pool of its own, both on loopback. No AWS account needed.
// `npm run demo -- --server kit` (or DEMO_SERVER=kit): the project's test backend (test/backend)
// instead of cognito-local, for SRP, choice-based sign-in, email/SMS codes, passkeys and email MFA.
//
// Environment (all optional):
//   DEMO_SERVER (cognito-local; or kit), DEMO_HOST (127.0.0.1; localhost with kit),
//   DEMO_PORT (5173), DEMO_COGNITO_PORT (9229), DEMO_DATA_DIR (<repo>/.demo)
//   VITE_COGNITO_USER_POOL_ID + VITE_COGNITO_CLIENT_ID (+ VITE_COGNITO_REGION, VITE_COGNITO_OAUTH_DOMAIN, …),
//     in the shell or in demo/.env.local: use that real Cognito pool, and start no cognito-local
//     (see docs/demo.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(demoDir, '..');
const server = serverChoice(process.argv.slice(2), process.env.DEMO_SERVER);
// kit: passkeys need a domain as their relying party (never an IP), so the app is on `localhost`.
const host = process.env.DEMO_HOST ?? (server === 'kit' ? 'localhost' : '127.0.0.1');
const appPort = Number(process.env.DEMO_PORT ?? 5173);
const cognitoPort = Number(process.env.DEMO_COGNITO_PORT ?? 9229);
const dataDir = resolve(process.env.DEMO_DATA_DIR ?? join(repoDir, '.demo'));
const print = (line) => process.stdout.write(`${line}\n`);

// A fresh clone: install first, so `npm run demo` is the only command needed.
if (!existsSync(join(repoDir, 'node_modules', 'vite')) || !existsSync(join(repoDir, 'node_modules', 'cognito-local'))) {
  print('Installing dependencies (npm install)…');
  const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: repoDir, stdio: 'inherit' });
  if (installed.status !== 0) process.exit(installed.status ?? 1);
}

const appOrigin = `http://${host}:${appPort}`;
const stoppers = [];
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const close of stoppers.reverse()) await close().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const { createServer, loadEnv } = await import('vite');
  // A real pool is configured in the shell or in demo/.env(.local): then no cognito-local.
  const realPool = server === 'kit' ? undefined : loadEnv('development', demoDir, 'VITE_').VITE_COGNITO_USER_POOL_ID;
  if (server === 'kit') {
    await startKit(host === 'localhost' ? '127.0.0.1' : host);
  } else if (!realPool) {
    const { startCognitoLocal } = await import('./cognitoLocal.mjs');
    const { provision } = await import('./provision.mjs');
    const cognito = await startCognitoLocal({ host, port: cognitoPort, dataDir, print });
    stoppers.push(cognito.close);
    const pool = await provision({ endpoint: cognito.endpoint, dataDir, appOrigin });
    // What the app reads (import.meta.env): Vite exposes VITE_* variables of its process.
    Object.assign(process.env, {
      VITE_COGNITO_REGION: 'local',
      VITE_COGNITO_USER_POOL_ID: pool.userPoolId,
      VITE_COGNITO_CLIENT_ID: pool.clientId,
      VITE_COGNITO_ENDPOINT: cognito.endpoint,
      VITE_COGNITO_AUTH_FLOW: 'USER_PASSWORD_AUTH',
      VITE_COGNITO_OAUTH_DOMAIN: `${host}:${cognitoPort}`,
      // No `openid`: cognito-local ignores the nonce, which the kit would then rightly refuse.
      VITE_COGNITO_OAUTH_SCOPES: 'email profile aws.cognito.signin.user.admin',
    });
    print(`cognito-local: ${cognito.endpoint} (user pool ${pool.userPoolId}, ${pool.created ? 'created' : 'reused'}; data in ${relative(process.cwd(), dataDir) || '.'})`);
  }

  const vite = await createServer({
    configFile: join(demoDir, 'vite.config.ts'),
    // Beside the pool's data: two stacks (say, the e2e test and yours) never share a dependency cache.
    cacheDir: join(dataDir, 'vite'),
    server: { host, port: appPort, strictPort: true },
  });
  stoppers.push(() => vite.close());
  await vite.listen();

  print('');
  print(`Demo app ready: ${appOrigin}/`);
  print(
    server === 'kit'
      ? 'Every code (sign-up, email/SMS sign-in, MFA, password reset, email change) is printed here:\n  [kit] code for <email or phone> (<kind>): <code>'
      : realPool
        ? `Using the Cognito user pool ${realPool}: codes arrive by email or SMS.`
        : 'Confirmation codes (sign-up, email change, password reset) are printed here:\n  [cognito-local] code for <email> (<why>): <code>',
  );
  print('Press Ctrl-C to stop.');
} catch (error) {
  const inUse = error?.code === 'EADDRINUSE' || /already in use/i.test(String(error?.message));
  print(inUse ? `A port is in use (${error.message}). Set DEMO_PORT / DEMO_COGNITO_PORT to free ones.` : `Demo failed to start: ${error?.stack ?? error}`);
  await stop(1);
}

/** The test backend (TypeScript, loaded through Vite's module runner), and the app's config for it. */
async function startKit(backendHost) {
  const { runnerImport } = await import('vite');
  const { module: kit } = await runnerImport(join(demoDir, 'server', 'kitBackend.ts'), { root: repoDir, logLevel: 'warn' });
  const backend = await kit.startKitBackend({ host: backendHost, port: cognitoPort, appOrigin, print });
  stoppers.push(backend.close);
  Object.assign(process.env, {
    VITE_DEMO_SERVER: 'the test backend',
    VITE_COGNITO_REGION: backend.userPoolId.split('_')[0],
    VITE_COGNITO_USER_POOL_ID: backend.userPoolId,
    VITE_COGNITO_CLIENT_ID: backend.clientId,
    VITE_COGNITO_ENDPOINT: backend.endpoint,
    // Choice-based sign-in: the username first, then password, a code or a passkey.
    VITE_COGNITO_AUTH_FLOW: 'USER_AUTH',
    VITE_COGNITO_OAUTH_DOMAIN: new URL(backend.endpoint).host,
    // Set even though it is the app's default: a real pool's demo/.env.local must not leak in here.
    VITE_COGNITO_OAUTH_SCOPES: 'openid email profile aws.cognito.signin.user.admin',
  });
  print(`test backend: ${backend.endpoint} (user pool ${backend.userPoolId}; nothing is kept after Ctrl-C)`);
  print('Demo users (seeded at every start):');
  for (const user of kit.KIT_DEMO_USERS) print(`  ${user.email} / ${user.password}  (phone ${user.phone}; ${user.about})`);
}

/** `--server kit` / `--server=kit` on the command line, else DEMO_SERVER, else cognito-local. */
function serverChoice(args, fromEnv) {
  const index = args.findIndex((arg) => arg === '--server' || arg.startsWith('--server='));
  const value = index < 0 ? fromEnv : args[index].startsWith('--server=') ? args[index].slice('--server='.length) : args[index + 1];
  const choice = value || 'cognito-local';
  if (choice === 'kit' || choice === 'cognito-local') return choice;
  process.stderr.write(`Unknown --server ${choice}: use kit or cognito-local.\n`);
  process.exit(2);
}
