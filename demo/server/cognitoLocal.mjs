// cognito-local 5.3 in this process, for the demo: its own router and services, assembled like its
// createDefaultServer but with the data under the demo's folder (not ./.cognito), the token issuer
// on the real port, no Lambda triggers (so aws-sdk v2 and its warning never load), every code
// printed as one plain line, and the two hosted-UI routes it lacks (/logout, /oauth2/revoke).
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { URL, URLSearchParams } from 'node:url';
import { Buffer } from 'node:buffer';
/* global fetch */

const require = createRequire(import.meta.url);
const { DefaultConfig } = require('cognito-local/lib/server/config.js');
const { Router } = require('cognito-local/lib/server/Router.js');
const { createServer } = require('cognito-local/lib/server/server.js');
const { DateClock } = require('cognito-local/lib/services/clock.js');
const { CognitoServiceFactoryImpl } = require('cognito-local/lib/services/cognitoService.js');
const { StormDBDataStoreFactory } = require('cognito-local/lib/services/dataStore/stormDb.js');
const { otp } = require('cognito-local/lib/services/otp.js');
const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator.js');
const { UserPoolServiceFactoryImpl } = require('cognito-local/lib/services/userPoolService.js');
// pino is cognito-local's own dependency: load it from there.
const pino = createRequire(require.resolve('cognito-local/package.json'))('pino');

const noTrigger = () => Promise.reject(new Error('demo: no Lambda triggers'));
const triggers = {
  enabled: () => false,
  customMessage: noTrigger,
  customEmailSender: noTrigger,
  postAuthentication: noTrigger,
  postConfirmation: noTrigger,
  preSignUp: noTrigger,
  preTokenGeneration: noTrigger,
  userMigration: noTrigger,
};

/** The line a code is printed on. The e2e test reads codes with CODE_LINE; keep the two in step. */
export const CODE_LINE = /^\[cognito-local\] code for (\S+) \((\w+)\): (\d+)$/m;

/**
 * Starts cognito-local on `host:port` with its data in `dataDir` (kept across restarts).
 * @param {{ host: string, port: number, dataDir: string, print: (line: string) => void }} options
 * @returns {Promise<{ endpoint: string, close(): Promise<void> }>}
 */
export async function startCognitoLocal({ host, port, dataDir, print }) {
  const dbDir = join(dataDir, 'db');
  await mkdir(dbDir, { recursive: true });
  const base = `http://${host}:${port}`;
  const logger = pino({ level: process.env.DEMO_DEBUG ? 'debug' : 'silent' });
  const ctx = { logger };
  const clock = new DateClock();
  const config = {
    ...DefaultConfig,
    TriggerFunctions: {},
    // Sign-in by email, as most apps do (cognito-local merges this into every CreateUserPool).
    UserPoolDefaults: { UsernameAttributes: ['email'] },
    TokenConfig: { IssuerDomain: base },
    ServerConfig: { port, hostname: host, development: false, https: false },
  };
  const dataStoreFactory = new StormDBDataStoreFactory(dbDir);
  const cognito = await new CognitoServiceFactoryImpl(
    dbDir,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, config.UserPoolDefaults);

  // No mail goes out: the code is printed where the person running the demo can read it.
  const messages = {
    deliver(_ctx, source, _clientId, _userPoolId, user, code, _metadata, deliveryDetails) {
      print(`[cognito-local] code for ${deliveryDetails.Destination ?? user.Username} (${source}): ${code}`);
      return Promise.resolve();
    },
  };
  const services = {
    clock,
    cognito,
    config,
    messages,
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  const app = createServer(Router(services), logger, config.ServerConfig, services).application;
  app.set('env', 'test'); // Express's final handler would print stacks for malformed bodies.

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const added =
      req.method === 'GET' && url.pathname === '/logout' ? logout(cognito, ctx, url, res)
      : req.method === 'POST' && url.pathname === '/oauth2/revoke' ? revoke(base, req, res)
      : null;
    if (!added) return app(req, res);
    // A failure in an added route answers 500 instead of ending the demo with an unhandled rejection.
    added.catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    endpoint: `${base}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Cognito's /logout: back to `logout_uri` if the app client lists it (cognito-local has no such route). */
async function logout(cognito, ctx, url, res) {
  const clientId = url.searchParams.get('client_id') ?? '';
  const logoutUri = url.searchParams.get('logout_uri') ?? '';
  const client = await cognito.getAppClient(ctx, clientId).catch(() => null);
  if (!client || !(client.LogoutURLs ?? []).includes(logoutUri)) {
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end('logout_uri is not a sign-out URL of this app client');
    return;
  }
  res.writeHead(302, { Location: logoutUri }).end();
}

/** Cognito's /oauth2/revoke, forwarded to cognito-local's RevokeToken (which it does implement). */
async function revoke(base, req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  const answer = await fetch(`${base}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.RevokeToken',
    },
    body: JSON.stringify({ Token: form.get('token') ?? '', ClientId: form.get('client_id') ?? '' }),
  });
  // Cognito answers 200 with an empty body, and CORS-enabled like the rest of the hosted UI.
  res.writeHead(answer.ok ? 200 : 400, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' });
  res.end(answer.ok ? '' : JSON.stringify({ error: 'invalid_request' }));
}
