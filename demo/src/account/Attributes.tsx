import { useAuth, useAuthAction } from 'cognito-react-kit';
import { useState, type FormEvent } from 'react';

const field = (event: FormEvent<HTMLFormElement>, name: string) => String(new FormData(event.currentTarget).get(name) ?? '').trim();

/** The user's attributes from the id token, an edit form, and email verification with a code. */
export function Attributes() {
  const attributes = useAuth((s) => s.user?.attributes) ?? {};
  const update = useAuthAction('updateUserAttributes');
  const sendCode = useAuthAction('verifyCurrentUserAttribute');
  const verify = useAuthAction('verifyCurrentUserAttributeSubmit');
  const [awaitingCode, setAwaitingCode] = useState(false);
  const [saved, setSaved] = useState(false);
  const error = update.error ?? sendCode.error ?? verify.error;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = field(event, 'name');
    const email = field(event, 'email');
    setSaved(false);
    const changes = { ...(name ? { name } : {}), ...(email ? { email } : {}) };
    update
      .run(changes)
      .then(() => {
        setSaved(true);
        // Cognito sends a code to a new address; it stays unverified until that code comes back.
        if (email && email !== attributes['email']) setAwaitingCode(true);
      })
      .catch(() => undefined);
  };
  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    verify
      .run('email', field(event, 'code'))
      .then(() => setAwaitingCode(false))
      .catch(() => undefined);
  };

  return (
    <section aria-labelledby="attributes-heading">
      <h4 id="attributes-heading">Attributes</h4>
      <dl className="demo-attributes">
        {Object.entries(attributes).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{String(value)}</dd>
          </div>
        ))}
      </dl>
      <form className="demo-form" onSubmit={save} aria-label="Edit attributes">
        <label>
          Name <input name="name" defaultValue={attributes['name'] ?? ''} autoComplete="name" />
        </label>
        <label>
          Email <input name="email" type="email" defaultValue={attributes['email'] ?? ''} autoComplete="email" />
        </label>
        <button type="submit" disabled={update.isPending}>
          Save attributes
        </button>
        {saved ? <p role="status">Attributes saved.</p> : null}
      </form>
      {attributes['email_verified'] !== 'true' && !awaitingCode ? (
        <button type="button" onClick={() => sendCode.run('email').then(() => setAwaitingCode(true), () => undefined)} disabled={sendCode.isPending}>
          Send a code to verify my email
        </button>
      ) : null}
      {awaitingCode ? (
        <form className="demo-form" onSubmit={submitCode} aria-label="Verify email">
          <label>
            Email verification code <input name="code" autoComplete="one-time-code" inputMode="numeric" required />
          </label>
          <button type="submit" disabled={verify.isPending}>
            Verify email
          </button>
        </form>
      ) : null}
      {error ? <p role="alert">{error.name}</p> : null}
    </section>
  );
}
