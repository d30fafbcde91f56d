'use client';
import { useEffect, useState } from 'react';
import { useAuthEngine } from '../react/context';
import type { PasswordlessOptions } from './passwordless';
import type { ScreenName } from './screen';

/** `checking`: asking Cognito for the user's passkeys; `prompt`: show PasskeyPrompt; `off`: nothing to offer. */
export type PasskeyPromptPhase = 'checking' | 'prompt' | 'off';

const SIGN_UP_SCREENS: readonly ScreenName[] = ['signUp', 'confirmSignUp'];

/**
 * Whether to offer a passkey after the sign-in that just happened on `base`'s change to signedIn
 * (never on a session restored when the page opens), and the call that ends the offer.
 */
export function usePasskeyPrompt(base: ScreenName, options: PasswordlessOptions | undefined): { phase: PasskeyPromptPhase; end: () => void } {
  const auth = useAuthEngine();
  const [state, setState] = useState<{ base: ScreenName; phase: PasskeyPromptPhase }>({ base, phase: 'off' });
  if (state.base !== base) {
    const signedInHere = base === 'signedIn' && state.base !== 'loading';
    const wanted = signedInHere && promptsAfter(options?.passkeyRegistrationPrompts, SIGN_UP_SCREENS.includes(state.base));
    setState({ base, phase: wanted && auth.supportsPasskeys() ? 'checking' : 'off' });
  }
  const { phase } = state;
  useEffect(() => {
    if (phase !== 'checking') return;
    let current = true;
    // One passkey is enough to skip the offer; a failed lookup skips it too (the app comes first).
    const decide = (next: PasskeyPromptPhase) => {
      if (current) setState((old) => (old.phase === 'checking' ? { ...old, phase: next } : old));
    };
    auth.listWebAuthnCredentials({ pageSize: 1 }).then(
      (result) => decide(result.credentials.length === 0 ? 'prompt' : 'off'),
      () => decide('off'),
    );
    return () => {
      current = false;
    };
  }, [auth, phase]);
  return { phase, end: () => setState((old) => ({ ...old, phase: 'off' })) };
}

function promptsAfter(prompts: PasswordlessOptions['passkeyRegistrationPrompts'], signUp: boolean): boolean {
  if (typeof prompts !== 'object') return prompts === true;
  return (signUp ? prompts.afterSignup : prompts.afterSignin) === 'ALWAYS';
}
