/**
 * A browser tab for hosted-UI tests: the page's URL, where it navigated, what it wrote into the address
 * bar, and its sessionStorage (which survives the round trip to the hosted UI, as a real tab's does).
 * Hand `browser.environment` to `createAuth(config, { environment })`.
 */
import { MemoryStorage, type BrowserEnvironment } from '../../src/core/index';

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

  constructor(url: string, transientStorage = new MemoryStorage()) {
    this.url = url;
    this.transientStorage = transientStorage;
  }

  readonly environment: BrowserEnvironment = {
    navigate: (url) => {
      this.navigations.push(url);
    },
    currentUrl: () => this.url,
    replaceUrl: (url) => {
      this.replaced.push(url);
      this.url = url;
    },
    transientStorage: this.#transient(),
  };

  // A getter-free indirection so `environment` can be a field initialised before the constructor body.
  #transient(): MemoryStorage {
    const forward = (): MemoryStorage => this.transientStorage;
    return Object.assign(Object.create(MemoryStorage.prototype) as MemoryStorage, {
      getItem: (key: string) => forward().getItem(key),
      setItem: (key: string, value: string) => forward().setItem(key, value),
      removeItem: (key: string) => forward().removeItem(key),
      clear: () => forward().clear(),
      key: (index: number) => forward().key(index),
    });
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
