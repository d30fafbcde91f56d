/* global window, localStorage */
// One engine per tab on a store that fires no storage events (cookies, or an app's own wrapper
// around localStorage), built from dist/core.js as an app gets it. Plain JS so the type-check does
// not depend on a build having run.
import { createAuth } from '../../../dist/core.js';

/** An app's own store: localStorage under a prefix of its own. Not a Web Storage object, so no events reach the kit. */
const wrappedLocalStorage = {
  getItem: (key) => localStorage.getItem(`app:${key}`),
  setItem: (key, value) => localStorage.setItem(`app:${key}`, value),
  removeItem: (key) => localStorage.removeItem(`app:${key}`),
  clear: () => undefined,
};

let auth;
const events = [];

window.storeTabs = {
  start(config, store) {
    auth = createAuth(store === 'custom' ? { ...config, storage: wrappedLocalStorage } : config);
    auth.subscribe(() => undefined); // started, as a mounted app is
    auth.listen('*', (event) => events.push(event.event));
    return auth.getState().status;
  },
  signIn: (username, password) => auth.signIn(username, password).then((result) => result.isSignedIn),
  signOut: () => auth.signOut(),
  user: () => {
    const state = auth.getState();
    return state.status === 'signedIn' ? state.user.username : state.status;
  },
  events: () => [...events],
};
