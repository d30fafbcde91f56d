// The Authenticator from the BUILT package with popup social sign-in, rendered on every page load (so
// the popup, which comes back to this page, runs it too, as an app's redirect page would). Plain JSX,
// not type-checked, so the type-check does not depend on a build. The config and props come from localStorage.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator } from '../../../dist/index.js';
import '../../../dist/styles.css';

const stored = window.localStorage.getItem('popup-ui');
if (stored) {
  const { config, props } = JSON.parse(stored);
  window.loadedAt = window.location.href;
  createRoot(document.getElementById('root')).render(
    <AuthProvider config={config}>
      <Authenticator {...props} />
    </AuthProvider>,
  );
}
