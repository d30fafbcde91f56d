// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Authenticator } from '../../src/ui/Authenticator';
import { useEngineBackend } from '../support/engine';
import { axeViolations, renderWithAuth } from './support';

/**
 * Screen titles as Amplify UI shows them: none under the Sign In / Create Account tabs (the tab says
 * it), one on every other screen. Hidden titles stay in the accessibility tree: screen readers, the
 * focus after a step change and the modal's name still use them.
 */
describe('Authenticator screen titles', () => {
  const kit = useEngineBackend();
  const heading = (name: string) => screen.findByRole('heading', { name }, { timeout: 5000 });

  it('under the tabs the title is read, not shown; on the reset screen it is shown', async () => {
    const { container } = renderWithAuth(kit(), <Authenticator />);
    expect((await heading('Sign in to your account')).classList.contains('crk-visually-hidden')).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Create Account' }));
    expect((await heading('Create your account')).classList.contains('crk-visually-hidden')).toBe(true);
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('tab', { name: 'Sign In' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Forgot your password?' }));
    expect((await heading('Reset Password')).classList.contains('crk-visually-hidden')).toBe(false);
  });

  it('the modal dialog is still named by the hidden title', async () => {
    renderWithAuth(kit(), <Authenticator variation="modal" />);
    expect(await screen.findByRole('dialog', { name: 'Sign in to your account' })).toBeDefined();
  });
});
