// Type tests for popup sign-in: checked by `npm run typecheck` (tsc over test/), never run.
import { expectTypeOf } from 'vitest';
import { createAuth, relayPopupCallback, type PopupSignInOptions, type SignInResult } from '../../src/core/index';
import { Authenticator, SignIn } from '../../src/ui/index';

const auth = createAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' });

// In a popup the call resolves with the sign-in's result; leaving for the hosted UI, with nothing.
expectTypeOf(auth.federatedSignIn({ provider: 'Google', popup: true })).toEqualTypeOf<Promise<SignInResult>>();
expectTypeOf(auth.federatedSignIn({ provider: 'Google', popup: { timeoutMs: 60_000 } })).toEqualTypeOf<Promise<SignInResult>>();
expectTypeOf(auth.federatedSignIn({ provider: 'Google' })).toEqualTypeOf<Promise<void>>();
expectTypeOf(auth.federatedSignIn()).toEqualTypeOf<Promise<void>>();
// Known only at run time: either.
declare const inPopup: boolean;
expectTypeOf(auth.federatedSignIn({ popup: inPopup })).toEqualTypeOf<Promise<SignInResult | void>>();
const popupOptions: PopupSignInOptions = { provider: 'Google', popup: { windowFeatures: 'popup,width=600,height=700' } };
expectTypeOf(auth.federatedSignIn(popupOptions)).toEqualTypeOf<Promise<SignInResult>>();
expectTypeOf(relayPopupCallback).toEqualTypeOf<(url?: string) => boolean>();

// @ts-expect-error timeoutMs is a number of ms
void auth.federatedSignIn({ popup: { timeoutMs: '5m' } });
// @ts-expect-error no such popup option
void auth.federatedSignIn({ popup: { width: 400 } });

// The Authenticator's and the screens' social buttons take the same options.
void (<Authenticator socialProviders={['google']} socialPopup />);
void (<Authenticator socialProviders={['apple']} socialPopup={{ timeoutMs: 120_000 }} />);
void (<SignIn socialProviders={['google']} socialPopup />);
// @ts-expect-error socialPopup is a boolean or the popup's options
void (<Authenticator socialPopup="yes" />);

// A generic signature must not let a typo through.
// @ts-expect-error custmState is not an option
void auth.federatedSignIn({ provider: 'Google', custmState: '/inbox' });
// @ts-expect-error nor is a popup flag under another name
void auth.federatedSignIn({ provider: 'Google', popUp: true });
