// @vitest-environment jsdom
// Our default fields against @aws-amplify/ui's own getters (the ones ui-react 6 renders from), so a
// migrating app's tests that look fields up by label or placeholder keep finding them.
import { defaultFormFieldsGetters } from '@aws-amplify/ui';
import { describe, expect, it } from 'vitest';
import type { LoginMechanism } from '../../src/core/index';
import { Authenticator } from '../../src/ui/Authenticator';
import { en, type MessageKey } from '../../src/ui/i18n/en';
import { useEngineBackend } from '../support/engine';
import { findScreen, renderWithAuth } from './support';

type Getter = (state: unknown) => Record<string, { label?: string; placeholder?: string; type?: string; isRequired?: boolean }>;
const getters = defaultFormFieldsGetters as unknown as Record<string, Getter>;

/** Amplify's machine state as its getters read it: the config, and the current step's actor. */
function amplifyState(loginMechanism: LoginMechanism, signUpAttributes: readonly string[] = []) {
  const snapshot = { context: { missingAttributes: [] } };
  return { context: { config: { loginMechanisms: [loginMechanism], signUpAttributes }, actorRef: { getSnapshot: () => snapshot } } };
}

/** Amplify's fields of a screen as [name, label, placeholder]. */
function amplifyFields(screen: string, loginMechanism: LoginMechanism = 'username'): string[][] {
  const fields = getters[screen]?.(amplifyState(loginMechanism)) ?? {};
  return Object.entries(fields).map(([name, { label = '', placeholder = '' }]) => [name, label, placeholder]);
}

/** Amplify's sign-up fields for these attributes as [name, label, placeholder, type, required]. */
function amplifySignUp(attributes: readonly string[]): unknown[][] {
  const fields = getters['signUp']?.(amplifyState('username', attributes)) ?? {};
  return Object.entries(fields).map(([name, { label = '', placeholder = '', type, isRequired }]) => [name, label, placeholder, type, isRequired]);
}

/** The text inputs of the rendered form as [name, label, placeholder] (a phone number's country code select left out). */
function ourFields(): string[][] {
  return ourInputs().map((input) => [input.name, input.labels?.[0]?.textContent ?? '', input.placeholder]);
}

function ourInputs(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>('form input:not([type="checkbox"])')];
}

const SCREENS = ['signIn', 'signUp', 'forgotPassword'] as const;
const MECHANISMS: readonly LoginMechanism[] = ['username', 'email', 'phone_number'];
const HEADINGS = { signIn: 'Sign in to your account', signUp: 'Create your account', forgotPassword: 'Reset Password' } as const;

describe("default fields as @aws-amplify/ui's", () => {
  const kit = useEngineBackend();

  describe.each(MECHANISMS)('with %s as the login mechanism and no attributes in the config', (mechanism) => {
    it.each(SCREENS)('%s: the same fields, labels and placeholders', async (screen) => {
      renderWithAuth(kit(), <Authenticator initialState={screen} loginMechanisms={[mechanism]} />);
      await findScreen(HEADINGS[screen]);
      expect(ourFields()).toEqual(amplifyFields(screen, mechanism));
    });
  });

  it('sign-up attributes: the same fields in the same order, each with its input type and required', async () => {
    const attributes = ['email', 'phone_number', 'name', 'birthdate', 'website', 'preferred_username'];
    renderWithAuth(kit(), <Authenticator initialState="signUp" signUpAttributes={attributes} />);
    await findScreen(HEADINGS.signUp);
    const ours = ourInputs().map((input) => [input.name, input.labels?.[0]?.textContent ?? '', input.placeholder, input.type, input.required]);
    expect(ours).toEqual(amplifySignUp(attributes));
  });

  it('the step screens use the texts Amplify gives the same fields', () => {
    const ours: Record<string, Array<[name: string, label: MessageKey, placeholder: MessageKey]>> = {
      confirmSignUp: [['confirmation_code', 'field.confirmationCode', 'placeholder.code']],
      confirmSignIn: [['confirmation_code', 'field.codeRequired', 'placeholder.codeShort']],
      confirmVerifyUser: [['confirmation_code', 'field.codeRequired', 'placeholder.codeShort']],
      setupTotp: [['confirmation_code', 'field.codeRequired', 'placeholder.codeShort']],
      confirmResetPassword: [
        ['confirmation_code', 'field.codeRequired', 'placeholder.codeShort'],
        ['password', 'field.newPassword', 'placeholder.newPassword'],
        ['confirm_password', 'field.confirmPassword', 'placeholder.confirmNewPassword'],
      ],
      forceNewPassword: [
        ['password', 'field.password', 'placeholder.password'],
        ['confirm_password', 'field.confirmPassword', 'placeholder.confirm_password'],
      ],
      setupEmail: [['email', 'field.email', 'placeholder.email']],
    };
    for (const [screen, fields] of Object.entries(ours)) {
      expect([screen, fields.map(([name, label, placeholder]) => [name, en[label], en[placeholder]])]).toEqual([screen, amplifyFields(screen)]);
    }
  });
});
