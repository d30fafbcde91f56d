// (c) Full prebuilt UI: <AuthProvider config><Authenticator/></AuthProvider> and the stylesheet.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator } from 'cognito-react-kit';
import 'cognito-react-kit/styles.css';
import { config } from './config.js';

createRoot(document.getElementById('root')).render(
  <AuthProvider config={config}>
    <Authenticator />
  </AuthProvider>,
);
