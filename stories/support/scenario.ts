/**
 * One story's world: a fresh in-page Cognito double (the test backend's transport-free logic) and
 * an engine whose injected `fetch` calls it. Nothing leaves the page: no network, no AWS. The test
 * backend is not part of the package, so stories reach it only through this folder.
 */
import { createAuth, MemoryStorage, type Auth, type AuthConfig, type CreateAuthOptions, type PasskeyClient } from 'cognito-react-kit/core';
import { createBackend, type CognitoBackend } from '../../test/backend/backend';
import { fetchHandler } from '../../test/backend/fetchHandler';
import { inPageWorker } from './inPageWorker';
import { totpCode } from '../../test/backend/totp';
import type { BackendOptions, SeedUser } from '../../test/backend/types';

/** Never resolved by DNS (`.invalid`): proof that every call goes through the injected fetch. */
const ENDPOINT = 'https://cognito-idp.stories.invalid/';
export const HOSTED_UI_DOMAIN = 'auth.stories.invalid';
/** The app's address as the hosted UI knows it (its callback and sign-out URL). */
const APP_URL = 'http://localhost:6006/';

/** The password every seeded user has; it meets the default policy. */
export const PASSWORD = 'Story-Passw0rd!';
/** A second strong password, for "new password" screens. */
export const NEW_PASSWORD = 'Brand-New-Passw0rd!';
/** A TOTP key (base32) for users seeded with an authenticator app. */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const PHONE = '+15555550123';

export interface ScenarioSetup {
  /** Pool settings (MFA, policy, custom auth, …). Default: the backend's defaults, no device tracking. */
  backend?: BackendOptions;
  /** Engine config on top of the pool's ids. Default: USER_PASSWORD_AUTH (SRP only where a story asks). */
  config?: Partial<AuthConfig>;
  /** Seeds users and walks the engine to the story's starting step. */
  seed?: (scenario: Scenario) => Promise<void>;
  /** The platform's passkey prompt, played by the story. Default: the browser's. */
  passkeys?: PasskeyClient;
  /** `tokenIsolation: 'worker'`, its worker run in the page (inPageWorker.ts) so it reaches the story's backend. Default off. */
  tokenIsolation?: boolean;
}

const live = new Set<Scenario>();

/** Every scenario made in this page, so a test can feed their secrets to the console-leak check. */
export function everyScenario(): readonly Scenario[] {
  return [...live];
}

export class Scenario {
  readonly backend: CognitoBackend;
  readonly auth: Auth;
  /** What `auth` was made from, for a story whose provider makes its own engine (`<LazyAuthProvider>`). */
  readonly engineConfig: AuthConfig;
  readonly engineOptions: CreateAuthOptions;
  /** URLs the engine navigated to (the hosted UI), recorded instead of leaving the story. */
  readonly navigations: string[] = [];
  readonly #held = new Set<string>();
  readonly #failures = new Map<string, { name: string; message: string }>();
  readonly #answers = new Map<string, Record<string, unknown>>();
  #release: () => void = () => undefined;
  #engineClockOffsetMs = 0;
  #released: Promise<void>;
  readonly #inFlight = new Set<Promise<Response>>();
  #ended = false;

