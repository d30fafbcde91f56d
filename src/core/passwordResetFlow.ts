import { requireCode, requirePassword, requireText } from './args';
import type { AuthStore } from './authStore';
import type { ConfiguredPool } from './configuredPool';
import type { AuthEvents } from './events';
import { runFlow } from './flowRunner';
import { confirmForgotPassword, forgotPassword } from './flows/password';
import type { ForgotPasswordResult } from './types';
import { toV5Delivery } from './v5Compat';

export interface ForgotPasswordParams {
  username: string;
  clientMetadata?: Record<string, string>;
}

export interface ForgotPasswordSubmitParams {
  username: string;
  /** The code sent by `forgotPassword`. */
  code: string;
  newPassword: string;
  clientMetadata?: Record<string, string>;
}

export interface PasswordResetFlowDeps {
  pool: () => ConfiguredPool;
  store: AuthStore;
  events: AuthEvents;
}

/** A forgotten password: a code sent, then the code and a new password. */
export class PasswordResetFlow {
  readonly #deps: PasswordResetFlowDeps;

  constructor(deps: PasswordResetFlowDeps) {
    this.#deps = deps;
  }

  /** Sends a reset code. The next step is CONFIRM_RESET_PASSWORD_WITH_CODE. */
  start(params: ForgotPasswordParams): Promise<ForgotPasswordResult> {
    return runFlow(this.#deps, 'forgotPassword', 'forgotPassword_failure', async () => {
      const ctx = this.#deps.pool().ctx('forgotPassword');
      const username = requireText(params?.username, 'EmptyUsername', 'Username', 'forgotPassword');
      const details = await forgotPassword(ctx, username, params.clientMetadata);
      this.#deps.store.dispatch({
        type: 'step',
        nextStep: { signInStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', username, ...(details ? { codeDeliveryDetails: details } : {}) },
      });
      this.#deps.events.emit('forgotPassword', { username }, `${username} has requested a new password`);
      return {
        CodeDeliveryDetails: toV5Delivery(details),
        codeDeliveryDetails: details,
        nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE' as const, codeDeliveryDetails: details },
      };
    });
  }

  /** Sets the new password with the reset code. */
  submit(params: ForgotPasswordSubmitParams): Promise<'SUCCESS'> {
    return runFlow(this.#deps, 'forgotPasswordSubmit', 'forgotPasswordSubmit_failure', async () => {
      const ctx = this.#deps.pool().ctx('forgotPasswordSubmit');
      const username = requireText(params?.username, 'EmptyUsername', 'Username', 'forgotPasswordSubmit');
      await confirmForgotPassword(ctx, {
        username,
        code: requireCode(params.code, 'forgotPasswordSubmit'),
        password: requirePassword(params.newPassword, 'New password', 'forgotPasswordSubmit'),
        ...(params.clientMetadata ? { clientMetadata: params.clientMetadata } : {}),
      });
      this.#deps.store.dispatch({ type: 'step', nextStep: null });
      this.#deps.events.emit('forgotPasswordSubmit', { username }, `${username} has submitted a new password`);
      return 'SUCCESS' as const;
    });
  }
}
