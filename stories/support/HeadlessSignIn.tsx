/**
 * A sign-in built on the hooks alone (no prebuilt UI): the app owns the markup, the engine owns
 * the flow. `useAuth` gives state and actions; `useAuthAction` adds pending + typed error per call.
 */
import { useAuth, useAuthAction } from 'cognito-react-kit';
import { useState, type FormEvent } from 'react';

export function HeadlessSignIn() {
  const user = useAuth((s) => s.user);
  const step = useAuth((s) => s.nextStep?.signInStep);
  const signOut = useAuth((s) => s.signOut);
  if (user) {
    return (
      <section aria-label="Account">
        <p>Hi {user.username}!</p>
        <button type="button" onClick={() => void signOut()}>
          Log out
        </button>
      </section>
    );
  }
  return step === 'CONFIRM_SIGN_IN_WITH_SMS_CODE' ? <CodeForm /> : <PasswordForm />;
}

function PasswordForm() {
  const signIn = useAuthAction('signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.run({ username, password }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit} aria-label="Log in">
      <label>
        Email or username <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" />
      </label>
      <label>
        Secret <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      </label>
      <button type="submit" disabled={signIn.isPending}>
        {signIn.isPending ? 'Checking…' : 'Log in'}
      </button>
      {signIn.error ? <p role="alert">Failed: {signIn.error.name}</p> : null}
    </form>
  );
}

function CodeForm() {
  const confirm = useAuthAction('confirmSignIn');
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.run({ challengeResponse: code }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit} aria-label="Text message code">
      <label>
        Code from the text <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" />
      </label>
      <button type="submit" disabled={confirm.isPending}>
        Verify
      </button>
      {confirm.error ? <p role="alert">Failed: {confirm.error.name}</p> : null}
    </form>
  );
}
