// An app that keeps the devtools in production on purpose: AuthDevtoolsPanel, its panel in a chunk of its own.
import { createRoot } from 'react-dom/client';
import { AuthProvider } from '../../../dist/index.js';
import { AuthDevtoolsPanel } from '../../../dist/devtools.js';

createRoot(document.body).render(
  <AuthProvider config={{ userPoolId: 'us-east-1_example', userPoolWebClientId: 'example' }}>
    <AuthDevtoolsPanel />
  </AuthProvider>,
);
