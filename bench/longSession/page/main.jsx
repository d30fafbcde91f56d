// A signed-in page left open: our <Authenticator> whose signed-in content reads useSession and useUser, against
// the user pool the bench sets in window.__benchPool before the page runs.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator, useSession, useUser } from 'cognito-react-kit';
import 'cognito-react-kit/styles.css';

const pool = window.__benchPool;
const config = { region: 'us-east-1', userPoolId: pool.userPoolId, userPoolWebClientId: pool.clientId, endpoint: pool.endpoint };

function Account() {
  const session = useSession();
  const user = useUser();
  return (
    <p data-signed-in>
      {user.data ? `Signed in as ${user.data.username}` : 'Loading'}
      {session.data ? ', session ready' : ''}
    </p>
  );
}

createRoot(document.getElementById('root')).render(
  <AuthProvider config={config}>
    <Authenticator>
      <Account />
    </Authenticator>
  </AuthProvider>,
);
