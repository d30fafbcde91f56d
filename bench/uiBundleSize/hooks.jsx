// (b) Engine + hooks, no UI: <AuthProvider config> and a component reading useAuth().
import { createRoot } from 'react-dom/client';
import { AuthProvider, useAuth } from 'cognito-react-kit';
import { config } from './config.js';

function Status() {
  const { status, isAuthenticated, signOut } = useAuth();
  return (
    <div>
      <p>{status}</p>
      {isAuthenticated ? <button onClick={() => void signOut()}>Sign out</button> : null}
    </div>
  );
}

createRoot(document.getElementById('root')).render(
  <AuthProvider config={config}>
    <Status />
  </AuthProvider>,
);
