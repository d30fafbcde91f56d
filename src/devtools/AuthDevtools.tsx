import { lazy, Suspense, useContext, useState, type CSSProperties } from 'react';
import type { Auth } from '../core/index';
import { AuthContext } from '../react/context';

export interface AuthDevtoolsProps {
  /** The engine to inspect. Default: the nearest `<AuthProvider>`'s. */
  auth?: Auth | undefined;
  /** Open at first render (else a small "Auth" button opens it). Default: false. */
  initialIsOpen?: boolean;
  /** Where the button and the panel sit on the page. Default: `'bottom-right'`. */
  position?: 'bottom-right' | 'bottom-left';
}

// The panel (collector, view, claims decoding) is a chunk of its own, fetched when the devtools open.
const Panel = /* @__PURE__ */ lazy(() => import('./DevtoolsPanel'));

/**
 * The devtools in any build: a button that opens the panel (loaded on demand). For apps that want the
 * devtools in production too; `AuthDevtools` is the same but renders nothing in production builds.
 */
export function AuthDevtoolsPanel({ auth, initialIsOpen = false, position = 'bottom-right' }: AuthDevtoolsProps) {
  const fromProvider = useContext(AuthContext);
  const [open, setOpen] = useState(initialIsOpen);
  const engine = auth ?? fromProvider;
  if (!engine) throw new Error('cognito-react-kit/devtools: pass `auth`, or render <AuthDevtools /> inside an <AuthProvider>.');
  const side: CSSProperties = position === 'bottom-left' ? { left: '0.5rem' } : { right: '0.5rem' };
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} style={{ position: 'fixed', bottom: '0.5rem', zIndex: 99999, ...side }}>
        Auth devtools
      </button>
    );
  }
  return (
    <div style={{ position: 'fixed', bottom: 0, zIndex: 99999, maxHeight: '50vh', width: 'min(40rem, 100vw)', overflow: 'auto', boxShadow: '0 0 8px #0004', ...side }}>
      <Suspense fallback={<p>Loading auth devtools…</p>}>
        <Panel auth={engine} onClose={() => setOpen(false)} />
      </Suspense>
    </div>
  );
}

/**
 * TanStack-style devtools for the auth engine: renders nothing in production builds (bundlers replace
 * `process.env.NODE_ENV` and drop the panel); `AuthDevtoolsPanel` keeps it in any build.
 */
export const AuthDevtools: (props: AuthDevtoolsProps) => ReturnType<typeof AuthDevtoolsPanel> | null =
  process.env.NODE_ENV === 'production' ? () => null : AuthDevtoolsPanel;
