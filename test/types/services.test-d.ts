// Type tests for the Authenticator's `services`: checked by `npm run typecheck` (tsc over test/), never run.
// Amplify UI's override literals compile as they are (with the engine in place of `aws-amplify/auth`);
// each `@ts-expect-error` proves a wrong signature does not.
import { createElement } from 'react';
import { expectTypeOf } from 'vitest';
import { Authenticator, createAuth, withAuthenticator, type AuthenticatorServices, type SignUpInput, type ValidationErrors } from '../../src/index';

const auth = createAuth({ userPoolId: 'eu-west-1_abc', userPoolWebClientId: 'client' });

// ── Amplify's documented override, ported: lower-case the username and email ─────────────
const services = {
  async handleSignUp(input: SignUpInput) {
    const { username, password, options } = input;
    const customUsername = username.toLowerCase();
    const customEmail = options?.userAttributes?.['email']?.toLowerCase();
    return auth.signUp({
      username: customUsername,
      ...(password === undefined ? {} : { password }),
      options: { ...input.options, userAttributes: { ...input.options?.userAttributes, ...(customEmail ? { email: customEmail } : {}) } },
    });
  },
  async validateCustomSignUp(formData: Record<string, string>) {
    if (!formData['acknowledgement']) return { acknowledgement: 'You must agree to the Terms and Conditions' };
    return undefined;
  },
};
createElement(Authenticator, { services, initialState: 'signUp' });
withAuthenticator(() => null, { services });

// ── Every override, each with Amplify v6's input ───────────────────────────────────────
const all: AuthenticatorServices = {
  handleSignIn: (input) => auth.signIn({ ...input, username: input.username.trim() }),
  handleSignUp: (input) => auth.signUp(input),
  handleConfirmSignIn: ({ challengeResponse }) => auth.confirmSignIn({ challengeResponse }),
  handleConfirmSignUp: (input) => auth.confirmSignUp(input),
  handleForgotPassword: (input) => auth.forgotPassword(input),
  handleForgotPasswordSubmit: async ({ username, newPassword, confirmationCode }) => {
    await auth.forgotPasswordSubmit({ username, newPassword, code: confirmationCode });
  },
  getCurrentUser: () => auth.currentAuthenticatedUser(),
  validateCustomSignUp: (formData, touchData) => (touchData['username'] && formData['username'] === '' ? { username: ['Required', 'Really'] } : null),
};
createElement(Authenticator, { services: all });
expectTypeOf<Parameters<AuthenticatorServices['handleForgotPasswordSubmit']>[0]>().toEqualTypeOf<{
  username: string;
  newPassword: string;
  confirmationCode: string;
  options?: { clientMetadata?: Record<string, string> };
}>();
expectTypeOf<Parameters<AuthenticatorServices['handleConfirmSignUp']>[0]>().toHaveProperty('confirmationCode').toEqualTypeOf<string>();
expectTypeOf<ValidationErrors>().toEqualTypeOf<Record<string, string | string[]>>();

// ── Wrong signatures do not compile ──────────────────────────────────────────────────────
// @ts-expect-error v5's positional form: the input is one object
createElement(Authenticator, { services: { handleSignIn: (username: string, password: string) => auth.signIn({ username, password }) } });
// @ts-expect-error the code is `confirmationCode`, as in Amplify v6
createElement(Authenticator, { services: { handleConfirmSignUp: (input: { username: string; code: string }) => auth.confirmSignUp({ ...input, confirmationCode: input.code }) } });
// @ts-expect-error an override resolves what the engine resolves, not a string
createElement(Authenticator, { services: { handleSignIn: async () => 'signed in' } });
// @ts-expect-error a field error is a string or a list of strings
createElement(Authenticator, { services: { validateCustomSignUp: () => ({ username: 42 }) } });
// @ts-expect-error not one of Amplify's services
createElement(Authenticator, { services: { handleSignOut: () => auth.signOut() } });
// @ts-expect-error getCurrentUser returns the user, not the username
createElement(Authenticator, { services: { getCurrentUser: async () => 'someone' } });
