// Our <Authenticator> against the user pool the bench sets in window.__benchPool before the page runs.
// The signed-in slot offers what the bench drives: remember this device, sign out.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator, useAuthEngine } from 'cognito-react-kit';
import 'cognito-react-kit/styles.css';

const pool = window.__benchPool;
const config = { region: 'us-east-1', userPoolId: pool.userPoolId, userPoolWebClientId: pool.clientId, endpoint: pool.endpoint };

function SignedIn({ signOut }) {
  const engine = useAuthEngine();
  window.__benchRemember = () => engine.rememberDevice();
  return <button data-signed-in onClick={signOut}>Sign out</button>;
}

createRoot(document.getElementById('root')).render(
  <AuthProvider config={config}>
    <Authenticator>{({ signOut }) => <SignedIn signOut={signOut} />}</Authenticator>
  </AuthProvider>,
);
