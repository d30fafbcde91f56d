import { optionalRecord, requireCode, requirePassword, requireText } from './args';
import type { AuthStore } from './authStore';
import type { ConfiguredPool } from './configuredPool';
import type { AuthError } from './errors';
import type { AuthEvents } from './events';
import { runFlow, type FailureEventName } from './flowRunner';
import { completeSignIn } from './flows/completeSignIn';
import type { FlowContext } from './flows/context';
import { answerWithPassword, chooseFactor } from './flows/firstFactor';
import { nextStepFor, parseList, setupMethods } from './flows/nextStep';
import { chooseSetup, completeTotpSetup, initiateSignIn, respondToChallenge, type PendingSignIn, type SignInInput, type SignInOutcome } from './flows/signIn';
import { authError, toAuthError } from './normalizeError';
import type { SessionManager } from './sessionManager';
import type { AuthFactorType, PendingStep, SignInResult } from './types';

/** v6's `signIn` options: this sign-in's flow, and for USER_AUTH the first factor to start with. */
export interface SignInOptions {
  /** Default: the config's `authenticationFlowType`. `CUSTOM_WITH_SRP` proves the password before the custom challenge. */
  authFlowType?: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_WITH_SRP' | 'CUSTOM_WITHOUT_SRP' | 'USER_AUTH';
  /** USER_AUTH: start with this factor (Cognito asks the user to choose when it is not available). With a password: `PASSWORD_SRP`. */
  preferredChallenge?: AuthFactorType;
  clientMetadata?: Record<string, string>;
}

export interface SignInParams {
  username: string;
  /** Optional for choice-based (USER_AUTH) and custom sign-in, whose challenges may replace the password. */
  password?: string;
  validationData?: Record<string, string>;
  clientMetadata?: Record<string, string>;
  options?: SignInOptions;
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
}

/**
 * Sign-in: InitiateAuth, then each challenge the user answers, until tokens (a chunk of its own: see authServices). The pending challenge
 * lives here, in memory only; every step moves `getState().nextStep`, so a UI renders from state.
 */
export class SignInFlow {
  readonly #deps: SignInFlowDeps;
  #pending: PendingSignIn | null = null;

  constructor(deps: SignInFlowDeps) {
    this.#deps = deps;
  }

  /** `confirmationSession`: ConfirmSignUp's Session, which signs a new user in once (USER_AUTH auto sign-in). */
  signIn(params: SignInParams, confirmationSession?: string): Promise<SignInResult> {
    return runFlow(this.#deps, 'signIn', 'signIn_failure', async () => {
      const ctx = this.#deps.pool().ctx('signIn');
      const username = requireText(params?.username, 'EmptyUsername', 'Username', 'signIn');
      if (this.#deps.store.getState().status === 'signedIn') {
        throw authError('UserAlreadyAuthenticatedException', 'There is already a signed in user.', 'signIn');
      }
      const options = optionalRecord(params.options) as SignInOptions | undefined;
      const { flow, password } = flowAndPassword(options, this.#deps.pool().config.authenticationFlowType, params.password);
      this.#pending = null;
      // amazon-cognito-identity-js sends validationData as ClientMetadata when there is some; so do we.
      const validation = optionalRecord(params.validationData);
      const metadata = validation && Object.keys(validation).length > 0 ? validation : (params.clientMetadata ?? options?.clientMetadata);
      try {
        const outcome = await initiateSignIn(ctx, {
          username,
          flow,
          ...(password === undefined ? {} : { password }),
          ...(flow === 'USER_AUTH' && options?.preferredChallenge ? { preferredChallenge: options.preferredChallenge } : {}),
          ...(confirmationSession ? { session: confirmationSession } : {}),
          ...(metadata ? { clientMetadata: metadata } : {}),
        });
        const codeFirst = flow === 'USER_AUTH' && password === undefined && !confirmationSession;
        return await this.#settle(ctx, outcome, codeFirst ? firstFactor(metadata) : undefined);
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
        // A factor chosen from SELECT_CHALLENGE (not the password) may be a code to send again later.
        const choosing = pending.challengeName === 'SELECT_CHALLENGE' && pending.chosen === undefined;
        return this.#settle(ctx, await this.#respond(ctx, pending, params, source), choosing ? firstFactor(params.clientMetadata) : undefined);
      },
      (error) => this.#endedBy(error, source),
    );
  }

  /**
   * A new code for the pending code step when the code is the way to sign in (USER_AUTH), as v6 apps
   * do it: InitiateAuth again with that factor. The step stays answerable if this fails.
   */
  resendCode(): Promise<SignInResult> {
    return runFlow(this.#deps, 'resendSignInCode', 'signIn_failure', async () => {
      const pending = this.#pending;
      if (!pending?.firstFactor) {
        throw authError('NoSignInInProgress', 'No sign-in code to send again: only a code chosen to sign in with (USER_AUTH) can be.', 'resendSignInCode');
      }
      const ctx = this.#deps.pool().ctx('resendSignInCode');
      const { clientMetadata } = pending.firstFactor;
      const outcome = await initiateSignIn(ctx, {
        username: pending.username,
        flow: 'USER_AUTH',
        preferredChallenge: pending.challengeName === 'SMS_OTP' ? 'SMS_OTP' : 'EMAIL_OTP',
        ...(clientMetadata ? { clientMetadata } : {}),
      });
      return this.#settle(ctx, outcome, pending.firstFactor);
    });
  }

