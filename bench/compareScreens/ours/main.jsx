// Our <Authenticator> on the screen named by ?screen= (signIn, signUp, forgotPassword), as an app renders it.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator } from 'cognito-react-kit';
import 'cognito-react-kit/styles.css';
import { config } from '../../uiBundleSize/config.js';

const screen = new URLSearchParams(location.search).get('screen') ?? 'signIn';
createRoot(document.getElementById('root')).render(
  <AuthProvider config={config}>
    <Authenticator initialState={screen} />
  </AuthProvider>,
);
