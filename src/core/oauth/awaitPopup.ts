import { authError } from '../normalizeError';
import type { Timers } from '../timers';
import { constantTimeEqual } from './constantTimeEqual';
import { callbackParams } from './hostedUiUrls';
import { POPUP_MESSAGE } from './popupRelay';
import type { PopupWindow } from './popupWindow';

// The opener's side of a popup sign-in, loaded with it.

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
// How often the opener looks whether the user closed the popup (browsers send no event for it).
const CLOSED_POLL_MS = 400;

export interface PopupWaitInput {
  popup: PopupWindow;
  /** The authorize URL the popup goes to. */
  url: string;
  /** The pending flow's state: the only answer accepted. */
  state: string;
  responseType: 'code' | 'token';
  timers: Timers;
  timeoutMs: number | undefined;
  /** The app chose the popup's features (its position too). */
  ownFeatures: boolean;
}

interface MessageSource {
  /** Absent where there is no page (React Native): no popup could have opened there. */
  location?: { origin: string };
  screenX: number;
  screenY: number;
  outerWidth: number;
  outerHeight: number;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * Sends the popup to the hosted UI and resolves with the callback URL its redirect page relays back.
 * A message counts only from this page's own origin, from the popup opened here, answering `state`;
 * anything else (another window, another origin, another sign-in) is ignored and the wait goes on.
 * Rejects, typed, when the user closes the popup or time runs out; either way nothing stays behind:
 * listener, timers and (on timeout) the popup are gone.
 */
export function awaitPopupCallback({ popup, url, state, responseType, timers, timeoutMs = DEFAULT_TIMEOUT_MS, ownFeatures }: PopupWaitInput): Promise<{ url: string; params: URLSearchParams }> {
  const source = 'federatedSignIn';
  const page = globalThis as unknown as MessageSource;
  const origin = page.location?.origin;
  if (!origin) return Promise.reject(authError('OAuthPopupBlocked', 'There is no page here to open a popup from.', source));
  return new Promise((resolve, reject) => {
    let poll: unknown;
    let closedOnce = false;
    const finish = (): void => {
      page.removeEventListener('message', onMessage);
      timers.clearTimeout(poll);
      timers.clearTimeout(timeout);
    };
    const fail = (error: unknown): void => {
      finish();
      popup.close();
      reject(error);
    };
    const onMessage = (event: MessageEvent): void => {
      if (event.origin !== origin || event.source !== (popup as unknown)) return;
      const data: unknown = event.data;
      const relayed = typeof data === 'object' && data !== null && (data as { type?: unknown }).type === POPUP_MESSAGE ? (data as { url?: unknown }).url : undefined;
      const params = typeof relayed === 'string' ? callbackParams(relayed, responseType) : undefined;
      const answered = params?.get('state');
      if (typeof relayed !== 'string' || !params || !answered || !constantTimeEqual(answered, state)) return;
      finish();
      popup.close();
      resolve({ url: relayed, params });
    };
    const watch = (): void => {
      // Seen closed twice: the popup posts its answer just before it closes itself, and that message may still be on its way.
      if (popup.closed && closedOnce) {
        fail(authError('OAuthPopupClosed', 'The sign-in popup was closed before the sign-in finished.', source));
        return;
      }
      closedOnce = popup.closed;
      poll = timers.setTimeout(watch, CLOSED_POLL_MS);
    };
    const timeout = timers.setTimeout(() => fail(authError('OAuthPopupTimeout', `The sign-in popup got no answer within ${timeoutMs} ms.`, source)), timeoutMs);
    page.addEventListener('message', onMessage);
    if (popup.closed) {
      fail(authError('OAuthPopupClosed', 'The sign-in popup was closed before the sign-in started.', source));
    } else {
      try {
        // Centred over this window (opened at the browser's default place: placing it at start costs bytes every page loads).
        if (!ownFeatures) popup.moveTo(page.screenX + (page.outerWidth - 500) / 2, page.screenY + (page.outerHeight - 650) / 2);
        popup.location.replace(url);
      } catch (thrown) {
        fail(thrown);
        return;
      }
      watch();
    }
  });
}
