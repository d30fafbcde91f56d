// The Authenticator from the BUILT package under <LazyAuthProvider>, as an app's whole entry (Vite's
// defaults split the engine into its own chunk). Plain JSX, not type-checked, so the type-check does not
// depend on a build. The config comes from localStorage.
import { createRoot } from 'react-dom/client';
import { Authenticator, LazyAuthProvider } from '../../../dist/index.js';
import '../../../dist/styles.css';

const stored = window.localStorage.getItem('lazy-config');
if (stored) {
  createRoot(document.getElementById('root')).render(
    <LazyAuthProvider config={JSON.parse(stored)}>
      <Authenticator>
        {({ user, signOut }) => (
          <button type="button" onClick={signOut}>
            Sign out {user?.username}
          </button>
        )}
      </Authenticator>
    </LazyAuthProvider>,
  );
}
