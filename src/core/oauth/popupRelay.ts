/** The message a popup's callback page sends its opener: the callback URL, nothing else. */
export const POPUP_MESSAGE = 'cognito-react-kit:oauth-callback';

interface PopupGlobals {
  opener?: { postMessage(message: unknown, targetOrigin: string): void } | null;
  location?: { href: string; origin: string };
  close?: () => void;
}

/**
 * On the redirect page inside a sign-in popup: hands the callback URL to the page that opened the
 * popup, and closes the popup. The message goes to this page's own origin only (an opener on any other
 * origin never receives it); the opener checks the sender and the `state`, and exchanges the code.
 * The engine does this by itself on start; call it on a lightweight callback page without an engine.
 * False when there is nothing to relay (no opener, or no `state` in the URL).
 */
export function relayPopupCallback(url?: string): boolean {
  const page = globalThis as PopupGlobals;
  const href = url ?? page.location?.href;
  const opener = page.opener;
  if (!href || !page.location || !opener || opener === (globalThis as unknown) || !/[?#&]state=/.test(href)) return false;
  opener.postMessage({ type: POPUP_MESSAGE, url: href }, page.location.origin);
  page.close?.();
  return true;
}
