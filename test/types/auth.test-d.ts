// Type tests: checked by `npm run typecheck` (tsc over test/), never run. Each `@ts-expect-error`
// proves a misuse does not compile: if it ever compiled, the directive itself would be the error.
import { expectTypeOf } from 'vitest';
import {
  AuthError,
  createAuth,
  type Auth,
  type AuthErrorName,
  type AuthEvent,
  type AuthFactorType,
  type AuthNextStep,
  type AuthState,
  type AuthUser,
  type CodeDeliveryDetails,
  type ConfirmSignUpParams,
  type MfaType,
  type SignInResult,
} from '../../src/core/index';
import { useAuthAction } from '../../src/react/index';

declare const auth: Auth;
declare const step: AuthNextStep;
declare const state: AuthState;

// ── createAuth takes a config ────────────────────────────────────────────────────────────────
// @ts-expect-error a number is not an Auth config
createAuth(42);
// @ts-expect-error a string is not an Auth config
createAuth('eu-west-1_AbC');
createAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' });
createAuth({ Auth: { region: 'eu-west-1' } });
createAuth({ aws_user_pools_id: 'eu-west-1_AbCdEf123' });
// @ts-expect-error options are typed too
createAuth({}, { refreshMarginSeconds: '60' });

// ── Methods take what they say ───────────────────────────────────────────────────────────────
// @ts-expect-error a number is not an answer
void auth.confirmSignIn(42);
// @ts-expect-error nor are null and a symbol
void auth.confirmSignIn(42, null, Symbol());
// @ts-expect-error the object form names its field
void auth.confirmSignIn({ code: '123456' });
void auth.confirmSignIn({ challengeResponse: '123456' });
// @ts-expect-error not a password change
void auth.changePassword({ nonsense: true });
void auth.changePassword({ oldPassword: 'a', newPassword: 'b' });
// @ts-expect-error v5's setPreferredMFA knows no EMAIL: updateMFAPreference({ email }) sets it
void auth.setPreferredMFA('EMAIL');
void auth.updateMFAPreference({ email: 'PREFERRED' });
// @ts-expect-error v6's values only
void auth.updateMFAPreference({ email: 'ON' });
void auth.setPreferredMFA('TOTP');
// @ts-expect-error signIn needs a username
void auth.signIn({ password: 'p' });
// @ts-expect-error signUp's object form needs a username
void auth.signUp({ password: 'p' });
// Passwordless sign-up (choice-based pools): the password is optional.
void auth.signUp({ username: 'u', autoSignIn: { enabled: true } });
// @ts-expect-error an unknown provider
void auth.federatedSignIn({ provider: 'MySpace' });
// @ts-expect-error signOut takes options, not a boolean
void auth.signOut(true);

// ── Amplify v5 forms still compile (deprecated overloads) ───────────────────────────────────
declare const user: AuthUser;
void auth.signIn('ada', 'Passw0rd!');
void auth.confirmSignIn(user, '123456', 'SOFTWARE_TOKEN_MFA');
void auth.changePassword(user, 'old', 'new');
void auth.updateUserAttributes(user, { name: 'Ada' });
void auth.setPreferredMFA(user, 'NOMFA');
void auth.confirmSignUp('ada', '123456', { forceAliasCreation: true });
void auth.forgotPasswordSubmit('ada', '123456', 'New-passw0rd');
// @ts-expect-error the v5-only methods are typed as well: an attribute name, not a number
void auth.verifyUserAttribute(42);
// @ts-expect-error a list of names, not one
void auth.deleteUserAttributes('nickname');
void auth.verifyUserAttribute(user, 'email');
void auth.verifyUserAttribute('email');
// @ts-expect-error a v5 user must be a user: `{ nonsense }` is not one
void auth.changePassword({ nonsense: true }, 'old', 'new');

// ── Narrowing on signInStep gives each step's fields, without `?` ─────────────────────────────
switch (step.signInStep) {
  case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
    expectTypeOf(step.username).toEqualTypeOf<string>();
    expectTypeOf(step.codeDeliveryDetails).toEqualTypeOf<CodeDeliveryDetails>();
    break;
  case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
    expectTypeOf(step.username).toEqualTypeOf<string>();
    // @ts-expect-error a TOTP code step has no delivery details
    void step.codeDeliveryDetails;
    break;
  case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
    expectTypeOf(step.allowedMFATypes).toEqualTypeOf<MfaType[]>();
    break;
  case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
    expectTypeOf(step.totpSetupDetails.sharedSecret).toEqualTypeOf<string>();
    break;
  case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
    expectTypeOf(step.missingAttributes).toEqualTypeOf<string[]>();
    break;
  case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
    // Always said: the code was just sent.
    expectTypeOf(step.codeDeliveryDetails).toEqualTypeOf<CodeDeliveryDetails>();
    break;
  case 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION':
    expectTypeOf(step.availableChallenges).toEqualTypeOf<AuthFactorType[]>();
    expectTypeOf<AuthFactorType>().toEqualTypeOf<'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN'>();
    break;
  case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
    // Only what can be set up during sign-in.
    expectTypeOf(step.allowedMFATypes).toEqualTypeOf<('EMAIL' | 'TOTP')[]>();
    break;
  case 'CONFIRM_SIGN_IN_WITH_PASSWORD':
  case 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP':
    expectTypeOf(step.username).toEqualTypeOf<string>();
    break;
  case 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE':
    expectTypeOf(step.additionalInfo).toEqualTypeOf<Record<string, string>>();
    break;
  case 'CONFIRM_SIGN_UP':
  case 'CONFIRM_RESET_PASSWORD_WITH_CODE':
    expectTypeOf(step.username).toEqualTypeOf<string>();
    // Optional where Cognito may not say: the code went out earlier.
    expectTypeOf(step.codeDeliveryDetails).toEqualTypeOf<CodeDeliveryDetails | undefined>();
    break;
  case 'RESET_PASSWORD':
    expectTypeOf(step.username).toEqualTypeOf<string>();
    break;
  case 'DONE':
    // @ts-expect-error DONE is for nobody in particular
    void step.username;
    break;
  default:
    expectTypeOf(step).toBeNever();
}

