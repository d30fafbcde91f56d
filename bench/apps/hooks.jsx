// (b) Engine + hooks, no UI: what bench/apps/amplifyHooks.jsx does, with our provider, useAuth and useSession.
import { createRoot } from 'react-dom/client';
import { AuthProvider, useAuth, useSession } from 'cognito-react-kit';
import { config } from '../uiBundleSize/config.js';

function Status() {
  const { status, isAuthenticated, signIn, signOut } = useAuth();
  const session = useSession();
  return (
    <div>
      <p>{status}</p>
      <p>{session.data ? 'tokens' : ''}</p>
      {isAuthenticated ? (
        <button onClick={() => void signOut()}>Sign out</button>
      ) : (
        <button onClick={() => void signIn('u', 'p')}>Sign in</button>
      )}
    </div>
  );
}

createRoot(document.getElementById('root')).render(
  <AuthProvider config={config}>
    <Status />
  </AuthProvider>,
);
