import { requireCode, requirePassword, requireText } from './args';
import type { ResolvedAuthOptions } from './authOptions';
import type { AuthStore } from './authStore';
import type { ConfiguredPool } from './configuredPool';
import type { AuthEvents } from './events';
import { runFlow } from './flowRunner';
import { confirmSignUp, resendSignUpCode, signUp, type SignUpInput } from './flows/signUp';
import { authError, toAuthError } from './normalizeError';
import type { SignInFlow } from './signInFlow';
import type { AuthError } from './errors';
import type { CodeDeliveryResult, SignInResult, SignUpResult } from './types';
import { toV5Delivery } from './v5Compat';

export interface SignUpParams {
  username: string;
  /** Optional with `authenticationFlowType: 'USER_AUTH'` where the pool allows passwordless accounts. */
  password?: string;
  attributes?: Record<string, string>;
  validationData?: Record<string, string>;
  clientMetadata?: Record<string, string>;
  /**
   * Sign in as soon as the account is confirmed: with the password (kept in memory for 3 minutes), or,
   * in choice-based pools, with the confirmation's one-time Session (no password needed, as in v6).
   */
  autoSignIn?: { enabled: boolean; clientMetadata?: Record<string, string>; validationData?: Record<string, string> };
  /** v6's spelling of the same: `options: { userAttributes, validationData, clientMetadata, autoSignIn: true }`. */
  options?: {
    userAttributes?: Record<string, string>;
    validationData?: Record<string, string>;
    clientMetadata?: Record<string, string>;
    autoSignIn?: boolean | { clientMetadata?: Record<string, string> };
  };
}

export interface ConfirmSignUpParams {
  username: string;
  /** The code sent at sign-up. */
  code: string;
  forceAliasCreation?: boolean;
  clientMetadata?: Record<string, string>;
}

/** v6's `confirmSignUp` input. */
export interface ConfirmSignUpInput {
  username: string;
  confirmationCode: string;
  options?: { forceAliasCreation?: boolean; clientMetadata?: Record<string, string> };
}

/** v6's `confirmSignUp` output: `COMPLETE_AUTO_SIGN_IN` when `autoSignIn()` has the sign-in that followed. */
export interface ConfirmSignUpOutput {
  isSignUpComplete: true;
  nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' | 'DONE' };
}

export interface ResendSignUpParams {
  username: string;
  clientMetadata?: Record<string, string>;
}

export interface SignUpFlowDeps {
  pool: () => ConfiguredPool;
  store: AuthStore;
  events: AuthEvents;
  /** The sign-in flow (its chunk), for the auto sign-in. */
  signIn: () => Promise<SignInFlow>;
  options: Pick<ResolvedAuthOptions, 'now'>;
}

// v5 kept the password for auto sign-in only until the user confirmed; so do we, in memory, briefly.
const AUTO_SIGN_IN_TTL_MS = 3 * 60_000;

/** Sign-up, its confirmation code, and the auto sign-in after it. */
export class SignUpFlow {
  readonly #deps: SignUpFlowDeps;
  #autoSignIn: { username: string; password?: string; clientMetadata?: Record<string, string>; until: number } | null = null;
  /** How the last auto sign-in ended, until `autoSignIn()` hands it out. */
  #autoOutcome: { result: SignInResult } | { error: AuthError } | null = null;

  constructor(deps: SignUpFlowDeps) {
    this.#deps = deps;
  }

