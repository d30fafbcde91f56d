// tokenIsolation: 'worker' in a real browser, with the built package (dist/core.js) bundled by Vite's
// defaults. The page plays both the app and an attacker's script: it keeps a hold on the worker by
// wrapping `Worker` before the engine starts one (a script that ran first could), counts the page's own
// fetch calls, and puts the engine on `window` so the scan below walks through it too.
// Plain JS so the type-check does not depend on a build having run.
/* global window, document, indexedDB, MessageChannel, Node */
import { createAuth } from '../../../dist/core.js';

const workers = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(...args) {
    super(...args);
    workers.push(this);
  }
};
const pageFetches = [];
const nativeFetch = window.fetch.bind(window);
window.fetch = (url, init) => {
  pageFetches.push(String(url));
  return nativeFetch(url, init);
};

window.setUp = (config) => {
  window.auth = createAuth(config, { tokenIsolation: 'worker' });
  window.auth.start();
};

window.signIn = async (username, password) => {
  const result = await window.auth.signIn(username, password);
  window.lastSession = await window.auth.currentSession();
  return { result, status: window.auth.getState().status, workers: workers.length, pageFetches: pageFetches.length };
};

window.refresh = async () => {
  const before = window.lastSession.accessToken;
  const fetchesBefore = pageFetches.length;
  try {
    window.lastSession = await window.auth.currentSession({ forceRefresh: true });
    return { changed: window.lastSession.accessToken !== before, pageFetches: pageFetches.length - fetchesBefore };
  } catch (error) {
    return { error: { name: error.name, source: error.source } };
  }
};

window.signOut = async () => {
  const handle = window.lastSession.refreshToken;
  await window.auth.signOut();
  return { handle, status: window.auth.getState().status };
};

window.engineStatus = () => window.auth.getState().status;

/** Asks the captured worker to send `body` to `url` directly, as a script in the page could. */
window.askWorker = (url, target, body) =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (event) => resolve(event.data);
    const headers = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}` };
    workers[0].postMessage({ request: { url, method: 'POST', headers, body: JSON.stringify(body) } }, [port2]);
  });

/**
 * Where the page can read each of `needles`: storage, cookies, IndexedDB, the DOM, the engine's
 * currentSession(), and every global a few levels deep. Also how many strings it looked at.
 */
window.whereReadable = async (needles) => {
  const found = [];
  for (const area of ['localStorage', 'sessionStorage']) {
    for (let i = 0; i < window[area].length; i += 1) {
      const key = window[area].key(i);
      found.push([`${area}.${key}`, `${key}=${window[area].getItem(key)}`]);
    }
  }
  found.push(['document.cookie', document.cookie]);
  for (const db of await indexedDB.databases()) found.push([`indexedDB.${db.name}`, JSON.stringify(await dumpDatabase(db.name))]);
  const seen = new WeakSet([window]);
  const walk = (value, path, depth) => {
    if (typeof value === 'string') return void found.push([path, value]);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || depth > 4 || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Node || value === window.document) return; // the DOM is checked through its text below
    let names;
    try {
      names = Object.getOwnPropertyNames(value);
    } catch {
      return;
    }
    for (const name of names) {
      let child;
      try {
        child = value[name];
      } catch {
        continue;
      }
      // Getters read on prototypes (Animation.prototype.finished, …) answer with rejected promises.
      if (child instanceof Promise) child.catch(() => undefined);
      walk(child, `${path}.${name}`, depth + 1);
    }
  };
  for (const name of Object.getOwnPropertyNames(window)) {
    let value;
    try {
      value = window[name];
    } catch {
      continue;
    }
    walk(value, `window.${name}`, 1);
  }
  found.push(['document.documentElement.outerHTML', document.documentElement.outerHTML]);
  found.push(['currentSession()', JSON.stringify(await window.auth.currentSession())]);
  return {
    scanned: found.length,
    hits: needles.map((needle) => found.filter(([, text]) => text.includes(needle)).map(([path]) => path)),
  };
};

function dumpDatabase(name) {
  return new Promise((resolve) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      const db = open.result;
      const stores = [...db.objectStoreNames];
      if (stores.length === 0) return resolve([]);
      const tx = db.transaction(stores, 'readonly');
      const out = [];
      let left = stores.length;
      for (const store of stores) {
        const all = tx.objectStore(store).getAll();
        all.onsuccess = () => {
          out.push([store, all.result]);
          if (--left === 0) resolve(out);
        };
      }
    };
    open.onerror = () => resolve(['unreadable']);
  });
}

// Hosted UI: the test stores the config (no token) in sessionStorage, then calls startHostedUi(); the
// page leaves for the hosted UI and comes back to /callback, where a fresh engine exchanges the code.
const hostedConfig = window.sessionStorage.getItem('isolation-test-config');
if (hostedConfig) {
  window.setUp(JSON.parse(hostedConfig));
  window.startHostedUi = () => window.auth.federatedSignIn();
  window.hostedUiOutcome = window.auth.handleRedirect().then(
    async (result) => {
      if (result) window.lastSession = await window.auth.currentSession();
      return { result, status: window.auth.getState().status, pageFetches: pageFetches.slice() };
    },
    (error) => ({ error: { name: error.name, message: error.message } }),
  );
}
