// The built engine with the browser's own WebAuthn (navigator.credentials, the default passkey client),
// driven by Chromium's virtual authenticator. Plain JS so the type-check does not depend on a build.
import { createAuth } from '../../../dist/core.js';

const outcome = async (run) => {
  try {
    return { ok: await run() };
  } catch (error) {
    return { error: { name: error.name, message: error.message, source: error.source } };
  }
};

const engine = (config) => createAuth({ ...config, authenticationFlowType: 'USER_AUTH' });

/** Signs in with the password, creates a passkey on this device, lists the user's passkeys, signs out. */
window.registerPasskey = (config, username, password) =>
  outcome(async () => {
    const auth = engine(config);
    await auth.signIn({ username, password });
    await auth.associateWebAuthnCredential();
    const { credentials } = await auth.listWebAuthnCredentials();
    await auth.signOut();
    return credentials.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
  });

/** Chooses the passkey at the first-factor selection; says how the sign-in ended. */
window.signInWithPasskey = (config, username) =>
  outcome(async () => {
    const auth = engine(config);
    const first = await auth.signIn({ username });
    if (first.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION') return { first };
    if (!first.nextStep.availableChallenges.includes('WEB_AUTHN')) return { first };
    const result = await auth.confirmSignIn({ challengeResponse: 'WEB_AUTHN' });
    return { first, result, status: auth.getState().status, user: auth.getState().user?.username };
  });

/** While signed in: delete every passkey, then sign out. */
window.deletePasskeys = (config) =>
  outcome(async () => {
    const auth = engine(config);
    const { credentials } = await auth.listWebAuthnCredentials();
    for (const c of credentials) await auth.deleteWebAuthnCredential({ credentialId: c.credentialId });
    const left = (await auth.listWebAuthnCredentials()).credentials.length;
    await auth.signOut();
    return { deleted: credentials.length, left };
  });

window.signOut = (config) => outcome(() => engine(config).signOut());
