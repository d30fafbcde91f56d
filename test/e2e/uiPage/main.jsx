// The drop-in Authenticator from the BUILT package (dist/index.js + dist/styles.css), bundled by Vite
// with default settings. Plain JSX, not type-checked, so the type-check does not depend on a build.
// The test calls window.startApp(config, props) once per page load.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator } from '../../../dist/index.js';
import '../../../dist/styles.css';

window.startApp = (config, props = {}) => {
  createRoot(document.getElementById('root')).render(
    <AuthProvider config={config}>
      <Authenticator {...props} />
    </AuthProvider>,
  );
};
