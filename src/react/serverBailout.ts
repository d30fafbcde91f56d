/**
 * What the Suspense hooks throw during server rendering. The server has no access to the browser's
 * storage, so it cannot know the session; React's documented way out is to throw inside a
 * `<Suspense>` boundary: the server sends the boundary's fallback and the browser renders the
 * content itself after hydration. The `digest` lets the app's server `onError` and client
 * `onRecoverableError` recognise it (see docs/react.md, "Suspense").
 */
const DIGEST = 'COGNITO_REACT_KIT_CLIENT_ONLY';

export function serverBailout(): Error & { digest: string } {
  return Object.assign(new Error('cognito-react-kit: the session is known only in the browser; this Suspense boundary renders there.'), {
    digest: DIGEST,
  });
}

/**
 * True for the Suspense hooks' server-rendering bail-out: on the server (`onError`, which must
 * return `error.digest` for the browser to see it) and in the browser (`onRecoverableError`: pass
 * its second argument too, where React 18 puts the digest).
 */
export function isAuthServerBailout(error: unknown, errorInfo?: RecoverableErrorInfo): boolean {
  return digestOf(error) === DIGEST || digestOf(errorInfo) === DIGEST;
}

/** The second argument of React's `onRecoverableError` (React 18 carries the digest there, React 19 on the error). */
export interface RecoverableErrorInfo {
  digest?: string | null | undefined;
  componentStack?: string | null | undefined;
}

function digestOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  // A plain value only: React 19 keeps a `digest` getter on errorInfo that warns when read.
  const own = Object.getOwnPropertyDescriptor(value, 'digest');
  return own && 'value' in own ? own.value : undefined;
}
