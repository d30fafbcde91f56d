import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChromiumSite } from '../e2e/chromiumSite';
import { listen, type Answer, type LoopbackServer } from '../support/loopbackServer';
import { registerSecret } from '../support/secrets';
import { tally } from './tally';

interface Outcome {
  status: string;
  error?: { name: string; source: string };
}
/** What test/e2e/coreBrowser/main.js puts on `window`. */
interface PageApi {
  trySignIn(config: object, username: string, password: string, follow: boolean): Promise<Outcome>;
  startHostedUi(): Promise<void>;
  hostedUiOutcome: Promise<{ error?: Outcome['error']; state: { status: string } } | null>;
}
interface Recorded {
  method: string;
  path: string;
  body: string;
}

const PASSWORD = 'Redirect-me-n0t-in-Chromium!';
const CODE = 'the-authorization-code-0123456789';

/** Counts an attack as tried, and as rejected once its assertions passed. */
async function attack(run: () => Promise<void>): Promise<void> {
  tally('attacksTried');
  await run();
  tally('attacksRejected');
}

/** CORS for a page on another loopback port; `*` also admits the `null` origin a cross-origin redirect leaves. */
function cors(request: IncomingMessage, origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '*',
  };
}

// test/reliability/redirects.test.ts in Chromium: the browser's own fetch, CORS and redirect rules.
// A user-pool endpoint and a hosted-UI token endpoint answer 307/308 to a second origin that records
// every request, preflights included; the password, the code and the PKCE verifier must not get there.
describe('nothing secret follows a redirect (Chromium)', () => {
  registerSecret(PASSWORD, CODE);
  const chromium = useChromiumSite(resolve(__dirname, '../e2e/coreBrowser'));
  const stolen: Recorded[] = [];
  let status = 307;
  let evil: LoopbackServer;
  let redirecting: LoopbackServer;
  let page: Page | undefined;

  beforeAll(async () => {
    evil = await listen((request, body) => {
      stolen.push({ method: request.method ?? '', path: request.url ?? '', body });
      return { status: request.method === 'OPTIONS' ? 204 : 200, headers: { ...cors(request, '*'), 'Content-Type': 'application/json' }, body: '{}' };
    });
    const site = new URL(chromium().url).origin;
    // Preflights pass, so the only thing between the secret and the other origin is the redirect.
    redirecting = await listen((request): Answer => {
      const url = new URL(request.url ?? '/', 'http://redirecting');
      if (request.method === 'OPTIONS') return { status: 204, headers: cors(request, site) };
      if (url.pathname === '/oauth2/authorize') {
        // The stand-in hosted UI signs the user in at once and sends the browser back with a code.
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', CODE);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        return { status: 302, headers: { Location: back.toString() } };
      }
      return { status, headers: { ...cors(request, site), Location: `${evil.origin}/steal${request.url ?? ''}` } };
    });
  });

  afterAll(async () => {
    await evil?.close();
    await redirecting?.close();
  });

  const config = () => ({
    userPoolId: 'local_redirect1',
    userPoolWebClientId: 'clientredirect1',
    endpoint: `${redirecting.origin}/`,
    authenticationFlowType: 'USER_PASSWORD_AUTH',
    oauth: { domain: new URL(redirecting.origin).host, redirectSignIn: `${chromium().url}callback`, redirectSignOut: chromium().url },
  });

  async function openPage(): Promise<Page> {
    page ??= await chromium().context.newPage();
    await page.goto(chromium().url);
    await page.waitForFunction(() => typeof (window as unknown as PageApi).trySignIn === 'function');
    return page;
  }

  for (const code of [307, 308]) {
    it(`a ${code} from the user-pool endpoint fails the sign-in with NetworkError; the other origin gets no request`, async () => {
      await attack(async () => {
        const tab = await openPage();
        [status, stolen.length] = [code, 0];

        const outcome = await tab.evaluate(([c, p]) => (window as unknown as PageApi).trySignIn(c, 'ada', p, false), [config(), PASSWORD] as const);

        expect(outcome).toEqual({ status: 'signedOut', error: { name: 'NetworkError', source: 'signIn' } });
        expect(stolen).toEqual([]);
      });
    });

    it(`a ${code} from the token endpoint fails the hosted-UI callback with NetworkError; the code and verifier stay home`, async () => {
      await attack(async () => {
        const tab = await openPage();
        [status, stolen.length] = [code, 0];
        await tab.evaluate((c) => window.localStorage.setItem('test-config', JSON.stringify(c)), config());
        await tab.reload();
        await tab.waitForFunction(() => typeof (window as unknown as PageApi).startHostedUi === 'function');

        await Promise.all([
          tab.waitForURL((u) => u.pathname === '/callback' && u.searchParams.get('code') === CODE),
          tab.evaluate(() => (window as unknown as PageApi).startHostedUi()),
        ]);
        await tab.waitForFunction(() => 'hostedUiOutcome' in window);
        const outcome = await tab.evaluate(() => (window as unknown as PageApi).hostedUiOutcome);
        await tab.evaluate(() => window.localStorage.removeItem('test-config'));

        expect(outcome).toMatchObject({ error: { name: 'NetworkError', source: 'handleRedirect' }, state: { status: 'signedOut' } });
        expect(stolen).toEqual([]);
      });
    });
  }

  it('the servers are real: a fetch that follows redirects does carry the password to the other origin', async () => {
    const tab = await openPage();
    [status, stolen.length] = [307, 0];

    await tab.evaluate(([c, p]) => (window as unknown as PageApi).trySignIn(c, 'ada', p, true), [config(), PASSWORD] as const);

    expect(stolen.filter((request) => request.method === 'POST').map((request) => request.body).join('\n')).toContain(PASSWORD);
  });
});
