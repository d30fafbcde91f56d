#!/usr/bin/env node
// `npm run demo`: the demo app (Vite dev server) and, unless a real pool is configured,
// cognito-local with a user pool of its own, both on loopback. No AWS account needed.
//
// Environment (all optional):
//   DEMO_HOST (127.0.0.1), DEMO_PORT (5173), DEMO_COGNITO_PORT (9229), DEMO_DATA_DIR (<repo>/.demo)
//   VITE_COGNITO_USER_POOL_ID + VITE_COGNITO_CLIENT_ID (+ VITE_COGNITO_REGION, VITE_COGNITO_OAUTH_DOMAIN, …),
//     in the shell or in demo/.env.local: use that real Cognito pool, and start no cognito-local
//     (see README "Demo").
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(demoDir, '..');
const host = process.env.DEMO_HOST ?? '127.0.0.1';
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
  const realPool = loadEnv('development', demoDir, 'VITE_').VITE_COGNITO_USER_POOL_ID;
  if (!realPool) {
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
    realPool
      ? `Using the Cognito user pool ${realPool}: codes arrive by email or SMS.`
      : 'Confirmation codes (sign-up, email change, password reset) are printed here:\n  [cognito-local] code for <email> (<why>): <code>',
  );
  print('Press Ctrl-C to stop.');
} catch (error) {
  const inUse = error?.code === 'EADDRINUSE' || /already in use/i.test(String(error?.message));
  print(inUse ? `A port is in use (${error.message}). Set DEMO_PORT / DEMO_COGNITO_PORT to free ones.` : `Demo failed to start: ${error?.stack ?? error}`);
  await stop(1);
}
