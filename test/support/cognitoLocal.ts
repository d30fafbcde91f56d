/*
 * In-process cognito-local 5.3.0 for tests.
 *   const cl = await startCognitoLocal({ usernameAttributes?, mfa?, callbackUrls? });
 *   → { endpoint, userPoolId, clientId, issuer, dataDir, codes, lastCode(u), stop() }
 *
 * Wiring: cognito-local's own createServer/Router/CognitoServiceFactoryImpl/StormDB/JwtTokenGenerator,
 * assembled like createDefaultServer but with: a fresh mkdtemp data dir (never ./.cognito); our own
 * http.Server on 127.0.0.1:0 with TokenConfig.IssuerDomain = the real port; pino at level "silent";
 * a recording `Messages` instead of ConsoleMessageSender (codes go to `codes`, never to the console);
 * crypto-random 6-digit codes (the CODE env var is ignored); no Lambda triggers, so aws-sdk v2 (and its
 * stderr end-of-support warning) is never loaded; a correct /<pool>/.well-known/openid-configuration
 * (upstream hard-codes http://localhost:9229).
 *
 * cognito-local vs Cognito, probed with raw AWS JSON calls. "400 X" = HTTP 400 with __type X;
 * "500 Unsupported" = HTTP 500 with __type "CognitoLocal#Unsupported".
 * - SignUp: works; CodeDeliveryDetails carry the UNMASKED address. Duplicate → 400 UsernameExistsException.
 *   Password policy is not enforced ("x" is accepted). No email while AutoVerifiedAttributes=[email] →
 *   400 InvalidParameterException. Email-username pool + non-email username → 400 InvalidParameterException.
 * - ConfirmSignUp: works. Wrong code → 400 CodeMismatchException. Unknown user → 400 NotAuthorizedException.
 *   Already confirmed → 400 ExpiredCodeException (Cognito: NotAuthorizedException). Does NOT set
 *   email_verified=true (Cognito does): GetUser has no email_verified, the id token says false.
 * - ResendConfirmationCode: 500 Unsupported.
 * - InitiateAuth USER_PASSWORD_AUTH: works → AccessToken, IdToken, RefreshToken (no ExpiresIn, no TokenType).
 *   Wrong password → 400 InvalidPasswordException (Cognito: NotAuthorizedException). Unknown user →
 *   400 NotAuthorizedException. Unconfirmed user → 400 UserNotConfirmedException, but only with the right
 *   password (a wrong one gives InvalidPasswordException). USER_SRP_AUTH → 500 Unsupported.
 *   Pool MFA 'ON' and user without MFA → 400 NotAuthorizedException (Cognito: MFA_SETUP challenge).
 *   Tokens last 24 h (Cognito default 1 h); access scope is always aws.cognito.signin.user.admin; of the
 *   user's attributes the id token carries only sub, email, email_verified, custom:*; in email-username pools
 *   cognito:username/username are the sub.
 * - REFRESH_TOKEN_AUTH: works → AccessToken + IdToken, no new RefreshToken. Unknown or revoked token →
 *   400 NotAuthorizedException. Refresh tokens issued after an MFA challenge are never stored, so
 *   refreshing with them → 400 NotAuthorizedException.
 * - GetUser: works. Signature and exp are NOT checked by any AccessToken call (an expired token with a bogus
 *   signature gets 200); a non-JWT token → 400 InvalidParameterException (Cognito: NotAuthorizedException).
 * - UpdateUserAttributes: works, applied at once. name → CodeDeliveryDetailsList []. email → email_verified
 *   =false and a code (kind UpdateUserAttribute) to the NEW address. phone_number → phone_number_verified
 *   =false and the code goes to the EMAIL (AutoVerifiedAttributes=[email]). sub → 400
 *   InvalidParameterException (immutable); unknown custom:x → 400 InvalidParameterException.
 * - VerifyUserAttribute: works; wrong code → 400 CodeMismatchException; right code → email_verified=true.
 *   One pending code per user, shared by email and phone_number.
 * - GetUserAttributeVerificationCode: works (code kind VerifyUserAttribute) but returns {} (Cognito returns
 *   CodeDeliveryDetails).
 * - DeleteUserAttributes: works; it even deletes `sub` (Cognito refuses), after which calls that find the user
 *   by the token's sub fail (GetUser → 400 UserNotFoundException, most others → 400 NotAuthorizedException).
 * - ChangePassword: works; wrong previous password → 400 InvalidPasswordException (Cognito: NotAuthorizedException).
 * - ForgotPassword: works (code kind ForgotPassword, always to the email). Unknown user → 400
 *   UserNotFoundException; user without email → 500 Unsupported (from source).
 *   ConfirmForgotPassword: works; wrong or already used code → 400 CodeMismatchException.
 * - AssociateSoftwareToken (AccessToken only; the Session/MFA_SETUP form → 400 InvalidParameterException),
 *   VerifySoftwareToken (wrong code → 400 CodeMismatchException; Cognito: EnableSoftwareTokenMFAException;
 *   success → {Status:"SUCCESS"} and TOTP is already enabled), SetUserMFAPreference (TOTP before verify →
 *   400 InvalidParameterException): work. Sign-in then → SOFTWARE_TOKEN_MFA challenge; RespondToAuthChallenge
 *   wrong code → 400 CodeMismatchException, right code → tokens. The Session value is not checked.
 *   PreferredMfa is stored but ignored: SMS+TOTP enabled → SELECT_MFA_TYPE. SMS can be "enabled" with
 *   SetUserMFAPreference, but the SMS challenge then → 500 Unsupported ("SMS_MFA without SMS MFAOption").
 *   A pool with MFA 'OFF' ignores a verified TOTP (plain tokens).
 * - GlobalSignOut, AdminUserGlobalSignOut, ListDevices, GetDevice, ForgetDevice, ConfirmDevice,
 *   UpdateDeviceStatus, SetUserSettings, GetTokensFromRefreshToken: 500 Unsupported.
 * - RevokeToken: works for a refresh token (later refresh → 400 NotAuthorizedException), but access tokens
 *   from it stay usable (Cognito revokes them). Revoking again, or passing an access token → 400
 *   NotAuthorizedException.
 * - DeleteUser: works; afterwards GetUser → 400 UserNotFoundException, sign-in → 400 NotAuthorizedException.
 */
import { randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// cognito-local has no `exports` map, so its compiled CommonJS modules (with .d.ts next to them)
// can be imported one by one. We wire the pieces ourselves instead of calling
// `createDefaultServer`, which would: write to `./.cognito`, read PORT/HOST, load aws-sdk v2
// (prints an end-of-support warning on stderr) and print every code in a box on the console.
import { DefaultConfig } from 'cognito-local/lib/server/config.js';
import type { Config } from 'cognito-local/lib/server/config.js';
import { Router } from 'cognito-local/lib/server/Router.js';
import { createServer } from 'cognito-local/lib/server/server.js';
import { DateClock } from 'cognito-local/lib/services/clock.js';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import type { Messages, Services, Triggers } from 'cognito-local/lib/services/index.js';
import type { TokenConfig } from 'cognito-local/lib/services/tokenGenerator.js';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';

export type UsernameAttribute = 'email' | 'phone_number';
export type MfaConfiguration = 'OFF' | 'OPTIONAL' | 'ON';

export interface StartCognitoLocalOptions {
  /** Pool `UsernameAttributes`. Default `[]`: plain usernames (cognito-local's own default is `['email']`). */
  usernameAttributes?: UsernameAttribute[];
  /** Pool MFA configuration; TOTP (software token) MFA is enabled unless 'OFF'. Default 'OPTIONAL'. */
  mfa?: MfaConfiguration;
  /** App client `CallbackURLs`. Default `['http://localhost/callback']`. `LogoutURLs` = their origins + '/'. */
  callbackUrls?: string[];
}

export interface DeliveredCode {
  /** cognito-local's internal `Username` (the sub when the pool uses email/phone as username). */
  username: string;
  code: string;
  /** cognito-local's message source: SignUp | ResendCode | ForgotPassword | UpdateUserAttribute | VerifyUserAttribute | AdminCreateUser | Authentication */
  kind?: string;
  /** email address or phone number the code was "sent" to (unmasked). */
  destination?: string;
}

export interface CognitoLocal {
  /** `http://127.0.0.1:<port>/` */
  endpoint: string;
  /** `local_XXXXXXXX` */
  userPoolId: string;
  clientId: string;
  /** Token issuer: `http://127.0.0.1:<port>/<userPoolId>` (matches the tokens' `iss`). */
  issuer: string;
  /** The temp data directory (removed by `stop()`). */
  dataDir: string;
  /** Every code cognito-local "sent", in order. Never printed. */
  codes: DeliveredCode[];
  /**
   * Newest code for a user. Matches the internal username, the destination, or the user's
   * sub/email/phone_number at delivery time (so an email works in email-as-username pools).
   */
  lastCode(username: string): string | undefined;
  /** Closes the server and removes the temp data dir. Idempotent. */
  stop(): Promise<void>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

export class CognitoLocalError extends Error {
  constructor(
    readonly target: string,
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(`${target} -> ${status} ${type}: ${message}`);
    this.name = 'CognitoLocalError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One AWS JSON 1.1 call (`POST /`, `X-Amz-Target`). Resolves with the parsed body on 2xx, rejects
 * with a CognitoLocalError (`type` = the `__type` error name) otherwise.
 */
export async function cognitoLocalCall(
  endpoint: string,
  target: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `${TARGET_PREFIX}${target}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { message: text };
  }
  const data = isRecord(parsed) ? parsed : {};
  if (!res.ok) {
    const type = typeof data.__type === 'string' ? data.__type : 'UnknownError';
    const message = typeof data.message === 'string' ? data.message : text;
    throw new CognitoLocalError(target, res.status, type, message);
  }
  return data;
}

// ---------------------------------------------------------------------------------------------
// Logger: pino at level "silent". cognito-local's HTTP layer (pino-http) needs a real pino
// logger; pino is cognito-local's own dependency, so load it from cognito-local's location.

type Logger = Parameters<typeof createServer>[1];
type PinoFactory = (options: { level: string }) => Logger;

// Narrow typed guard: pino's CommonJS export is the factory function itself.
function isPinoFactory(value: unknown): value is PinoFactory {
  return typeof value === 'function';
}

let silentLogger: Logger | undefined;
function getSilentLogger(): Logger {
  if (!silentLogger) {
    const requireHere = createRequire(import.meta.url);
    const requireFromCognitoLocal = createRequire(requireHere.resolve('cognito-local/package.json'));
    const pino: unknown = requireFromCognitoLocal('pino');
    if (!isPinoFactory(pino)) throw new Error('cognito-local harness: could not load pino');
    silentLogger = pino({ level: 'silent' });
  }
  return silentLogger;
}

// ---------------------------------------------------------------------------------------------

type DeliverArgs = Parameters<Messages['deliver']>;

const noTriggers = (): Promise<never> =>
  Promise.reject(new Error('cognito-local harness: Lambda triggers are not configured'));

// No Lambda triggers: avoids constructing TriggersService, whose CryptoService/Lambda pull in aws-sdk v2.
const triggers: Triggers = {
  enabled: () => false,
  customMessage: noTriggers,
  customEmailSender: noTriggers,
  postAuthentication: noTriggers,
  postConfirmation: noTriggers,
  preSignUp: noTriggers,
  preTokenGeneration: noTriggers,
  userMigration: noTriggers,
};

// Random 6-digit codes that ignore the CODE env var cognito-local's own `otp` honours.
const otp = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0');

function isRequestListener(value: unknown): value is http.RequestListener {
  return typeof value === 'function';
}
function hasSet(value: unknown): value is { set(name: string, value: unknown): unknown } {
  return typeof value === 'function' && 'set' in value && typeof value.set === 'function';
}

const OPENID_CONFIGURATION = /^\/([^/]+)\/\.well-known\/openid-configuration\/?$/;

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('cognito-local harness: server has no TCP address'));
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    // close() stops accepting and (Node ≥ 19) drops idle keep-alive sockets, then waits for
    // in-flight requests so no StormDB write lands in the dir after we delete it.
    const timer = setTimeout(() => server.closeAllConnections(), 1_000);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

// Safety nets for instances whose stop() never ran. Vitest ends its fork workers with SIGTERM,
// which skips 'exit' handlers, so each data dir name carries the owner's pid and the first start
// in a process removes dirs whose owner process is gone; the 'exit' hook covers plain scripts.
const DATA_DIR_PREFIX = 'crk-cognito-local-';
const DATA_DIR_PATTERN = /^crk-cognito-local-(\d+)-/;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

let sweptStaleDirs = false;
async function sweepStaleDataDirs(): Promise<void> {
  if (sweptStaleDirs) return;
  sweptStaleDirs = true;
  const entries = await readdir(tmpdir()).catch((): string[] => []);
  await Promise.all(
    entries.map(async (name) => {
      const pid = Number(DATA_DIR_PATTERN.exec(name)?.[1]);
      if (!pid || pid === process.pid || processIsAlive(pid)) return;
      await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
    }),
  );
}

const liveDataDirs = new Set<string>();
let exitHookInstalled = false;
function trackDataDir(dir: string): void {
  liveDataDirs.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const leftover of liveDataDirs) rmSync(leftover, { recursive: true, force: true });
  });
}

export async function startCognitoLocal(options: StartCognitoLocalOptions = {}): Promise<CognitoLocal> {
  const usernameAttributes = [...(options.usernameAttributes ?? [])];
  const mfa = options.mfa ?? 'OPTIONAL';
  const callbackUrls = options.callbackUrls ?? ['http://localhost/callback'];
  const logoutUrls = [...new Set(callbackUrls.map((url) => `${new URL(url).origin}/`))];

  await sweepStaleDataDirs();
  const dataDir = await mkdtemp(join(tmpdir(), `${DATA_DIR_PREFIX}${process.pid}-`));
  trackDataDir(dataDir);
  let server: http.Server | undefined;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (server) await closeServer(server);
      await rm(dataDir, { recursive: true, force: true });
      liveDataDirs.delete(dataDir);
    })();
    return stopped;
  };

  try {
    const logger = getSilentLogger();
    const ctx = { logger };
    const clock = new DateClock();

    // The token generator keeps a reference to this object: IssuerDomain is filled in once the port is known.
    const tokenConfig: TokenConfig = { IssuerDomain: 'http://127.0.0.1:0' };
    const config: Config = {
      ...DefaultConfig,
      TriggerFunctions: {},
      // cognito-local merges these into every CreateUserPool (lodash merge: a [] in the request
      // cannot override ['email']), and SignUp also reads them, so they must match the pool.
      UserPoolDefaults: { UsernameAttributes: usernameAttributes },
      TokenConfig: tokenConfig,
      ServerConfig: { port: 0, hostname: '127.0.0.1', development: false, https: false },
    };

    const dataStoreFactory = new StormDBDataStoreFactory(dataDir);
    const cognito = await new CognitoServiceFactoryImpl(
      dataDir,
      dataStoreFactory,
      new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
    ).create(ctx, config.UserPoolDefaults);

    const codes: DeliveredCode[] = [];
    const aliases: Set<string>[] = [];
    // Replaces MessagesService + MessageDeliveryService + ConsoleMessageSender (which logs a box with the code).
    const messages: Messages = {
      deliver(...[, source, , , user, code, , deliveryDetails]: DeliverArgs): Promise<void> {
        codes.push({ username: user.Username, code, kind: source, destination: deliveryDetails.Destination });
        const names = new Set([user.Username, deliveryDetails.Destination]);
        for (const attr of user.Attributes ?? []) {
          if ((attr.Name === 'sub' || attr.Name === 'email' || attr.Name === 'phone_number') && attr.Value) {
            names.add(attr.Value);
          }
        }
        aliases.push(names);
        return Promise.resolve();
      },
    };

    const services: Services = {
      clock,
      cognito,
      config,
      messages,
      otp,
      tokenGenerator: new JwtTokenGenerator(clock, triggers, tokenConfig),
      triggers,
    };
    const application: unknown = createServer(Router(services), logger, config.ServerConfig, services).application;
    if (!isRequestListener(application)) throw new Error('cognito-local harness: unexpected express app');
    // Express's final handler prints error stacks (e.g. malformed JSON bodies) unless env is 'test'.
    if (hasSet(application)) application.set('env', 'test');

    let base = '';
    server = http.createServer((req, res) => {
      // cognito-local hard-codes http://localhost:9229 in its discovery document; serve a correct one.
      const match = req.method === 'GET' ? OPENID_CONFIGURATION.exec((req.url ?? '').split('?')[0] ?? '') : null;
      if (match) {
        const issuer = `${base}/${match[1]}`;
        res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        res.end(
          JSON.stringify({
            issuer,
            jwks_uri: `${issuer}/.well-known/jwks.json`,
            authorization_endpoint: `${base}/oauth2/authorize`,
            token_endpoint: `${base}/oauth2/token`,
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
            code_challenge_methods_supported: ['S256'],
          }),
        );
        return;
      }
      application(req, res);
    });
    const port = await listen(server);
    base = `http://127.0.0.1:${port}`;
    tokenConfig.IssuerDomain = base;
    const endpoint = `${base}/`;

    const created = await cognitoLocalCall(endpoint, 'CreateUserPool', {
      PoolName: 'cognito-react-kit-test',
      UsernameAttributes: usernameAttributes,
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: mfa,
    });
    const pool = isRecord(created.UserPool) ? created.UserPool : {};
    if (typeof pool.Id !== 'string') throw new Error('cognito-local harness: CreateUserPool returned no Id');
    const userPoolId = pool.Id;

    await cognitoLocalCall(endpoint, 'SetUserPoolMfaConfig', {
      UserPoolId: userPoolId,
      MfaConfiguration: mfa,
      SoftwareTokenMfaConfiguration: { Enabled: mfa !== 'OFF' },
    });

    const clientResult = await cognitoLocalCall(endpoint, 'CreateUserPoolClient', {
      UserPoolId: userPoolId,
      ClientName: 'cognito-react-kit-test-client',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'],
      CallbackURLs: callbackUrls,
      LogoutURLs: logoutUrls,
      SupportedIdentityProviders: ['COGNITO'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
    const client = isRecord(clientResult.UserPoolClient) ? clientResult.UserPoolClient : {};
    if (typeof client.ClientId !== 'string') {
      throw new Error('cognito-local harness: CreateUserPoolClient returned no ClientId');
    }

    return {
      endpoint,
      userPoolId,
      clientId: client.ClientId,
      issuer: `${base}/${userPoolId}`,
      dataDir,
      codes,
      lastCode(username: string): string | undefined {
        for (let i = codes.length - 1; i >= 0; i--) {
          if (aliases[i]?.has(username)) return codes[i]?.code;
        }
        return undefined;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
