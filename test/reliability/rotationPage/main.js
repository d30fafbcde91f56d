/* global window, navigator */
// One engine per tab on the shared localStorage, built from dist/core.js as an app gets it. The
// test moves this tab's clock (`skip`) so that every tab needs a refresh at the same moment.
// Plain JS so the type-check does not depend on a build having run.
import { createAuth } from '../../../dist/core.js';

let auth;
let offsetMs = 0;
const failures = [];
let refreshes = 0;

window.rotation = {
  hasWebLocks: () => typeof navigator.locks?.request === 'function',
  /** `natural`: the engine's own timers and the real clock refresh it, as in an app left open. */
  start(config, natural = false) {
    auth = createAuth(config, natural ? {} : { autoRefresh: false, now: () => Date.now() + offsetMs });
    auth.subscribe(() => undefined); // watch the other tabs, as a mounted app does
    auth.listen('tokenRefresh_failure', (event) => failures.push(event.data?.name ?? 'unknown'));
    auth.listen('tokenRefresh', () => (refreshes += 1));
    return auth.getState().status;
  },
  /** tokenRefresh events seen in this tab (its own refreshes and those adopted from other tabs). */
  refreshes: () => refreshes,
  signIn: (username, password) => auth.signIn(username, password).then((result) => result.isSignedIn),
  status: () => auth.getState().status,
  skip(ms) {
    offsetMs += ms;
  },
  /** `n` callers asking for the session at once: their access tokens, or error names. */
  async callers(n) {
    const results = await Promise.allSettled(Array.from({ length: n }, () => auth.currentSession()));
    return results.map((r) => (r.status === 'fulfilled' ? { token: r.value.accessToken } : { error: r.reason?.name ?? 'unknown' }));
  },
  failures: () => [...failures],
};
