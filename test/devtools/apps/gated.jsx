// An app that renders <AuthDevtools /> as the docs say; in a production build it must carry none of the panel.
import { createRoot } from 'react-dom/client';
import { AuthProvider } from '../../../dist/index.js';
import { AuthDevtools } from '../../../dist/devtools.js';

createRoot(document.body).render(
  <AuthProvider config={{ userPoolId: 'us-east-1_example', userPoolWebClientId: 'example' }}>
    <AuthDevtools initialIsOpen />
  </AuthProvider>,
);
