import { dropUserArgument, optionalRecord, requireCode, requirePassword, requireText } from './args';
import { AuthCore, type CreateAuthOptions } from './auth';
import type { AuthError } from './errors';
import type { AuthEventName } from './events';
import { completeSignIn } from './flows/completeSignIn';
import type { FlowContext } from './flows/context';
import { confirmSignUp, resendSignUpCode, signUp, type SignUpInput } from './flows/signUp';
import { SIGN_IN_STEP_ANSWERS } from './flows/stepAnswers';
import {
  completeTotpSetup,
  initiateSignIn,
  nextStepFor,
  respondToChallenge,
  type PendingSignIn,
  type SignInOutcome,
} from './flows/signIn';
import { authError, toAuthError } from './normalizeError';
import type { AuthNextStep, CodeDeliveryDetails, SignInResult, SignUpResult, V5CodeDeliveryDetails } from './types';

export interface SignInParams {
  username: string;
  password?: string;
  validationData?: Record<string, string>;
  clientMetadata?: Record<string, string>;
}

export interface SignUpParams {
  username: string;
  password: string;
  attributes?: Record<string, string>;
  validationData?: Record<string, string>;
  clientMetadata?: Record<string, string>;
  autoSignIn?: { enabled: boolean; clientMetadata?: Record<string, string>; validationData?: Record<string, string> };
}

export interface ConfirmSignInParams {
  challengeResponse: string;
  clientMetadata?: Record<string, string>;
  /** Attributes the pool asked for with a new password (NEW_PASSWORD_REQUIRED). */
  userAttributes?: Record<string, string>;
}

// v5 kept the password for auto sign-in only until the user confirmed; so do we, in memory, briefly.
const AUTO_SIGN_IN_TTL_MS = 3 * 60_000;

/**
 * Sign-up and sign-in flows on top of the session core. Every step resolves to plain data and
 * moves `getState().nextStep`, so a UI can render from state alone.
 */
export class SignInEngine extends AuthCore {
  #pending: PendingSignIn | null = null;
  #autoSignIn: { username: string; password: string; clientMetadata?: Record<string, string>; until: number } | null = null;

  constructor(config: unknown, options?: CreateAuthOptions) {
    super(config, options);
  }

  /**
   * Starts the SRP math that does not depend on the password (the random `a` and `A = g^a`) in the
   * background, e.g. when a sign-in form shows, so `signIn` spends less CPU after submit. Safe to call often.
   */
  prepareSignIn(): void {
    // Nothing to prepare without a user pool, or when the password is sent as is.
    if (!this.config.userPoolId || this.config.authenticationFlowType === 'USER_PASSWORD_AUTH') return;
    // Only an optimisation: a failure here resurfaces, typed, when signIn computes A itself.
    this.options.srp.prepare?.().catch(() => undefined);
  }

