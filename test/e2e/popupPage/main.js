/* global window, document, URLSearchParams, setTimeout */
// Popup sign-in in a real browser: the built engine (dist/core.js) on the app's page, which is also
// the redirect page the popup comes back to. Plain JS so the type-check does not depend on a build.
import { createAuth } from '../../../dist/core.js';

const stored = window.localStorage.getItem('popup-config');
if (stored) {
  const auth = createAuth(JSON.parse(stored));
  const events = [];
  auth.listen('*', (event) => events.push(event.event));
  // Started as an app's provider would: on the popup's callback page this is what relays the answer.
  auth.start();
  window.popupPage = { auth, events, loadedAt: window.location.href, messages: [], outcome: undefined };

  // Every message this page receives, after the engine's own listener has seen it (registered earlier
  // in the same dispatch, so once a message is here the engine has judged it).
  window.addEventListener('message', (event) => {
    setTimeout(() => window.popupPage.messages.push({ origin: event.origin, fromSelf: event.source === window }), 0);
  });

  const signInWithPopup = (popup) => {
    window.popupPage.outcome = 'pending';
    auth.federatedSignIn({ popup, customState: '/after-popup' }).then(
      (result) => {
        window.popupPage.outcome = { result, state: auth.getState(), href: window.location.href };
      },
      (error) => {
        window.popupPage.outcome = { error: { name: error.name, source: error.source }, state: auth.getState(), href: window.location.href };
      },
    );
  };
  // The user's click: the call starts in its task, as an app's button handler would.
  document.getElementById('popup-sign-in').addEventListener('click', () => signInWithPopup(window.popupOptions ?? true));
  // Not from a click: the browser's popup blocker decides.
  if (new URLSearchParams(window.location.search).has('withoutClick')) signInWithPopup(true);
}

// A same-origin window that is not the popup (a frame of this page) posts `message` to this page.
window.postFromSameOriginFrame = (message) => {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<script>parent.postMessage(${JSON.stringify(message)}, ${JSON.stringify(window.location.origin)});</script>`;
  document.body.append(frame);
};

// A page on another origin, framed here: it gets a handle on this page and posts `message` to it.
window.frameForeignPage = (url, message) => {
  const frame = document.createElement('iframe');
  frame.src = `${url}#${encodeURIComponent(JSON.stringify(message))}`;
  document.body.append(frame);
};
