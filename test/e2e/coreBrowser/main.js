// The built engine (dist/core.js, as an app would get it), bundled by Vite with default settings —
// no `define: { global }`, no polyfills — and run in a real browser: localStorage, fetch, WebCrypto.
// Plain JS so the type-check does not depend on a build having run.
import { createAuth } from '../../../dist/core.js';

window.runSignIn = async (config, username, password) => {
  const auth = createAuth(config);
  const statuses = [];
  auth.subscribe(() => statuses.push(auth.getState().status));
  const result = await auth.signIn(username, password);
  const session = await auth.currentSession();
  let wrong;
  try {
    await createAuth({ ...config, storage: window.sessionStorage }).signIn(username, `${password}-wrong`);
  } catch (error) {
    wrong = { name: error.name, isAuthError: error instanceof Error, source: error.source };
  }
  return {
    result,
    statuses,
    user: auth.getState().user,
    idTokenIssuer: session.getIdToken().payload.iss,
    storedKeys: Object.keys(window.localStorage).sort(),
    wrong,
  };
};

window.restore = (config) => createAuth(config).getState();
