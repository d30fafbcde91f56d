// @vitest-environment jsdom
/**
 * The screens after the first are a chunk of their own (src/ui/stepScreensLoader.ts). This file never
 * imports ./support (which loads that chunk up front), so here it really is absent at first: a step
 * screen shows the card's "Loading" line until its code is there, then the screen with its English
 * strings. Real engine against the test backend.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '../../src/react/index';
import { Authenticator } from '../../src/ui/Authenticator';
import { en } from '../../src/ui/i18n/en';
import { useEngineBackend } from '../support/engine';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);

describe('the step screens’ chunk', () => {
  const kit = useEngineBackend();

  it('a step screen shown before its chunk is there says "Loading", then shows itself with its English', async () => {
    const k = kit();
    render(
      <AuthProvider config={k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' })} options={{ now: k.clock.now }}>
        <Authenticator initialState="forgotPassword" />
      </AuthProvider>,
    );

    // The engine's start (reading storage) and the chunk: either way the card says it is loading.
    expect(screen.getByRole('status').textContent).toBe(en['authenticator.loading']);
    expect(await screen.findByRole('heading', { name: en['forgotPassword.heading'] })).toBeTruthy();
    // Its strings came with it: no key shows through.
    expect(screen.getByRole('button', { name: en['forgotPassword.submit'] })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/forgotPassword\./);
  });

  it('the first screen needs no chunk: sign-in renders at once, and the chunk is fetched as it shows', async () => {
    const k = kit();
    render(
      <AuthProvider config={k.config({ authenticationFlowType: 'USER_PASSWORD_AUTH' })} options={{ now: k.clock.now }}>
        <Authenticator />
      </AuthProvider>,
    );
    expect(await screen.findByRole('heading', { name: en['signIn.heading'] })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en['signIn.forgotPassword'] }));
    expect(await screen.findByRole('heading', { name: en['forgotPassword.heading'] })).toBeTruthy();
  });
});
