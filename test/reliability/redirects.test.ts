import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type FetchLike } from '../../src/core/index';
import { authErrorOf } from '../support/engineAssertions';
import { APP, CALLBACK, FakeBrowser, SIGNED_OUT } from '../support/fakeBrowser';
import { listen, type LoopbackServer } from '../support/loopbackServer';
import { tally } from './tally';

// A user-pool endpoint or token endpoint that answers 307/308 to another origin must not get the
// engine to re-send the password, a code or the PKCE verifier there (a compromised proxy, a typo'd
// custom domain). Real servers on loopback, real `fetch`: a different port is a different origin.

interface Recorded {
  path: string;
  body: string;
}

/** Counts an attack as tried, and as rejected once its assertions passed. */
async function attack(run: () => Promise<void>): Promise<void> {
  tally('attacksTried');
  await run();
  tally('attacksRejected');
}

describe('nothing secret follows a redirect', () => {
  const stolen: Recorded[] = [];
  let evil: LoopbackServer;
  let redirecting: LoopbackServer;
  const PASSWORD = 'Redirect-me-n0t!';

  beforeAll(async () => {
    evil = await listen((request, body) => {
      stolen.push({ path: request.url ?? '', body });
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' };
    });
    // 307 and 308 keep the method and the body: a fetch that follows re-POSTs everything.
    redirecting = await listen((request) => ({ status: request.url?.includes('oauth2') ? 308 : 307, headers: { Location: `${evil.origin}/steal${request.url ?? ''}` } }));
  });

  afterAll(async () => {
    await evil.close();
    await redirecting.close();
  });

  const config = () => ({
    userPoolId: 'local_redirect1',
    userPoolWebClientId: 'clientredirect1',
    endpoint: `${redirecting.origin}/`,
    authenticationFlowType: 'USER_PASSWORD_AUTH' as const,
    oauth: { domain: new URL(redirecting.origin).host, redirectSignIn: CALLBACK, redirectSignOut: SIGNED_OUT },
  });

  it('a 307 from the user-pool endpoint fails the sign-in with NetworkError; the password never reaches the other origin', async () => {
    await attack(async () => {
      stolen.length = 0;
      const auth = createAuth(config(), { retry: { retries: 0 } });

      const error = await authErrorOf(auth.signIn({ username: 'ada', password: PASSWORD }));

      expect(error).toMatchObject({ name: 'NetworkError', source: 'signIn' });
      expect(auth.getState()).toMatchObject({ status: 'signedOut', error: { name: 'NetworkError' } });
      expect(stolen).toEqual([]);
    });
  });

  it('a 308 from the token endpoint fails the hosted-UI callback; the code and its PKCE verifier never reach the other origin', async () => {
    await attack(async () => {
      stolen.length = 0;
      const browser = new FakeBrowser(`${APP}/`);
      await createAuth(config(), { environment: browser.environment }).federatedSignIn();
      const state = new URL(browser.navigations[0]!).searchParams.get('state')!;
      browser.load(`${CALLBACK}?code=the-authorization-code&state=${state}`);
      const auth = createAuth(config(), { environment: browser.environment });

      const error = await authErrorOf(auth.handleRedirect());

      expect(error).toMatchObject({ name: 'NetworkError', source: 'handleRedirect' });
      expect(auth.getState().status).toBe('signedOut');
      expect(stolen).toEqual([]);
    });
  });

  it('the servers are real: a fetch that follows redirects does leak the password (what the engine prevents)', async () => {
    stolen.length = 0;
    const following: FetchLike = (url, init) => globalThis.fetch(url, { ...init, redirect: 'follow' });
    const auth = createAuth(config(), { fetch: following, retry: { retries: 0 } });

    await authErrorOf(auth.signIn({ username: 'ada', password: PASSWORD }));

    expect(stolen.map((request) => request.body).join('\n')).toContain(PASSWORD);
  });
});
