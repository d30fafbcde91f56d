/* global window */
// The built engine (dist/core.js) in Chromium, facing faults the Node test injects into the backend:
// the browser's own fetch, AbortSignal and network errors. Plain JS (no build needed to type-check).
import { createAuth } from '../../../dist/core.js';

const describe = (error) => ({ name: error.name, message: error.message, source: error.source, isAuthError: error instanceof Error });

window.faults = {
  start(config) {
    window.faults.auth = createAuth({ ...config, requestTimeout: 1000 }, { retry: { baseDelayMs: 1 } });
    return window.faults.auth.getState().status;
  },
  /** Runs `method(...args)`; resolves `{ ok }` or `{ error }`, never rejects. */
  call(method, args) {
    const auth = window.faults.auth;
    window.faults.pending = auth[method](...args).then(
      () => ({ ok: true, status: auth.getState().status }),
      (error) => ({ error: describe(error), status: auth.getState().status }),
    );
    return null;
  },
  outcome: () => window.faults.pending,
  abort: () => window.faults.auth.abort(),
};