  constructor(setup: ScenarioSetup = {}) {
    this.#released = new Promise((resolve) => (this.#release = resolve));
    // The pool's clock stands still (unless a story moves it), so a TOTP code typed by a play
    // function is the one the pool expects, whatever the wall clock does meanwhile.
    const startedAt = Date.now();
    this.backend = createBackend({
      deviceTracking: false,
      now: () => startedAt,
      ...setup.backend,
      oauth: { callbackUrls: [APP_URL], logoutUrls: [APP_URL] },
      intercept: (operation) => this.#intercept(operation),
    });
    const handle = fetchHandler(this.backend);
    const fetch = (url: string, init: RequestInit) => {
      const call = handle(new Request(url, init));
      this.#inFlight.add(call);
      void call.finally(() => this.#inFlight.delete(call)).catch(() => undefined);
      return call;
    };
    this.engineConfig = {
        userPoolId: this.backend.config.userPoolId,
        userPoolWebClientId: this.backend.config.clientId,
        endpoint: ENDPOINT,
        storage: new MemoryStorage(),
        authenticationFlowType: 'USER_PASSWORD_AUTH',
        oauth: { domain: HOSTED_UI_DOMAIN, redirectSignIn: APP_URL, redirectSignOut: APP_URL },
        ...setup.config,
      };
    this.engineOptions = {
        fetch,
        ...(setup.tokenIsolation ? { tokenIsolation: 'worker' as const, startIsolationWorker: inPageWorker(fetch) } : {}),
        now: () => Date.now() + this.#engineClockOffsetMs,
        autoRefresh: false,
        ...(setup.passkeys ? { passkeys: setup.passkeys } : {}),
        // The hosted-UI flow sees a page at the redirect URL and never touches the real address bar.
        environment: {
          navigate: (url) => void this.navigations.push(url),
          currentUrl: () => APP_URL,
          replaceUrl: () => undefined,
          transientStorage: new MemoryStorage(),
        },
      };
    this.auth = createAuth(this.engineConfig, this.engineOptions);
    live.add(this);
  }

  static async start(setup: ScenarioSetup = {}): Promise<Scenario> {
    const scenario = new Scenario(setup);
    await setup.seed?.(scenario);
    return scenario;
  }

  /** A confirmed user with an email (and phone) and `PASSWORD`; `extra` overrides any part. */
  async user(username: string, extra: Partial<SeedUser> = {}): Promise<string> {
    await this.backend.createUser({
      username,
      password: PASSWORD,
      attributes: { email: `${username}@example.com`, phone_number: PHONE },
      ...extra,
    });
    return username;
  }

  /** The latest code the pool "sent" to `username` (`SIGN_IN`: a code chosen as the first factor). */
  code(username: string, kind: 'SIGN_UP' | 'SIGN_IN' | 'MFA' | 'FORGOT_PASSWORD' | 'VERIFY_ATTRIBUTE' | 'CUSTOM_CHALLENGE'): string {
    return this.backend.lastCode(username, kind);
  }

  /** A code that is certainly wrong (differs from the one sent). */
  wrongCode(username: string, kind: Parameters<Scenario['code']>[1]): string {
    return this.code(username, kind) === '000000' ? '111111' : '000000';
  }

  /** Sends `operation` with a wrong code five times: Cognito then refuses even the right code for a while. */
  async exhaustAttempts(operation: 'ConfirmSignUp' | 'ConfirmForgotPassword', input: Record<string, string>): Promise<void> {
    for (let i = 0; i < 5; i += 1) {
      await this.backend.call(operation, { ClientId: this.backend.config.clientId, ...input }).catch(() => undefined);
    }
  }

  /** The authenticator app's current code for `secret`, on the pool's clock. */
  totp(secret: string = TOTP_SECRET): Promise<string> {
    return totpCode(secret, this.backend.now());
  }

  /** Moves the app's clock (not the pool's): e.g. past token expiry, as after a long pause. */
  advanceAppClock(ms: number): void {
    this.#engineClockOffsetMs += ms;
  }

  /** Calls of `operation` wait (the UI shows its busy state) until `release()`. */
  hold(operation: string): void {
    if (!this.#ended) this.#held.add(operation);
  }

  release(): void {
    this.#held.clear();
    this.#release();
    this.#released = new Promise((resolve) => (this.#release = resolve));
  }

  /**
   * The story is over: held calls go on, no new one is held, and this resolves once no call is in
   * flight. Otherwise a held call would end 15 s later in the engine's timeout, maybe after the test
   * file's DOM is gone.
   */
  async end(): Promise<void> {
    this.#ended = true;
    this.release();
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** The next call of `operation` fails with Cognito's error `name` (for errors a story cannot provoke quickly). */
  failNext(operation: string, name: string, message: string): void {
    this.#failures.set(operation, { name, message });
  }

  /** The next call of `operation` succeeds with `body` (for a ceremony a story cannot run, e.g. a real passkey's attestation). */
  answerNext(operation: string, body: Record<string, unknown>): void {
    this.#answers.set(operation, body);
  }

  async #intercept(operation: string): Promise<{ status: number; body: string } | undefined> {
    if (this.#held.has(operation)) await this.#released;
    const answer = this.#answers.get(operation);
    if (answer) {
      this.#answers.delete(operation);
      return { status: 200, body: JSON.stringify(answer) };
    }
    const failure = this.#failures.get(operation);
    if (!failure) return undefined;
    this.#failures.delete(operation);
    return { status: 400, body: JSON.stringify({ __type: failure.name, message: failure.message }) };
  }
}