  /** Forget the pending step (sign-out, cancel). */
  reset(): void {
    this.#pending = null;
  }

  /**
   * Cognito answers a challenge with NotAuthorizedException only once its session is over (expired,
   * used, too many wrong answers): the step cannot be answered again, so the state goes back to
   * sign-in with `SignInSessionExpired` (Cognito's error as its cause) to say why.
   */
  #endedBy(error: AuthError, source: string): AuthError | undefined {
    if (this.#pending === null) return undefined;
    // The passkey prompt runs after the choice was sent: that challenge is used, so sign in again.
    if (PASSKEY_ERRORS.includes(error.name)) {
      this.#pending = null;
      return error;
    }
    if (error.name !== 'NotAuthorizedException') return undefined;
    if (this.#pending.chosen === 'PASSWORD') {
      // A wrong password ends Cognito's session as well: back to sign-in, saying what was wrong.
      this.#pending = null;
      return error;
    }
    this.#pending = null;
    return authError('SignInSessionExpired', 'This sign-in step has ended: sign in again.', source, { cause: error });
  }

  async #respond(ctx: FlowContext, pending: PendingSignIn, params: ConfirmSignInParams, source: string): Promise<SignInOutcome> {
    const metadata = params?.clientMetadata;
    const response = params?.challengeResponse;
    switch (pending.challengeName) {
      case 'SMS_MFA':
        return respondToChallenge(ctx, pending, { SMS_MFA_CODE: requireCode(response, source) }, metadata);
      case 'SMS_OTP':
        return respondToChallenge(ctx, pending, { SMS_OTP_CODE: requireCode(response, source) }, metadata);
      case 'EMAIL_OTP':
        return respondToChallenge(ctx, pending, { EMAIL_OTP_CODE: requireCode(response, source) }, metadata);
      case 'SELECT_CHALLENGE':
        if (pending.chosen === 'PASSWORD') return answerWithPassword(ctx, pending, requirePassword(response, 'Password', source), metadata);
        return chooseFactor(ctx, pending, response, metadata, source);
      case 'SOFTWARE_TOKEN_MFA':
        return respondToChallenge(ctx, pending, { SOFTWARE_TOKEN_MFA_CODE: requireCode(response, source) }, metadata);
      case 'SELECT_MFA_TYPE':
        return respondToChallenge(ctx, pending, { ANSWER: mfaAnswer(response, parseList(pending.parameters['MFAS_CAN_CHOOSE']), source) }, metadata);
      case 'MFA_SETUP':
        if (pending.chosen === 'TOTP') return completeTotpSetup(ctx, pending, requireCode(response, source), metadata);
        if (pending.chosen === 'EMAIL') {
          return respondToChallenge(ctx, pending, { EMAIL: requireText(response, 'EmptyChallengeResponse', 'Email', source) }, metadata);
        }
        return { kind: 'challenge', pending: await chooseSetup(ctx, pending, setupAnswer(response, setupMethods(pending), source)) };
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

  /** Tokens → signed in; a challenge → the step for the UI. `codeFirst`: a code challenge here is the first factor. */
  async #settle(ctx: FlowContext, outcome: SignInOutcome, codeFirst?: PendingSignIn['firstFactor']): Promise<SignInResult> {
    const { store, events, sessions } = this.#deps;
    if (outcome.kind === 'challenge') {
      const otp = outcome.pending.challengeName === 'EMAIL_OTP' || outcome.pending.challengeName === 'SMS_OTP';
      this.#pending = otp && codeFirst ? { ...outcome.pending, firstFactor: codeFirst } : outcome.pending;
      const nextStep = nextStepFor(this.#pending);
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

function firstFactor(clientMetadata: Record<string, string> | undefined): NonNullable<PendingSignIn['firstFactor']> {
  return clientMetadata ? { clientMetadata } : {};
}

const PASSKEY_ERRORS: readonly string[] = Object.freeze(['PasskeyCanceled', 'PasskeyNotSupported', 'RelyingPartyMismatch', 'PasskeyFailed']);

const MFA_ANSWERS: Readonly<Record<string, string>> = Object.freeze({ SMS: 'SMS_MFA', TOTP: 'SOFTWARE_TOKEN_MFA', EMAIL: 'EMAIL_OTP' });

/** `SMS`, `TOTP` or `EMAIL` (or Cognito's names), among those offered, as Cognito's name. */
function mfaAnswer(response: unknown, offered: string[], source: string): string {
  const value = typeof response === 'string' ? response.trim().toUpperCase() : '';
  const answer = MFA_ANSWERS[value] ?? value;
  if (offered.includes(answer)) return answer;
  // Never echo the answer: users type codes into the wrong box.
  const names = Object.keys(MFA_ANSWERS).filter((name) => offered.includes(MFA_ANSWERS[name] ?? ''));
  throw authError('InvalidMFAType', `Unknown MFA type: answer ${names.join(' or ')}.`, source);
}

function setupAnswer(response: unknown, offered: ('EMAIL' | 'TOTP')[], source: string): 'EMAIL' | 'TOTP' {
  const value = typeof response === 'string' ? response.trim().toUpperCase() : '';
  const method = value === 'EMAIL_OTP' ? 'EMAIL' : value === 'SOFTWARE_TOKEN_MFA' ? 'TOTP' : value;
  if (method === 'EMAIL' || method === 'TOTP') {
    if (offered.includes(method)) return method;
  }
  throw authError('InvalidMFAType', `Choose the MFA to set up: ${offered.join(' or ')}.`, source);
}

/** The InitiateAuth flow for this call (v6's per-call `authFlowType`, else the config's) and the password it needs. */
function flowAndPassword(
  options: SignInOptions | undefined,
  configured: SignInInput['flow'],
  typed: unknown,
): { flow: SignInInput['flow']; password: string | undefined } {
  const requested = options?.authFlowType;
  const flow = requested === 'CUSTOM_WITH_SRP' || requested === 'CUSTOM_WITHOUT_SRP' ? 'CUSTOM_AUTH' : (requested ?? configured);
  // Custom and choice-based sign-in may start without one; a password factor asked for by name needs it.
  const passwordFactor = options?.preferredChallenge === 'PASSWORD' || options?.preferredChallenge === 'PASSWORD_SRP';
  const optional = (flow === 'CUSTOM_AUTH' && requested !== 'CUSTOM_WITH_SRP') || (flow === 'USER_AUTH' && !passwordFactor);
  if (requested === 'CUSTOM_WITHOUT_SRP' || (optional && !typed)) return { flow, password: undefined };
  return { flow, password: requirePassword(typed, 'Password', 'signIn') };
}
