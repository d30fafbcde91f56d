import { useAuth, useAuthAction } from 'cognito-react-kit';
import type { FormEvent } from 'react';

const field = (event: FormEvent<HTMLFormElement>, name: string) => String(new FormData(event.currentTarget).get(name) ?? '');

/** A hand-made sign-in on `useAuth` + `useAuthAction`: the screen is the engine's `nextStep`. */
export function CustomSignIn() {
  const step = useAuth((s) => s.nextStep?.signInStep);
  const signIn = useAuthAction('signIn');
  const confirm = useAuthAction('confirmSignIn');

  if (step === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') {
    const submit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      confirm.run({ challengeResponse: field(event, 'code') }).catch(() => undefined); // shown below from confirm.error
    };
    return (
      <form className="demo-form" onSubmit={submit} aria-label="Custom TOTP code">
        <label>
          Authenticator code <input name="code" autoComplete="one-time-code" inputMode="numeric" required />
        </label>
        <button type="submit" disabled={confirm.isPending}>
          Verify code
        </button>
        {confirm.error ? <p role="alert">{confirm.error.name}</p> : null}
      </form>
    );
  }
  if (step && step !== 'DONE') return <p className="demo-note">Next step: {step}. Continue in the Authenticator.</p>;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.run({ username: field(event, 'email'), password: field(event, 'password') }).catch(() => undefined);
  };
  return (
    <form className="demo-form" onSubmit={submit} aria-label="Custom sign-in">
      <label>
        Email <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in (custom form)'}
      </button>
      {signIn.error ? <p role="alert">{signIn.error.name}</p> : null}
    </form>
  );
}
