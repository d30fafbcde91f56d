// The Authenticator from the BUILT package under <LazyAuthProvider>, as an app's whole entry (Vite's
// defaults split the engine into its own chunk). Plain JSX, not type-checked, so the type-check does not
// depend on a build. The config (and any props) come from localStorage.
import { createRoot } from 'react-dom/client';
import { Authenticator, LazyAuthProvider } from '../../../dist/index.js';
import '../../../dist/styles.css';

const stored = window.localStorage.getItem('lazy-config');
// The Authenticator's props, when a test sets them (e.g. the popup test's social buttons).
const props = JSON.parse(window.localStorage.getItem('lazy-props') ?? '{}');
if (stored) {
  window.loadedAt = window.location.href;
  createRoot(document.getElementById('root')).render(
    <LazyAuthProvider config={JSON.parse(stored)}>
      <Authenticator {...props}>
        {({ user, signOut }) => (
          <button type="button" onClick={signOut}>
            Sign out {user?.username}
          </button>
        )}
      </Authenticator>
    </LazyAuthProvider>,
  );
}
