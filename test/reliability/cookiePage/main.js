/* global window, document */
// cookieStorage in a real browser, from dist/core.js as an app gets it. Plain JS so the type-check
// does not depend on a build having run.
import { createAuth } from '../../../dist/core.js';

window.cookieKit = {
  signIn: (config, username, password) => {
    const auth = createAuth(config);
    return auth.signIn(username, password).then(() => auth.getState().status);
  },
  restore: (config) => createAuth(config).getState().status,
  restoredUser: (config) => {
    const state = createAuth(config).getState();
    return state.status === 'signedIn' ? state.user.username : null;
  },
  signOut: (config) => createAuth(config).signOut(),
  cookieNames: () =>
    document.cookie
      .split(';')
      .map((part) => part.split('=')[0].trim())
      .filter((name) => name !== ''),
};
