// Hydrates what the server streamed. The server's bail-out (the session is known only here) comes
// back as a recoverable error: recognised and skipped, anything else is reported as usual.
import { hydrateRoot } from 'react-dom/client';
import { isAuthServerBailout } from '../../../dist/index.js';
import { App } from './App.jsx';

hydrateRoot(document.getElementById('root'), <App config={window.__CONFIG__} />, {
  onRecoverableError(error, errorInfo) {
    if (!isAuthServerBailout(error, errorInfo)) reportError(error);
  },
});
