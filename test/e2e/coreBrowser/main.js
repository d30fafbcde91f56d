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

// One sign-in, its failure as plain data. `follow` swaps in a fetch that follows redirects: the
// positive control for what the engine's own requests refuse.
window.trySignIn = async (config, username, password, follow) => {
  const options = { retry: { retries: 0 } };
  if (follow) options.fetch = (url, init) => window.fetch(url, { ...init, redirect: 'follow' });
  const auth = createAuth(config, options);
  try {
    await auth.signIn({ username, password });
    return { status: auth.getState().status };
  } catch (error) {
    return { status: auth.getState().status, error: { name: error.name, source: error.source } };
  }
};

// Hosted UI: the test stores the config, then calls startHostedUi(); the page leaves for the hosted
// UI and comes back to /callback, where a fresh engine (as on any page load) finishes the sign-in.
const stored = window.localStorage.getItem('test-config');
if (stored) {
  const auth = createAuth(JSON.parse(stored));
  const events = [];
  auth.listen('*', (event) => events.push({ event: event.event, data: event.event === 'customOAuthState' ? event.data : undefined }));
  window.startHostedUi = (options) => auth.federatedSignIn(options);
  window.signOutHostedUi = () => auth.signOut();
  window.hostedUiOutcome = auth.handleRedirect().then(
    (result) => ({ result, state: auth.getState(), events, href: window.location.href }),
    (error) => ({ error: { name: error.name, message: error.message, source: error.source }, state: auth.getState(), events, href: window.location.href }),
  );
}

// Cross-tab: each tab has its own engine on the same localStorage, watched while subscribed.
window.crossTab = {
  start(config) {
    const auth = createAuth(config, { autoRefresh: false, refreshMarginSeconds: 1 });
    const statuses = [];
    auth.subscribe(() => statuses.push(auth.getState().status));
    window.crossTab.auth = auth;
    window.crossTab.statuses = statuses;
    return auth.getState().status;
  },
  signIn: (username, password) => window.crossTab.auth.signIn(username, password).then((r) => r.isSignedIn),
  accessToken: () => window.crossTab.auth.currentSession().then((s) => s.accessToken),
  signOut: () => window.crossTab.auth.signOut(),
  status: () => window.crossTab.auth.getState().status,
};
