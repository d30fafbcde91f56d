import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Running } from '../backend/harness';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Audit {
  state: string;
  /** `rtl`: the light theme in Hebrew, right to left. */
  theme: 'light' | 'dark' | 'rtl';
  violations: string[];
  /** How far the page is wider than the 320 px viewport (0 = no sideways scrolling). */
  overflow: number;
  /** Whether axe measured colour contrast on this page (it cannot in jsdom). */
  contrastMeasured: boolean;
}

/** What uiPage/main.jsx puts on `window`. */
interface PageApi {
  startApp(config: object, props: object): void;
  setProps(props: object): void;
}

/**
 * One Chromium tab on test/e2e/uiPage, and what the audit does there: open the Authenticator against
 * a backend, run axe and the 320 px overflow check on the page as it is, and photograph it, in the
 * light and dark theme and right to left. The tab has a virtual platform authenticator (passkeys).
 */
export class ScreenAudit {
  readonly audits: Audit[] = [];
  readonly pageErrors: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly siteUrl: string,
    private readonly shots: string,
  ) {}

  /**
   * A 320 px tab on `siteUrl` (on `localhost`: a passkey's relying party must be a domain). Cognito's
   * 400 answers (the wrong passwords and codes typed on purpose) are not page errors.
   */
  static async open(browser: Browser, siteUrl: string, shots: string, isBackend: (url: string) => boolean): Promise<ScreenAudit> {
    const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
    const audit = new ScreenAudit(page, siteUrl.replace('127.0.0.1', 'localhost'), shots);
    page.on('pageerror', (error) => audit.pageErrors.push(error.message));
    page.on('console', (message) => {
      const cognitoAnswer = isBackend(message.location().url) && message.text().includes('status of 400');
      if (message.type() === 'error' && !cognitoAnswer && !message.location().url.endsWith('/favicon.ico')) audit.pageErrors.push(message.text());
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    return audit;
  }

  /** The page's origin (what a backend's WebAuthn options must allow). */
  get origin(): string {
    return new URL(this.siteUrl).origin;
  }

  /** A fresh page (empty storage) running the Authenticator against `running`'s backend, following the OS theme (`colorMode="system"`). */
  async start(running: Running, config: object = {}, props: object = {}): Promise<void> {
    const { page } = this;
    await page.goto(this.siteUrl);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.addScriptTag({ path: AXE_PATH });
    const { backend, url } = running;
    const full = { userPoolId: backend.config.userPoolId, userPoolWebClientId: backend.config.clientId, endpoint: url, authenticationFlowType: 'USER_PASSWORD_AUTH', ...config };
    await page.evaluate(([c, p]) => (window as unknown as PageApi).startApp(c, p), [full, { colorMode: 'system', ...props }] as const);
  }

  heading = (name: string) => this.page.getByRole('heading', { name }).waitFor();
  fill = (label: string, value: string) => this.page.getByLabel(label, { exact: true }).fill(value);
  press = (name: string) => this.page.getByRole('button', { name, exact: true }).click();
  alert = (text: string) => this.page.getByRole('alert').filter({ hasText: text }).waitFor();

  /** Axe (colour contrast included), overflow at 320 px, light and dark, then right to left; each photographed at 320 and 1280 px. */
  async audit(state: string): Promise<void> {
    const { page } = this;
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await this.measure(state, theme);
      await this.shoot(state, theme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await this.setLanguage('he');
    await this.measure(state, 'rtl');
    await this.shoot(state, 'rtl');
    await this.setLanguage(undefined);
  }

  private async measure(state: string, theme: Audit['theme']): Promise<void> {
    const { violations, contrastMeasured } = await this.page.evaluate(async () => {
      type Rule = { id: string; nodes: { target: string[] }[] };
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
      const results = await axe.run(document, { resultTypes: ['violations'] });
      return {
        violations: results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
        contrastMeasured: results.passes.some((rule) => rule.id === 'color-contrast'),
      };
    });
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    this.audits.push({ state, theme, violations, overflow, contrastMeasured });
  }

  /** This state at 320 px (measured, photographed) and 1280 px (photographed). */
  private async shoot(state: string, variant: string): Promise<void> {
    const { page } = this;
    const file = (width: number) => join(this.shots, `${state.replace(/[^\w=+-]+/g, '_')}.${width}-${variant}.png`);
    await page.screenshot({ path: file(320), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: file(1280), fullPage: true });
    await page.setViewportSize({ width: 320, height: 720 });
  }

  /**
   * Right to left: the same tree re-rendered in Hebrew (the screen keeps its state), then back. The
   * Authenticator's root, or the app's account page in its slot, says when the language arrived.
   */
  private async setLanguage(language: string | undefined): Promise<void> {
    const { page } = this;
    await page.evaluate((lang) => (window as unknown as PageApi).setProps({ language: lang }), language);
    const roots = '.crk-authenticator[lang], [data-page][lang]';
    // The default signed-in view has no language of its own: nothing to wait for.
    if ((await page.locator(roots).count()) === 0) return;
    const [lang, dir] = language === 'he' ? ['he', 'rtl'] : ['en', 'ltr'];
    await page.waitForFunction(([selector, l, d]) => {
      const element = document.querySelector(selector);
      return element?.getAttribute('lang') === l && getComputedStyle(element).direction === d;
    }, [roots, lang, dir] as const);
  }
}
