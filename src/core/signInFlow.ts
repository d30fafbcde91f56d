import { optionalRecord, requireCode, requirePassword, requireText } from './args';
import type { AuthStore } from './authStore';
import type { ConfiguredPool } from './configuredPool';
import type { AuthError } from './errors';
import type { AuthEvents } from './events';
import { runFlow, type FailureEventName } from './flowRunner';
import { completeSignIn } from './flows/completeSignIn';
import type { FlowContext } from './flows/context';
import { completeTotpSetup, initiateSignIn, nextStepFor, respondToChallenge, type PendingSignIn, type SignInOutcome } from './flows/signIn';
import { authError, toAuthError } from './normalizeError';
import type { SessionManager } from './sessionManager';
import type { SrpClient } from './srp/srpClient';
import type { PendingStep, SignInResult } from './types';

export interface SignInParams {
  username: string;
  /** Optional only for CUSTOM_AUTH pools whose challenge replaces the password. */
  password?: string;
  validationData?: Record<string, string>;
  clientMetadata?: Record<string, string>;
}

export interface ConfirmSignInParams {
  /** The code, the MFA type (`SMS`/`TOTP`), the new password, or the custom challenge's answer. */
  challengeResponse: string;
  clientMetadata?: Record<string, string>;
  /** Attributes the pool asked for with a new password (NEW_PASSWORD_REQUIRED). */
  userAttributes?: Record<string, string>;
}

export interface SignInFlowDeps {
  pool: () => ConfiguredPool;
  store: AuthStore;
  events: AuthEvents;
  sessions: SessionManager;
  srp: SrpClient;
}

/**
 * Sign-in: InitiateAuth, then each challenge the user answers, until tokens. The pending challenge
 * lives here, in memory only; every step moves `getState().nextStep`, so a UI renders from state.
 */
export class SignInFlow {
  readonly #deps: SignInFlowDeps;
  #pending: PendingSignIn | null = null;

  constructor(deps: SignInFlowDeps) {
    this.#deps = deps;
  }

  /** Starts the password-independent SRP math (`a`, `A`) in the background, e.g. when a form shows. */
  prepare(): void {
    const config = this.#deps.pool().config;
    // Nothing to prepare without a user pool, or when the password is sent as is.
    if (!config.userPoolId || config.authenticationFlowType === 'USER_PASSWORD_AUTH') return;
    // Only an optimisation: a failure here resurfaces, typed, when signIn computes A itself.
    this.#deps.srp.prepare?.().catch(() => undefined);
  }

