// @vitest-environment jsdom
/**
 * The forced new password as Amplify UI sends it: through `services.handleConfirmSignIn`, the missing
 * attributes in `options.userAttributes`; and `useAuthenticator().submitForm` fills and sends that form
 * too. Real engine against the test backend.
 */
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuthEngine } from '../../src/react/index';
import { Authenticator } from '../../src/ui/Authenticator';
import { en } from '../../src/ui/i18n/en';
import type { ConfirmSignInInput } from '../../src/ui/services';
import { useAuthenticator } from '../../src/ui/useAuthenticator';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { RecordingStorage } from '../support/recordingStorage';
import { click, findScreen, renderWithAuth, type } from './support';

describe('forceNewPassword through services and useAuthenticator', () => {
  const kit = useEngineBackend({ requiredAttributesOnNewPassword: ['name'] });
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it('handleConfirmSignIn gets { challengeResponse, options: { userAttributes } }; submitForm from a slot sends the form with its data', async () => {
    const k = kit();
    const username = uniqueName('fnp');
    const password = strongPassword();
    const newPassword = strongPassword();
    await k.backend.createUser({ username, password, status: 'FORCE_CHANGE_PASSWORD' });
    const inputs: ConfirmSignInInput[] = [];
    function SendNewPassword() {
      const { submitForm } = useAuthenticator((context) => [context.route]);
      return (
        <button type="button" onClick={() => submitForm({ password: newPassword, confirm_password: newPassword, name: 'Ada' })}>
          Use the generated password
        </button>
      );
    }
    function App() {
      const auth = useAuthEngine();
      return (
        <Authenticator
          components={{ ForceNewPassword: { Footer: SendNewPassword } }}
          services={{
            handleConfirmSignIn: (input) => {
              inputs.push(input);
              return auth.confirmSignIn({ challengeResponse: input.challengeResponse, ...input.options });
            },
          }}
        >
          <p>The app</p>
        </Authenticator>
      );
    }
    renderWithAuth(k, <App />);
    await findScreen(en['signIn.heading']);
    type(en['field.username'], username);
    type(en['field.password'], password);
    click('button', en['signIn.submit']);
    await findScreen(en['forceNewPassword.heading']);

    click('button', 'Use the generated password');

    expect(await screen.findByText('The app', {}, { timeout: 5000 })).toBeTruthy();
    expect(inputs).toEqual([{ challengeResponse: newPassword, options: { userAttributes: { name: 'Ada' } } }]);
    expect(k.backend.getUser(username)?.attributes['name']).toBe('Ada');
    await k.auth().signOut();
    await k.auth().signIn({ username, password: newPassword }); // the new password is the one Cognito has
  });
});
