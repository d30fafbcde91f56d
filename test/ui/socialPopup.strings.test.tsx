// @vitest-environment jsdom
/**
 * The popup's three error strings are not in the start bundle: they come with the step screens' chunk,
 * which a lone `<SignIn socialPopup>` (no Authenticator to fetch it on mount) fetches on the button's
 * click. This file never imports ./support (which loads that chunk up front), so the chunk really is
 * absent until the click. Real engine; the browser's popup blocker is the one stand-in (jsdom has no
 * `window.open`): it refuses, as a browser does outside a click.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../src/react/index';
import { en } from '../../src/ui/i18n/en';
import { SignIn } from '../../src/ui/screens/SignIn';
import { useEngineBackend } from '../support/engine';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('<SignIn socialPopup> on its own', () => {
  const kit = useEngineBackend();

  it('a blocked popup shows its translated error, though no Authenticator loaded the step strings', async () => {
    const k = kit();
    const opened: string[] = [];
    vi.stubGlobal('open', (url: string) => {
      opened.push(url);
      return null;
    });
    const oauth = { domain: new URL(k.url).host, redirectSignIn: 'http://localhost:3000/callback', redirectSignOut: 'http://localhost:3000/', responseType: 'code' as const };
    render(
      <AuthProvider config={k.config({ oauth })} options={{ now: k.clock.now }}>
        <SignIn socialProviders={['google']} socialPopup />
      </AuthProvider>,
    );
    fireEvent.change(screen.getByLabelText(en['field.username']), { target: { value: 'typed-before' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign In with Google' }));

    await expect.poll(() => screen.queryByRole('alert')?.textContent).toBe(en['error.OAuthPopupBlocked']);
    // The popup was asked for once, blank, in the click's task; the page kept what the user typed.
    expect(opened).toEqual(['']);
    expect((screen.getByLabelText(en['field.username']) as HTMLInputElement).value).toBe('typed-before');
  });
});
