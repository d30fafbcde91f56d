/** Sign in in a popup window instead of leaving the page (`federatedSignIn({ popup })`). */
export interface PopupOptions {
  /** Give up (closing the popup) when no answer came within this many ms. Default 300000 (5 minutes). */
  timeoutMs?: number;
  /** `window.open` features of the popup (never `noopener`: the answer comes back through it). Default: 500×650, centred over this window. */
  windowFeatures?: string;
}

/** What the opener needs of the popup window. */
export interface PopupWindow {
  readonly closed: boolean;
  close(): void;
  moveTo(x: number, y: number): void;
  readonly location: { replace(url: string): void };
}

/** The popup's size (its position comes once it is open, from the lazily loaded code: nothing to spare at start). */
export const POPUP_FEATURES = 'popup,width=500,height=650';

/**
 * A popup sign-in's `state` starts with this, so its callback page (in the popup, maybe without a
 * copy of this tab's sessionStorage) knows to hand the answer to its opener instead of exchanging the code.
 */
export const POPUP_STATE = 'popup.';

/**
 * Where a caller that had to open the popup itself (`<LazyAuthProvider>`'s stand-in, before the engine's
 * code arrived) hands it to `federatedSignIn`'s options: a symbol, so no app option can collide with it.
 */
export const OPENED_POPUP: unique symbol = Symbol('cognito-react-kit.openedPopup');

/**
 * Opened blank at once, in the task of the user's click (browsers allow a popup only there); it gets
 * the authorize URL once that is built. Null when the browser blocked it (or has no `window.open`).
 */
export function openPopup(options: true | PopupOptions): PopupWindow | null {
  const page = globalThis as { open?: (url: string, target: string, features: string) => PopupWindow | null };
  return page.open?.('', '_blank', (options !== true && options.windowFeatures) || POPUP_FEATURES) ?? null;
}
