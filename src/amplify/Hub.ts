import type { AuthEvent, AuthEventName } from '../core/index';
import { appAuth } from './Amplify';

/** v6's names of the events v6 renamed; the rest keep v5's. */
const V6_NAMES: Readonly<Partial<Record<AuthEventName, string>>> = Object.freeze({
  signIn: 'signedIn',
  signOut: 'signedOut',
  cognitoHostedUI: 'signInWithRedirect',
  cognitoHostedUI_failure: 'signInWithRedirect_failure',
});

export interface HubCapsule {
  channel: 'auth';
  payload: { event: string; data?: unknown; message?: string };
}

/** Amplify's `Hub` (aws-amplify/utils), for the `auth` channel: v6's event names. */
export const Hub = Object.freeze({
  /** Calls `listener` with `{ channel, payload: { event, data, message } }` for each auth event; returns a stop function. */
  listen(channel: 'auth', listener: (capsule: HubCapsule) => void): () => void {
    if (channel !== 'auth') throw new TypeError(`Hub.listen: only the 'auth' channel exists here (got '${String(channel)}').`);
    return appAuth('Hub.listen').listen('*', (event: AuthEvent) => {
      listener({ channel, payload: { event: V6_NAMES[event.event] ?? event.event, data: event.data, message: event.message } });
    });
  },
});