// The state narrows on status; a signed-in state's step is DONE.
if (state.status === 'signedIn') {
  expectTypeOf(state.user).toEqualTypeOf<AuthUser>();
  expectTypeOf(state.nextStep.signInStep).toEqualTypeOf<'DONE'>();
} else {
  expectTypeOf(state.user).toEqualTypeOf<null>();
}

// A sign-in result narrows on isSignedIn.
declare const result: SignInResult;
if (result.isSignedIn) expectTypeOf(result.nextStep.signInStep).toEqualTypeOf<'DONE'>();
else expectTypeOf(result.nextStep.signInStep).not.toEqualTypeOf<'DONE'>();

// ── Events carry typed data ──────────────────────────────────────────────────────────────────
auth.listen('signIn', (event) => {
  expectTypeOf(event.data).toEqualTypeOf<AuthUser>();
  expectTypeOf(event.data.username).toEqualTypeOf<string>();
});
auth.listen('signIn_failure', (event) => expectTypeOf(event.data).toEqualTypeOf<AuthError>());
auth.listen('customOAuthState', (event) => expectTypeOf(event.data).toEqualTypeOf<string>());
auth.listen('*', (event: AuthEvent) => {
  if (event.event === 'tokenRefresh_failure') expectTypeOf(event.data).toEqualTypeOf<AuthError>();
  if (event.event === 'signOut') expectTypeOf(event.data).toEqualTypeOf<undefined>();
});
// v6's names carry what v5's do.
auth.listen('signedIn', (event) => expectTypeOf(event.data).toEqualTypeOf<AuthUser>());
auth.listen('signInWithRedirect_failure', (event) => expectTypeOf(event.data).toEqualTypeOf<AuthError>());
// @ts-expect-error no such event
auth.listen('signedUp', () => undefined);
auth.listen('signIn', (event) => {
  // @ts-expect-error a signIn event carries a user, not an error
  void event.data.recoverySuggestion;
});

// ── Error names are a known union, still open to unknown strings ─────────────────────────────
declare const error: AuthError;
expectTypeOf(error.name).toEqualTypeOf<AuthErrorName>();
expectTypeOf<'NotAuthorizedException'>().toExtend<AuthErrorName>();
expectTypeOf<'SignInSessionExpired'>().toExtend<AuthErrorName>();
expectTypeOf<'SomeFutureException'>().toExtend<AuthErrorName>();

// ── Hooks inherit the engine's types: useAuthAction runs the modern form ──────────────────────
function TypedForm() {
  const confirm = useAuthAction('confirmSignIn');
  void confirm.run({ challengeResponse: '123456' });
  // @ts-expect-error the hook's run takes the modern object, checked
  void confirm.run(42);
  const change = useAuthAction('changePassword');
  // @ts-expect-error checked the same way
  void change.run({ nonsense: true });
  expectTypeOf(confirm.error).toEqualTypeOf<AuthError | null>();
  return null;
}
void TypedForm;

// `listen('*')` without an annotation still gets the union, narrowing on `event`.
auth.listen('*', (event) => {
  if (event.event === 'customOAuthState') expectTypeOf(event.data).toEqualTypeOf<string>();
});

// ── v6 sign-up forms: the result follows the form ───────────────────────────────────────────────
expectTypeOf(auth.confirmSignUp({ username: 'ada', code: '123456' })).toEqualTypeOf<Promise<'SUCCESS'>>();
expectTypeOf(auth.confirmSignUp({ username: 'ada', confirmationCode: '123456' })).resolves.toEqualTypeOf<{
  isSignUpComplete: true;
  nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' | 'DONE' };
}>();
expectTypeOf(auth.autoSignIn()).toEqualTypeOf<Promise<SignInResult>>();
expectTypeOf(auth.resendSignInCode()).toEqualTypeOf<Promise<SignInResult>>();
void auth.signUp({ username: 'ada', password: 'pw', options: { userAttributes: { email: 'a@example.com' }, autoSignIn: true } });
// @ts-expect-error v6's autoSignIn is true or an options object, not a string
void auth.signUp({ username: 'ada', password: 'pw', options: { autoSignIn: 'yes' } });
// @ts-expect-error the code is `code` (the kit) or `confirmationCode` (v6)
void auth.confirmSignUp({ username: 'ada', confirmation: '123456' });
// The hook keeps the kit form's types (the last overload).
expectTypeOf<Parameters<ReturnType<typeof useAuthAction<'confirmSignUp'>>['run']>[0]>().toEqualTypeOf<ConfirmSignUpParams>();