  signIn(params: SignInParams): Promise<SignInResult> {
    return runFlow(this.#deps, 'signIn', 'signIn_failure', async () => {
      const ctx = this.#deps.pool().ctx('signIn');
      const username = requireText(params?.username, 'EmptyUsername', 'Username', 'signIn');
      if (this.#deps.store.getState().status === 'signedIn') {
        throw authError('UserAlreadyAuthenticatedException', 'There is already a signed in user.', 'signIn');
      }
      const flow = this.#deps.pool().config.authenticationFlowType;
      const password = flow === 'CUSTOM_AUTH' && !params.password ? undefined : requirePassword(params.password, 'Password', 'signIn');
      this.#pending = null;
      // amazon-cognito-identity-js sends validationData as ClientMetadata when there is some; so do we.
      const validation = optionalRecord(params.validationData);
      const metadata = validation && Object.keys(validation).length > 0 ? validation : params.clientMetadata;
      try {
        const outcome = await initiateSignIn(ctx, {
          username,
          flow,
          ...(password === undefined ? {} : { password }),
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
   * Answers the pending step. `expected` names the challenge a v5 method answers
   * (`completeNewPassword`: NEW_PASSWORD_REQUIRED); `source` and `failureEvent` are that method's.
   */
  answer(params: ConfirmSignInParams, source: string, failureEvent: FailureEventName, expected?: string): Promise<SignInResult> {
    return runFlow(
      this.#deps,
      source,
      failureEvent,
      async () => {
        const ctx = this.#deps.pool().ctx(source);
        const pending = this.#pending;
        if (!pending || (expected && pending.challengeName !== expected)) {
          throw authError('NoSignInInProgress', expected ? `No ${expected} challenge is waiting for an answer.` : 'No sign-in is waiting for an answer.', source);
        }
        return this.#settle(ctx, await this.#respond(ctx, pending, params, source));
      },
      (error) => this.#endedBy(error, source),
    );
  }

  /** Drops an unfinished sign-in without a request; nothing happens when signed in or loading. */
  cancel(): void {
    if (this.#deps.store.getState().status !== 'signedOut') return;
    this.#pending = null;
    this.#deps.store.dispatch({ type: 'step', nextStep: null });
  }

  /** Forget the pending step (sign-out). */
  reset(): void {
    this.#pending = null;
  }

  /**
   * Cognito answers a challenge with NotAuthorizedException only once its session is over (expired,
   * used, too many wrong answers): the step cannot be answered again, so the state goes back to
   * sign-in with `SignInSessionExpired` (Cognito's error as its cause) to say why.
   */
  #endedBy(error: AuthError, source: string): AuthError | undefined {
    if (this.#pending === null || error.name !== 'NotAuthorizedException') return undefined;
    this.#pending = null;
    return authError('SignInSessionExpired', 'This sign-in step has ended: sign in again.', source, { cause: error });
  }

  #respond(ctx: FlowContext, pending: PendingSignIn, params: ConfirmSignInParams, source: string): Promise<SignInOutcome> {
    const metadata = params?.clientMetadata;
    const response = params?.challengeResponse;
    switch (pending.challengeName) {
      case 'SMS_MFA':
        return respondToChallenge(ctx, pending, { SMS_MFA_CODE: requireCode(response, source) }, metadata);
      case 'SOFTWARE_TOKEN_MFA':
        return respondToChallenge(ctx, pending, { SOFTWARE_TOKEN_MFA_CODE: requireCode(response, source) }, metadata);
      case 'SELECT_MFA_TYPE':
        return respondToChallenge(ctx, pending, { ANSWER: mfaAnswer(response, source) }, metadata);
      case 'MFA_SETUP':
        return completeTotpSetup(ctx, pending, requireCode(response, source), metadata);
      case 'NEW_PASSWORD_REQUIRED': {
        const responses: Record<string, string> = { NEW_PASSWORD: requirePassword(response, 'New password', source) };
        for (const [name, value] of Object.entries(params.userAttributes ?? {})) responses[`userAttributes.${name}`] = value;
        return respondToChallenge(ctx, pending, responses, metadata);
      }
      case 'CUSTOM_CHALLENGE':
        return respondToChallenge(ctx, pending, { ANSWER: requireText(response, 'EmptyChallengeResponse', 'Answer', source) }, metadata);
      default:
        throw authError('NoSignInInProgress', `Cannot answer ${pending.challengeName}.`, source);
    }
  }

  /** Tokens → signed in; a challenge → the step for the UI. */
  async #settle(ctx: FlowContext, outcome: SignInOutcome): Promise<SignInResult> {
    const { store, events, sessions } = this.#deps;
    if (outcome.kind === 'challenge') {
      this.#pending = outcome.pending;
      const nextStep = nextStepFor(outcome.pending);
      store.dispatch({ type: 'step', nextStep });
      return { isSignedIn: false, nextStep };
    }
    this.#pending = null;
    const { username, session } = await completeSignIn(ctx, outcome.result, outcome.username);
    const user = sessions.begin(username, session);
    events.emit('signIn', user, `${user.username} has signed in successfully`);
    return { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
  }

  #stepResult(nextStep: PendingStep, error: AuthError): SignInResult {
    const { store, events } = this.#deps;
    store.dispatch({ type: 'step', nextStep });
    events.emit('signIn_failure', error);
    return { isSignedIn: false, nextStep };
  }
}

function mfaAnswer(response: unknown, source: string): string {
  const value = typeof response === 'string' ? response.trim().toUpperCase() : '';
  if (value === 'SMS' || value === 'SMS_MFA') return 'SMS_MFA';
  if (value === 'TOTP' || value === 'SOFTWARE_TOKEN_MFA') return 'SOFTWARE_TOKEN_MFA';
  // Never echo the answer: users type codes into the wrong box.
  throw authError('InvalidMFAType', 'Unknown MFA type: answer SMS or TOTP.', source);
}
