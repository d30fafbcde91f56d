import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { servePage } from './pageServer';

export interface ChromiumSite {
  /** Where the built page is served (loopback). */
  url: string;
  browser: Browser;
  /** One browser context: its pages are tabs of one origin (shared storage, Web Locks). */
  context: BrowserContext;
}

/**
 * Per describe: builds `pageDir` with plain Vite, serves it on loopback and starts Debian's Chromium
 * with one context; stops both after the describe.
 */
export function useChromiumSite(pageDir: string): () => ChromiumSite {
  let site: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    [site, browser] = await Promise.all([servePage(pageDir), launchChromium()]);
    context = await browser.newContext();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return () => {
    if (!site || !browser || !context) throw new Error('Chromium site not started yet');
    return { url: site.url, browser, context };
  };
}
