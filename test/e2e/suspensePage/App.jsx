// The app of the streaming-SSR page, rendered by the test's node server (renderToPipeableStream)
// and hydrated by client.jsx, both on the BUILT package (dist/index.js). Plain JSX, not type-checked,
// so the type-check does not depend on a build having run.
import { Suspense, use, useState } from 'react';
import { AuthProvider, useAuthAction, useAuthEngine, useSuspenseUser, whenReady } from '../../../dist/index.js';

// For the server's onError (the test's node server imports this module).
export { isAuthServerBailout } from '../../../dist/index.js';

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
      <button type="submit">Sign in</button>
      <output id="error">{signIn.error ? signIn.error.name : ''}</output>
    </form>
  );
}

function Profile() {
  const { data: user } = useSuspenseUser();
  if (!user) return <SignInForm />;
  return <p id="user">Signed in as {user.username}</p>;
}

/** React 19's use() on the engine's readiness; in the same boundary as Profile, whose bail-out keeps it off the server. */
function ReadyStatus() {
  const state = use(whenReady(useAuthEngine()));
  return <p id="ready">Engine ready: {state.status}</p>;
}

export function App({ config }) {
  return (
    <AuthProvider config={config}>
      <h1>Account</h1>
      <Suspense fallback={<p id="fallback">Checking your session…</p>}>
        <Profile />
        <ReadyStatus />
      </Suspense>
    </AuthProvider>
  );
}

/** The whole document, as the server streams it; the browser hydrates #root. */
export function Document({ config }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>Suspense hooks, streamed</title>
      </head>
      <body>
        <div id="root">
          <App config={config} />
        </div>
      </body>
    </html>
  );
}
