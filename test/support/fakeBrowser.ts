/**
 * A browser tab for hosted-UI tests: the page's URL, where it navigated, what it wrote into the address
 * bar, and its sessionStorage (which survives the round trip to the hosted UI, as a real tab's does).
 * Hand `browser.environment` to `createAuth(config, { environment })`.
 */
import {
  MemoryStorage,
  type Auth,
  type AuthConfig,
  type AuthEvent,
  type BrowserEnvironment,
  type CreateAuthOptions,
  type FederatedSignInOptions,
  type OAuthConfig,
} from '../../src/core/index';
import { completeHostedUi, type HostedUiCredentials } from '../backend/hostedUi';
import type { EngineTestKit } from './engine';
import type { RecordingStorage } from './recordingStorage';

/** The app under test: its callback and sign-out pages (registered with the backend's hosted UI). */
export const APP = 'http://localhost:3000';
export const CALLBACK = `${APP}/callback`;
export const SIGNED_OUT = `${APP}/signed-out`;

export class FakeBrowser {
  url: string;
  /** Every `navigate(url)`, in order (the page would have left at the first). */
  readonly navigations: string[] = [];
  /** Every `replaceUrl(url)`, in order. */
  readonly replaced: string[] = [];
  readonly transientStorage: MemoryStorage;

  readonly environment: BrowserEnvironment;

  constructor(url: string, transientStorage = new MemoryStorage()) {
    this.url = url;
    this.transientStorage = transientStorage;
    this.environment = {
      navigate: (next) => {
        this.navigations.push(next);
      },
      currentUrl: () => this.url,
      replaceUrl: (next) => {
        this.replaced.push(next);
        this.url = next;
      },
      transientStorage,
    };
  }

  /** A new page load in this tab (sessionStorage kept, the navigation and address-bar logs start over). */
  load(url: string): void {
    this.url = url;
    this.navigations.length = 0;
    this.replaced.length = 0;
  }

  /** The only navigation so far (the hosted UI's authorize or logout URL). */
  navigation(): URL {
    if (this.navigations.length !== 1) throw new Error(`expected exactly one navigation, got ${this.navigations.length}`);
    return new URL(this.navigations[0]!);
  }

  /** Every key in sessionStorage, sorted. */
  transientKeys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.transientStorage.length; i++) keys.push(this.transientStorage.key(i)!);
    return keys.sort();
  }

  /** The one pending hosted-UI flow record in sessionStorage (key and parsed value). */
  flowRecord(): { key: string; record: Record<string, unknown> } {
    const keys = this.transientKeys();
    if (keys.length !== 1) throw new Error(`expected one flow record in sessionStorage, found ${keys.length}`);
    const key = keys[0]!;
    return { key, record: JSON.parse(this.transientStorage.getItem(key)!) as Record<string, unknown> };
  }
}

export interface HostedUiEngineOptions {
  oauth?: Partial<OAuthConfig>;
  config?: Partial<AuthConfig>;
  engine?: CreateAuthOptions;
  storage?: RecordingStorage;
}

export interface HostedUiKit {
  /** `oauth` config pointing at the test backend's hosted UI (http, loopback `host:port`). */
  oauth(extra?: Partial<OAuthConfig>): OAuthConfig;
  /** An engine on `browser`'s current page, with the hosted UI configured. */
  engine(browser: FakeBrowser, options?: HostedUiEngineOptions): Auth;
  /**
   * On `browser`'s current page: `federatedSignIn(signIn)`, then the hosted UI with `credentials`.
   * Resolves the callback URL the hosted UI sends the tab to (not loaded yet).
   */
  authorize(browser: FakeBrowser, credentials: HostedUiCredentials, signIn?: FederatedSignInOptions, options?: HostedUiEngineOptions): Promise<string>;
  /** `authorize`, then load the callback in the same tab with a new engine and await its completion. */
  signIn(
    browser: FakeBrowser,
    credentials: HostedUiCredentials,
    signIn?: FederatedSignInOptions,
    options?: HostedUiEngineOptions,
  ): Promise<{ auth: Auth; callback: string; events: AuthEvent[] }>;
}

export function hostedUiKit(kit: () => EngineTestKit): HostedUiKit {
  const oauth = (extra: Partial<OAuthConfig> = {}): OAuthConfig => ({
    domain: new URL(kit().url).host,
    redirectSignIn: CALLBACK,
    redirectSignOut: SIGNED_OUT,
    ...extra,
  });
  const engine = (browser: FakeBrowser, options: HostedUiEngineOptions = {}): Auth =>
    kit().auth({
      config: { oauth: oauth(options.oauth), ...options.config },
      engine: { ...options.engine, environment: { ...browser.environment, ...options.engine?.environment } },
      ...(options.storage ? { storage: options.storage } : {}),
    });
  const authorize: HostedUiKit['authorize'] = async (browser, credentials, signIn = {}, options = {}) => {
    const before = browser.navigations.length;
    await engine(browser, options).federatedSignIn(signIn);
    const target = browser.navigations[before];
    if (target === undefined) throw new Error('federatedSignIn did not navigate');
    return completeHostedUi(target, credentials);
  };
  return {
    oauth,
    engine,
    authorize,
    async signIn(browser, credentials, signIn = {}, options = {}) {
      const callback = await authorize(browser, credentials, signIn, options);
      browser.load(callback);
      const auth = engine(browser, options);
      const events = kit().events(auth);
      await auth.handleRedirect();
      return { auth, callback, events };
    },
  };
}
