// A small app on the BUILT package (dist/index.js, as an app would get it), bundled by Vite with
// default settings and React from node_modules. Plain JSX, not type-checked, so the type-check does
// not depend on a build having run. The test calls window.startApp(config) once per tab.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider, useAuth, useAuthAction, useSession } from '../../../dist/index.js';

function Status() {
  const status = useAuth((s) => s.status);
  const username = useAuth((s) => s.user?.username ?? '');
  return (
    <p>
      <output id="status">{status}</output> <output id="user">{username}</output>
    </p>
  );
}

// What the data hooks see: the access token's last characters (the provider invalidates the
// session query on every token refresh).
function Token() {
  const session = useSession();
  return <output id="token">{session.data ? session.data.accessToken.slice(-16) : session.status}</output>;
}

function SignInForm() {
  const signIn = useAuthAction('signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event) => {
    event.preventDefault();
    signIn.run(username, password).catch(() => undefined);
  };
  return (
    <form onSubmit={submit}>
      <label>
        Username <input value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        Password <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" disabled={signIn.isPending}>
        Sign in
      </button>
      <output id="error">{signIn.error ? signIn.error.name : ''}</output>
    </form>
  );
}

function App() {
  const auth = useAuth();
  const isAuthenticated = auth.isAuthenticated;
  // The bound engine actions of this tab's provider, for the test to call (currentSession()).
  useEffect(() => {
    window.__auth = auth;
  }, [auth]);
  return (
    <main>
      <Status />
      {isAuthenticated ? (
        <>
          <Token />
          <button type="button" onClick={() => auth.signOut()}>
            Sign out
          </button>
        </>
      ) : (
        <SignInForm />
      )}
    </main>
  );
}

window.startApp = (config) => {
  createRoot(document.getElementById('root')).render(
    <AuthProvider config={config} options={{ autoRefresh: false, refreshMarginSeconds: 1 }}>
      <App />
    </AuthProvider>,
  );
};