  /** `signIn(username, password?, clientMetadata?)` or `signIn({ username, password, clientMetadata })`. */
  async signIn(
    usernameOrParams: string | SignInParams,
    password?: string,
    clientMetadata?: Record<string, string>,
  ): Promise<SignInResult> {
    return this.#flow('signIn', 'signIn_failure', async (ctx) => {
      const params = typeof usernameOrParams === 'string' ? { username: usernameOrParams, password, clientMetadata } : usernameOrParams;
      const username = requireText(params?.username, 'EmptyUsername', 'Username', 'signIn');
      if (this.getState().status === 'signedIn') {
        throw authError('UserAlreadyAuthenticatedException', 'There is already a signed in user.', 'signIn');
      }
      const flow = this.config.authenticationFlowType;
      const pass = flow === 'CUSTOM_AUTH' && !params.password ? undefined : requirePassword(params.password, 'Password', 'signIn');
      this.#pending = null;
      // amazon-cognito-identity-js sends validationData as ClientMetadata when there is some; so do we.
      const validation = optionalRecord(params.validationData);
      const metadata = validation && Object.keys(validation).length > 0 ? validation : params.clientMetadata;
      try {
        const outcome = await initiateSignIn(ctx, {
          username,
          flow,
          ...(pass === undefined ? {} : { password: pass }),
          ...(metadata ? { clientMetadata: metadata } : {}),
        });
        return await this.#settle(ctx, outcome);
      } catch (thrown) {
        const error = toAuthError(thrown, 'signIn');
        // Not errors to the user, but the next thing to do: v6 answers these with a step too.
        if (error.name === 'UserNotConfirmedException') return this.#stepResult({ signInStep: 'CONFIRM_SIGN_UP', username }, error);
        if (error.name === 'PasswordResetRequiredException') return this.#stepResult({ signInStep: 'RESET_PASSWORD', username }, error);
        throw error;
      }
    });
  }

  /**
   * Answer the current sign-in step: an SMS or TOTP code, the MFA type to use (`SMS`/`TOTP`), the
   * first code of a new authenticator app, a new password, or a custom challenge answer.
   * Accepts v5's `confirmSignIn(user, code, mfaType?, clientMetadata?)` too.
   */
  async confirmSignIn(...args: unknown[]): Promise<SignInResult> {
    return this.#flow('confirmSignIn', 'signIn_failure', async (ctx) => {
      const rest = dropUserArgument(args);
      const first = rest[0];
      const params: ConfirmSignInParams =
        typeof first === 'object' && first !== null
          ? (first as ConfirmSignInParams)
          : { challengeResponse: String(first ?? ''), ...(optionalRecord(rest[2]) ? { clientMetadata: optionalRecord(rest[2])! } : {}) };
      const pending = this.#requirePending('confirmSignIn');
      return this.#answer(ctx, pending, params);
    });
  }

  /** v5: `completeNewPassword(user?, newPassword, requiredAttributes?, clientMetadata?)`. */
  async completeNewPassword(...args: unknown[]): Promise<SignInResult> {
    return this.#flow('completeNewPassword', 'completeNewPassword_failure', async (ctx) => {
      const [password, attributes, metadata] = dropUserArgument(args);
      const pending = this.#requirePending('completeNewPassword', 'NEW_PASSWORD_REQUIRED');
      const userAttributes = optionalRecord(attributes);
      const clientMetadata = optionalRecord(metadata);
      return this.#answer(ctx, pending, {
        challengeResponse: requirePassword(password, 'New password', 'completeNewPassword'),
        ...(userAttributes ? { userAttributes } : {}),
        ...(clientMetadata ? { clientMetadata } : {}),
      });
    });
  }

  /** v5: `sendCustomChallengeAnswer(user?, answer, clientMetadata?)`. */
  async sendCustomChallengeAnswer(...args: unknown[]): Promise<SignInResult> {
    return this.#flow('sendCustomChallengeAnswer', 'signIn_failure', async (ctx) => {
      const [answer, metadata] = dropUserArgument(args);
      const pending = this.#requirePending('sendCustomChallengeAnswer', 'CUSTOM_CHALLENGE');
      const clientMetadata = optionalRecord(metadata);
      return this.#answer(ctx, pending, {
        challengeResponse: requireText(answer, 'EmptyChallengeResponse', 'Answer', 'sendCustomChallengeAnswer'),
        ...(clientMetadata ? { clientMetadata } : {}),
      });
    });
  }

  /** `signUp({ username, password, attributes, autoSignIn })` or v5's `signUp(username, password, email?, phone_number?)`. */
  async signUp(paramsOrUsername: SignUpParams | string, ...positional: (string | undefined)[]): Promise<SignUpResult> {
    return this.#flow('signUp', 'signUp_failure', async (ctx) => {
      const params: SignUpParams =
        typeof paramsOrUsername === 'string'
          ? {
              username: paramsOrUsername,
              password: positional[0] ?? '',
              attributes: {
                ...(positional[1] ? { email: positional[1] } : {}),
                ...(positional[2] ? { phone_number: positional[2] } : {}),
              },
            }
          : paramsOrUsername;
      const input: SignUpInput = {
        username: requireText(params?.username, 'EmptyUsername', 'Username', 'signUp'),
        password: requirePassword(params.password, 'Password', 'signUp'),
        ...(params.attributes ? { attributes: params.attributes } : {}),
        ...(params.validationData ? { validationData: params.validationData } : {}),
        ...(params.clientMetadata ? { clientMetadata: params.clientMetadata } : {}),
      };
      const response = await signUp(ctx, input);
      const auto = params.autoSignIn?.enabled === true;
      this.#autoSignIn = auto
        ? {
            username: input.username,
            password: input.password,
            ...(params.autoSignIn?.clientMetadata ? { clientMetadata: params.autoSignIn.clientMetadata } : {}),
            until: this.options.now() + AUTO_SIGN_IN_TTL_MS,
          }
        : null;
      const signUpStep = !response.userConfirmed ? 'CONFIRM_SIGN_UP' : auto ? 'COMPLETE_AUTO_SIGN_IN' : 'DONE';
      const delivery = response.codeDeliveryDetails;
      const result: SignUpResult = {
        user: { username: input.username },
        userConfirmed: response.userConfirmed,
        userSub: response.userSub,
        ...(delivery ? { codeDeliveryDetails: { ...delivery, ...toV5Delivery(delivery) } } : {}),
        nextStep: { signUpStep, ...(delivery ? { codeDeliveryDetails: delivery } : {}) },
      };
      this.events.emit('signUp', result, `${input.username} has signed up successfully`);
      if (signUpStep === 'CONFIRM_SIGN_UP') {
        // setStep, not dispatch: signing up someone else must not hide a signed-in user's session.
        this.setStep({ signInStep: 'CONFIRM_SIGN_UP', username: input.username, ...(delivery ? { codeDeliveryDetails: delivery } : {}) });
      } else if (signUpStep === 'COMPLETE_AUTO_SIGN_IN') {
        await this.#runAutoSignIn();
      }
      return result;
    });
  }

  /** v5: `confirmSignUp(username, code, { forceAliasCreation, clientMetadata })` → `'SUCCESS'`. Signs in after if auto sign-in was asked for. */
  async confirmSignUp(
    username: string,
    code: string,
    options: { forceAliasCreation?: boolean; clientMetadata?: Record<string, string> } = {},
  ): Promise<'SUCCESS'> {
    return this.#flow('confirmSignUp', undefined, async (ctx) => {
      const name = requireText(username, 'EmptyUsername', 'Username', 'confirmSignUp');
      await confirmSignUp(ctx, {
        username: name,
        code: requireCode(code, 'confirmSignUp'),
        ...(options.forceAliasCreation === undefined ? {} : { forceAliasCreation: options.forceAliasCreation }),
        ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
      });
      this.events.emit('confirmSignUp', { username: name }, `${name} has been confirmed successfully`);
      if (this.#autoSignIn?.username === name) await this.#runAutoSignIn();
      else if (this.getState().status !== 'signedIn') this.dispatch({ type: 'step', nextStep: null });
      return 'SUCCESS' as const;
    });
  }

  /** v5: `resendSignUp(username, clientMetadata?)` → `{ CodeDeliveryDetails }`. */
  async resendSignUp(username: string, clientMetadata?: Record<string, string>) {
    return this.#flow('resendSignUp', undefined, async (ctx) => {
      const name = requireText(username, 'EmptyUsername', 'Username', 'resendSignUp');
      const details = await resendSignUpCode(ctx, name, clientMetadata);
      if (this.getState().status !== 'signedIn') {
        this.dispatch({ type: 'step', nextStep: { signInStep: 'CONFIRM_SIGN_UP', username: name, ...(details ? { codeDeliveryDetails: details } : {}) } });
      }
      return { CodeDeliveryDetails: toV5Delivery(details), codeDeliveryDetails: details };
    });
  }

  /**
   * Drops an unfinished sign-in (a pending MFA, new-password or custom challenge, a code to
   * confirm) without a request, so the app can go back to its sign-in form. Nothing happens when
   * signed in (use `signOut()`) or while a stored session is still loading.
   */
  async cancelSignIn(): Promise<void> {
    if (this.getState().status !== 'signedOut') return;
    this.resetSignIn();
    this.dispatch({ type: 'step', nextStep: null });
  }

  /** The flow's step for the UI without changing anything (e.g. after a step was shown elsewhere). */
  protected setStep(nextStep: AuthNextStep | null): void {
    if (this.getState().status !== 'signedIn') this.dispatch({ type: 'step', nextStep });
  }

  /** Forget an unfinished sign-in or auto sign-in (on sign-out). */
  protected resetSignIn(): void {
    this.#pending = null;
    this.#autoSignIn = null;
  }

  async #answer(ctx: FlowContext, pending: PendingSignIn, params: ConfirmSignInParams): Promise<SignInResult> {
    const metadata = params.clientMetadata;
    const response = params.challengeResponse;
    let outcome: SignInOutcome;
    switch (pending.challengeName) {
      case 'SMS_MFA':
        outcome = await respondToChallenge(ctx, pending, { SMS_MFA_CODE: requireCode(response, 'confirmSignIn') }, metadata);
        break;
      case 'SOFTWARE_TOKEN_MFA':
        outcome = await respondToChallenge(ctx, pending, { SOFTWARE_TOKEN_MFA_CODE: requireCode(response, 'confirmSignIn') }, metadata);
        break;
      case 'SELECT_MFA_TYPE':
        outcome = await respondToChallenge(ctx, pending, { ANSWER: mfaAnswer(response) }, metadata);
        break;
      case 'MFA_SETUP':
        outcome = await completeTotpSetup(ctx, pending, requireCode(response, 'confirmSignIn'), metadata);
        break;
      case 'NEW_PASSWORD_REQUIRED': {
        const responses: Record<string, string> = { NEW_PASSWORD: requirePassword(response, 'New password', 'confirmSignIn') };
        for (const [name, value] of Object.entries(params.userAttributes ?? {})) responses[`userAttributes.${name}`] = value;
        outcome = await respondToChallenge(ctx, pending, responses, metadata);
        break;
      }
      case 'CUSTOM_CHALLENGE':
        outcome = await respondToChallenge(
          ctx,
          pending,
          { ANSWER: requireText(response, 'EmptyChallengeResponse', 'Answer', 'confirmSignIn') },
          metadata,
        );
        break;
      default:
        throw authError('NoSignInInProgress', `Cannot answer ${pending.challengeName}.`, 'confirmSignIn');
    }
    return this.#settle(ctx, outcome);
  }

  /** Tokens → signed in; a challenge → the step for the UI. */
  async #settle(ctx: FlowContext, outcome: SignInOutcome): Promise<SignInResult> {
    if (outcome.kind === 'challenge') {
      this.#pending = outcome.pending;
      const nextStep = nextStepFor(outcome.pending);
      this.dispatch({ type: 'step', nextStep });
      return { isSignedIn: false, nextStep: this.getState().nextStep ?? nextStep };
    }
    this.#pending = null;
    const { username, session } = await completeSignIn(ctx, outcome.result, outcome.username);
    const user = this.startSession(username, session);
    this.events.emit('signIn', user, `${user.username} has signed in successfully`);
    return { isSignedIn: true, nextStep: this.getState().nextStep ?? { signInStep: 'DONE' } };
  }

  #stepResult(nextStep: AuthNextStep, error: AuthError): SignInResult {
    this.dispatch({ type: 'step', nextStep });
    this.events.emit('signIn_failure', error);
    return { isSignedIn: false, nextStep: this.getState().nextStep ?? nextStep };
  }

  async #runAutoSignIn(): Promise<void> {
    const pending = this.#autoSignIn;
    this.#autoSignIn = null;
    if (!pending) return;
    // The account is confirmed whatever happens below: never leave the UI on the confirmation step.
    if (pending.until < this.options.now()) {
      this.setStep(null);
      this.events.emit('autoSignIn_failure', authError('AutoSignInException', 'The auto sign-in expired: sign in with the password.', 'autoSignIn'));
      return;
    }
    try {
      const result = await this.signIn(pending.username, pending.password, pending.clientMetadata);
      this.events.emit('autoSignIn', result.isSignedIn ? this.getState().user : result.nextStep);
    } catch (thrown) {
      const error = toAuthError(thrown, 'autoSignIn');
      if (this.getState().status !== 'signedIn') {
        this.setStep(null);
        this.dispatch({ type: 'failed', error });
      }
      this.events.emit('autoSignIn_failure', error);
    }
  }

  #requirePending(source: string, challengeName?: string): PendingSignIn {
    const pending = this.#pending;
    if (!pending || (challengeName && pending.challengeName !== challengeName)) {
      throw authError('NoSignInInProgress', challengeName ? `No ${challengeName} challenge is waiting for an answer.` : 'No sign-in is waiting for an answer.', source);
    }
    return pending;
  }

  /** Validate, run, and on failure: a typed error in state and in the failure event, then rethrow. */
  protected async flow<T>(source: string, failureEvent: AuthEventName | undefined, run: (ctx: FlowContext) => Promise<T>): Promise<T> {
    return this.#flow(source, failureEvent, run);
  }

  async #flow<T>(source: string, failureEvent: AuthEventName | undefined, run: (ctx: FlowContext) => Promise<T>): Promise<T> {
    try {
      return await run(this.ctx(source));
    } catch (thrown) {
      const error = toAuthError(thrown, source);
      // Cognito answers a challenge with NotAuthorizedException only once its session is over (expired,
      // used, too many wrong answers): the step cannot be answered again, so the UI goes back to sign-in.
      const ended =
        this.#pending !== null &&
        error.name === 'NotAuthorizedException' &&
        (SIGN_IN_STEP_ANSWERS.has(source) || /session/i.test(error.message));
      if (ended) this.#pending = null;
      if (this.getState().status !== 'signedIn') this.dispatch(ended ? { type: 'signedOut', error } : { type: 'failed', error });
      if (failureEvent) this.events.emit(failureEvent, error);
      throw error;
    }
  }
}

function mfaAnswer(response: string): string {
  const value = response.trim().toUpperCase();
  if (value === 'SMS' || value === 'SMS_MFA') return 'SMS_MFA';
  if (value === 'TOTP' || value === 'SOFTWARE_TOKEN_MFA') return 'SOFTWARE_TOKEN_MFA';
  // Never echo the answer: users type codes into the wrong box.
  throw authError('InvalidMFAType', 'Unknown MFA type: answer SMS or TOTP.', 'confirmSignIn');
}

export function toV5Delivery(details: CodeDeliveryDetails | undefined): V5CodeDeliveryDetails | undefined {
  if (!details) return undefined;
  return {
    ...(details.destination === undefined ? {} : { Destination: details.destination }),
    ...(details.deliveryMedium === undefined ? {} : { DeliveryMedium: details.deliveryMedium }),
    ...(details.attributeName === undefined ? {} : { AttributeName: details.attributeName }),
  };
}
