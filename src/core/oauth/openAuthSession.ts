/** How an in-app browser session ended: the shape of Expo's `WebBrowser.openAuthSessionAsync` result. */
export type AuthSessionResult = { type: 'success'; url: string } | { type: 'cancel' | 'dismiss' | 'opened' | 'locked' };

/**
 * Opens `url` in an in-app browser and resolves when it comes back to `redirectUrl` (the app's deep
 * link), e.g. `(url, redirectUrl) => WebBrowser.openAuthSessionAsync(url, redirectUrl)` with
 * expo-web-browser, or react-native-inappbrowser-reborn's `InAppBrowser.openAuth`.
 */
export type OpenAuthSession = (url: string, redirectUrl: string) => Promise<AuthSessionResult>;
