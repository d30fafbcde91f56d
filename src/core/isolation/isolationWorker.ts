/**
 * The Web Worker of `tokenIsolation: 'worker'`: a fetch proxy that keeps every refresh token in its
 * own memory. The page sees only an opaque handle in its place; the worker swaps the real token in
 * when a refresh or revoke request presents the handle, and only towards the URLs it was built with.
 *
 * It runs from its source text (`String(isolationWorker)`, in a Blob URL), so it must stay
 * self-contained: no imports, no outer names, and plain syntax a bundler or minifier cannot turn
 * into calls to its own helpers (no async/await, no object spread, no classes, no for…of).
 */

/** A request the page asks the worker to send. */
export interface IsolatedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the engine posts to the worker: a request to send (with the port its answer comes back on), or a handle to forget. */
export type IsolationWorkerMessage = { request: IsolatedRequest } | { forget: string };

/** The worker's answer: the response with every refresh token replaced by its handle, or why it sent nothing. */
export type IsolatedResponse =
  | { ok: boolean; status: number; headers: Record<string, string>; text: string }
  | { failed: 'refused' | 'network'; message: string };

/** What the worker's global looks like to it (typed here: the project's TypeScript lib is the DOM's). */
export interface WorkerScope {
  onmessage: ((event: { data: unknown; ports: readonly { postMessage(message: unknown): void }[] }) => void) | null;
  fetch: typeof fetch;
  crypto: { getRandomValues(array: Uint8Array): Uint8Array };
}

interface Held {
  token: string;
  clientId: string;
  /** The page dropped the handle (its session ended): good for one revoke, never for a refresh. */
  dropped?: boolean;
}

// Operations whose request carries a refresh token, and the field it goes in.
type Slot = { fields: string[]; revokes: boolean } | undefined;