  signUp(params: SignUpParams): Promise<SignUpResult> {
    return runFlow(this.#deps, 'signUp', 'signUp_failure', async () => {
      const ctx = this.#deps.pool().ctx('signUp');
      const v6 = params?.options;
      const attributes = params.attributes ?? v6?.userAttributes;
      const validationData = params.validationData ?? v6?.validationData;
      const clientMetadata = params.clientMetadata ?? v6?.clientMetadata;
      const input: SignUpInput = {
        username: requireText(params?.username, 'EmptyUsername', 'Username', 'signUp'),
        ...(passwordless(params.password, this.#deps.pool().config.authenticationFlowType) ? {} : { password: requirePassword(params.password, 'Password', 'signUp') }),
        ...(attributes ? { attributes } : {}),
        ...(validationData ? { validationData } : {}),
        ...(clientMetadata ? { clientMetadata } : {}),
      };
      const response = await signUp(ctx, input);
      const v6Auto = v6?.autoSignIn;
      const auto = params.autoSignIn?.enabled === true || v6Auto === true || typeof v6Auto === 'object';
      const autoMetadata = params.autoSignIn?.clientMetadata ?? (typeof v6Auto === 'object' ? v6Auto.clientMetadata : undefined);
      this.#autoOutcome = null;
      this.#autoSignIn = auto
        ? {
            username: input.username,
            ...(input.password === undefined ? {} : { password: input.password }),
            ...(autoMetadata ? { clientMetadata: autoMetadata } : {}),
            until: this.#deps.options.now() + AUTO_SIGN_IN_TTL_MS,
          }
        : null;
      const signUpStep = !response.userConfirmed ? 'CONFIRM_SIGN_UP' : auto ? 'COMPLETE_AUTO_SIGN_IN' : 'DONE';
      const delivery = response.codeDeliveryDetails;
      const result: SignUpResult = {
        user: { username: input.username },
        userConfirmed: response.userConfirmed,
        userSub: response.userSub,
        isSignUpComplete: response.userConfirmed,
        userId: response.userSub,
        ...(delivery ? { codeDeliveryDetails: { ...delivery, ...toV5Delivery(delivery) } } : {}),
        nextStep: { signUpStep, ...(delivery ? { codeDeliveryDetails: delivery } : {}) },
      };
      this.#deps.events.emit('signUp', result, `${input.username} has signed up successfully`);
      if (signUpStep === 'CONFIRM_SIGN_UP') {
        // A signed-in user keeps the session (the reducer ignores steps then): signing up someone else.
        this.#deps.store.dispatch({ type: 'step', nextStep: { signInStep: 'CONFIRM_SIGN_UP', username: input.username, ...(delivery ? { codeDeliveryDetails: delivery } : {}) } });
      } else if (signUpStep === 'COMPLETE_AUTO_SIGN_IN') {
        await this.#runAutoSignIn();
      }
      return result;
    });
  }

  /** Confirms the account; signs in after when auto sign-in was asked for. */
  confirm(params: ConfirmSignUpParams): Promise<'SUCCESS'> {
    return runFlow(this.#deps, 'confirmSignUp', undefined, async () => {
      const ctx = this.#deps.pool().ctx('confirmSignUp');
      const username = requireText(params?.username, 'EmptyUsername', 'Username', 'confirmSignUp');
      const session = await confirmSignUp(ctx, {
        username,
        code: requireCode(params.code, 'confirmSignUp'),
        ...(params.forceAliasCreation === undefined ? {} : { forceAliasCreation: params.forceAliasCreation }),
        ...(params.clientMetadata ? { clientMetadata: params.clientMetadata } : {}),
      });
      this.#deps.events.emit('confirmSignUp', { username }, `${username} has been confirmed successfully`);
      if (this.#autoSignIn?.username === username) await this.#runAutoSignIn(session);
      else this.#deps.store.dispatch({ type: 'step', nextStep: null });
      return 'SUCCESS' as const;
    });
  }

  resend(params: ResendSignUpParams): Promise<CodeDeliveryResult> {
    return runFlow(this.#deps, 'resendSignUp', undefined, async () => {
      const ctx = this.#deps.pool().ctx('resendSignUp');
      const username = requireText(params?.username, 'EmptyUsername', 'Username', 'resendSignUp');
      const details = await resendSignUpCode(ctx, username, params.clientMetadata);
      this.#deps.store.dispatch({ type: 'step', nextStep: { signInStep: 'CONFIRM_SIGN_UP', username, ...(details ? { codeDeliveryDetails: details } : {}) } });
      return { CodeDeliveryDetails: toV5Delivery(details), codeDeliveryDetails: details };
    });
  }

  /** Forget a pending auto sign-in (sign-out). */
  reset(): void {
    this.#autoSignIn = null;
    this.#autoOutcome = null;
  }

  /** Whether an auto sign-in ran and `autoSignIn()` has its outcome to hand out. */
  get autoSignInDone(): boolean {
    return this.#autoOutcome !== null;
  }

  /** v6's `autoSignIn()`: the outcome of the sign-in that followed the confirmation, once. */
  async autoSignIn(): Promise<SignInResult> {
    const outcome = this.#autoOutcome;
    this.#autoOutcome = null;
    if (outcome === null) {
      throw authError('AutoSignInException', 'No sign-in follows a sign-up here: ask for autoSignIn in signUp, then confirm the code.', 'autoSignIn');
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.result;
  }

  async #runAutoSignIn(confirmationSession?: string): Promise<void> {
    const { store, events, signIn, options } = this.#deps;
    const pending = this.#autoSignIn;
    this.#autoSignIn = null;
    if (!pending) return;
    // The account is confirmed whatever happens below: never leave the UI on the confirmation step.
    if (pending.until < options.now()) {
      const error = authError('AutoSignInException', 'The auto sign-in expired: sign in with the password.', 'autoSignIn');
      this.#autoOutcome = { error };
      store.dispatch({ type: 'step', nextStep: null });
      events.emit('autoSignIn_failure', error);
      return;
    }
    try {
      const metadata = pending.clientMetadata ? { clientMetadata: pending.clientMetadata } : {};
      // The confirmation's Session signs in without the password; without one, the password does.
      const flow = await signIn();
      const result = confirmationSession
        ? await flow.signIn({ username: pending.username, options: { authFlowType: 'USER_AUTH' }, ...metadata }, confirmationSession)
        : await flow.signIn({ username: pending.username, ...(pending.password === undefined ? {} : { password: pending.password }), ...metadata });
      const user = store.getState().user;
      this.#autoOutcome = { result };
      events.emit('autoSignIn', result.isSignedIn && user ? user : result.nextStep);
    } catch (thrown) {
      const error = toAuthError(thrown, 'autoSignIn');
      this.#autoOutcome = { error };
      store.dispatch({ type: 'step', nextStep: null });
      store.dispatch({ type: 'failed', error });
      events.emit('autoSignIn_failure', error);
    }
  }
}

/** A sign-up without a password: only where choice-based sign-in can sign the account in another way. */
function passwordless(password: unknown, flow: string): boolean {
  return password === undefined && flow === 'USER_AUTH';
}