/** Runs inside the worker. `allowed`: the only URLs it sends to (the pool's endpoint, the hosted UI's token and revoke URLs). */
export function isolationWorker(scope: WorkerScope, allowed: readonly string[]): void {
  const PREFIX = 'isolated-refresh-token.';
  // No prototype: a handle named `constructor` or `__proto__` must find nothing.
  const held = Object.create(null) as Record<string, Held>;

  function newHandle(): string {
    const bytes = scope.crypto.getRandomValues(new Uint8Array(24));
    let hex = '';
    for (let i = 0; i < bytes.length; i += 1) hex += (bytes[i]! < 16 ? '0' : '') + bytes[i]!.toString(16);
    return PREFIX + hex;
  }

  function forgetAll(): void {
    const handles = Object.keys(held);
    for (let i = 0; i < handles.length; i += 1) delete held[handles[i]!];
  }

  // Where the refresh token goes in a Cognito JSON request, by operation.
  function cognitoSlot(operation: string, body: Record<string, unknown>): Slot {
    if (operation === 'InitiateAuth' && (body['AuthFlow'] === 'REFRESH_TOKEN_AUTH' || body['AuthFlow'] === 'REFRESH_TOKEN')) {
      return { fields: ['AuthParameters', 'REFRESH_TOKEN'], revokes: false };
    }
    if (operation === 'GetTokensFromRefreshToken') return { fields: ['RefreshToken'], revokes: false };
    if (operation === 'RevokeToken') return { fields: ['Token'], revokes: true };
    return undefined;
  }

  // The client id the token was issued to, and a session still alive unless this is its revoke.
  function usable(handle: unknown, clientId: string, revoking: boolean): handle is string {
    const entry = typeof handle === 'string' ? held[handle] : undefined;
    return entry !== undefined && entry.clientId === clientId && (revoking || !entry.dropped);
  }

  function refuse(message: string): IsolatedResponse {
    return { failed: 'refused', message: message };
  }

  // Requests presenting the same handle go one at a time. A refresh the page stopped waiting for
  // (abort(), its timeout) may still rotate the token here; the next must present the new token, or
  // Cognito refuses the old one as reused. A request that hangs holds the next back 15 s at most: the
  // default request timeout, written here because this source cannot import (transport.ts has it).
  const HANDLE = /isolated-refresh-token\.[0-9a-f]{48}/;
  const running = Object.create(null) as Record<string, Promise<void>>;

  function inTurn(request: IsolatedRequest): Promise<IsolatedResponse> {
    const found = request && typeof request.body === 'string' ? HANDLE.exec(request.body) : null;
    const id = found ? found[0] : '';
    if (!id || !held[id]) return handle(request);
    const previous = running[id];
    const turn = previous ? Promise.race([previous, new Promise<void>((resolve) => setTimeout(resolve, 15000))]) : Promise.resolve();
    const answer = turn.then(() => handle(request));
    const settled = answer.then(
      () => undefined,
      () => undefined,
    );
    running[id] = settled;
    settled.then(() => {
      if (running[id] === settled) delete running[id];
    });
    return answer;
  }

  function handle(request: IsolatedRequest): Promise<IsolatedResponse> {
    // Exact URLs only: a page script that reaches this worker must not make it a proxy to anywhere else.
    if (!request || typeof request.url !== 'string' || allowed.indexOf(request.url) < 0) {
      return Promise.resolve(refuse('Token isolation: this worker sends only to the configured Cognito endpoints.'));
    }
    if (request.method !== 'POST' || typeof request.body !== 'string') return Promise.resolve(refuse('Token isolation: POST with a body only.'));
    const headers: Record<string, string> = {};
    const given = request.headers || {};
    const names = Object.keys(given);
    for (let i = 0; i < names.length; i += 1) if (typeof given[names[i]!] === 'string') headers[names[i]!] = given[names[i]!]!;
    const target = headers['X-Amz-Target'] || '';
    const isForm = request.url.slice(-14) === '/oauth2/revoke' || request.url.slice(-13) === '/oauth2/token';
    let body = request.body;
    let used: string | undefined;
    let revokes = false;
    let signsOutEverywhere = false;
    let clientId = '';
    if (isForm) {
      const form = new URLSearchParams(body);
      clientId = form.get('client_id') || '';
      const field = request.url.slice(-14) === '/oauth2/revoke' ? 'token' : form.get('grant_type') === 'refresh_token' ? 'refresh_token' : '';
      const presented = field ? form.get(field) : null;
      if (usable(presented, clientId, field === 'token')) {
        used = presented;
        revokes = field === 'token';
        form.set(field, held[presented]!.token);
        body = form.toString();
      }
    } else {
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return Promise.resolve(refuse('Token isolation: the request body is not JSON.'));
      }
      const operation = target.slice(target.lastIndexOf('.') + 1);
      clientId = typeof json['ClientId'] === 'string' ? json['ClientId'] : '';
      const slot = cognitoSlot(operation, json);
      if (slot) {
        let parent: Record<string, unknown> | undefined = json;
        for (let i = 0; i < slot.fields.length - 1 && parent; i += 1) parent = parent[slot.fields[i]!] as Record<string, unknown> | undefined;
        const last = slot.fields[slot.fields.length - 1]!;
        const presented = parent && typeof parent === 'object' ? parent[last] : undefined;
        if (usable(presented, clientId, slot.revokes)) {
          used = presented;
          revokes = slot.revokes;
          parent![last] = held[presented]!.token;
          body = JSON.stringify(json);
        }
      }
      // GlobalSignOut revokes every refresh token of the user: nothing held is worth keeping.
      signsOutEverywhere = operation === 'GlobalSignOut';
    }
    return scope
      .fetch(request.url, { method: 'POST', headers: headers, body: body, redirect: 'error', credentials: 'omit', cache: 'no-store' })
      .then(
        (response) =>
          response.text().then((text) => {
            // The body first: a token it brings is held (and so scrubbed from the headers) from then on.
            const body = strip(text, used, clientId);
            const out: Record<string, string> = {};
            response.headers.forEach((value, name) => {
              out[name] = scrub(value);
            });
            if (revokes && used) delete held[used];
            if (signsOutEverywhere && response.ok) forgetAll();
            return { ok: response.ok, status: response.status, headers: out, text: body };
          }),
        (error: unknown) => {
          // A revoke that never arrived still ends the session here: the page dropped its handle.
          if (revokes && used) delete held[used];
          return { failed: 'network' as const, message: error instanceof Error ? error.message : 'Failed to fetch' };
        },
      );
  }

  // Keep any refresh token of the response and hand the page its handle instead. A refresh that
  // rotated the token keeps the handle it presented: the page's session stays the same object.
  function strip(text: string, used: string | undefined, clientId: string): string {
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed === 'object') {
      const result = parsed['AuthenticationResult'] as Record<string, unknown> | undefined;
      const owner = result && typeof result === 'object' ? result : parsed;
      const key = owner === parsed ? 'refresh_token' : 'RefreshToken';
      const token = owner[key];
      if (typeof token === 'string' && token !== '') {
        const id = used || newHandle();
        held[id] = { token: token, clientId: clientId };
        owner[key] = id;
        text = JSON.stringify(parsed);
      }
    }
    return scrub(text);
  }

  // Belt and braces: no held token leaves in any other field or header (an echo in an error message, say).
  function scrub(text: string): string {
    const handles = Object.keys(held);
    for (let i = 0; i < handles.length; i += 1) text = text.split(held[handles[i]!]!.token).join(handles[i]!);
    return text;
  }

  scope.onmessage = (event) => {
    const data = event.data as { forget?: unknown; request?: IsolatedRequest } | null;
    if (data && typeof data.forget === 'string') {
      // The engine ends a session before it revokes the token (the hosted UI's sign-out does): keep
      // the token for that revoke, refuse it for anything else, and let it go after 30 s regardless.
      const handle = data.forget;
      const entry = held[handle];
      if (entry) {
        entry.dropped = true;
        setTimeout(() => {
          if (held[handle] === entry) delete held[handle];
        }, 30000);
      }
      return;
    }
    const port = event.ports[0];
    if (!port || !data) return;
    inTurn(data.request as IsolatedRequest).then(
      (answer) => port.postMessage(answer),
      () => port.postMessage({ failed: 'network', message: 'Token isolation: the request failed.' }),
    );
  };
}
