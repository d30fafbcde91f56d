import { CodeField, ErrorAlert, Field, SubmitButton, useAuth, useAuthAction, useTranslate } from 'cognito-react-kit';
import { useState, type FormEvent } from 'react';

const field = (event: FormEvent<HTMLFormElement>, name: string) => String(new FormData(event.currentTarget).get(name) ?? '').trim();

/**
 * The user's attributes from the id token, an edit form, and email verification with a code: built
 * from the kit's public form parts and account-section classes, so it looks like the account settings
 * below it. The fields are uncontrolled: what was typed stays after a failure.
 */
export function Attributes() {
  const attributes = useAuth((s) => s.user?.attributes) ?? {};
  const { tError } = useTranslate();
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
    <section className="crk-authenticator crk-account" aria-labelledby="attributes-heading">
      <h4 id="attributes-heading" className="crk-heading crk-account__heading">
        Attributes
      </h4>
      <dl className="demo-attributes crk-account__list">
        {Object.entries(attributes).map(([name, value]) => (
          <div key={name} className="crk-account__item">
            <dt className="crk-account__item-name">{name}</dt>
            <dd className="crk-account__item-detail">{String(value)}</dd>
          </div>
        ))}
      </dl>
      <form className="crk-form" onSubmit={save} aria-label="Edit attributes">
        <Field label="Name" name="name" defaultValue={attributes['name'] ?? ''} autoComplete="name" />
        <Field label="Email" name="email" type="email" defaultValue={attributes['email'] ?? ''} autoComplete="email" inputMode="email" />
        <SubmitButton label="Save attributes" pendingLabel="Saving…" pending={update.isPending} />
      </form>
      {attributes['email_verified'] !== 'true' && !awaitingCode ? (
        <div className="crk-account__actions">
          <SubmitButton
            type="button"
            label="Send a code to verify my email"
            pendingLabel="Sending…"
            pending={sendCode.isPending}
            onClick={() => sendCode.run('email').then(() => setAwaitingCode(true), () => undefined)}
          />
        </div>
      ) : null}
      {awaitingCode ? (
        <form className="crk-form crk-account__panel" onSubmit={submitCode} aria-label="Verify email">
          <CodeField label="Email verification code" name="code" required />
          <SubmitButton label="Verify email" pendingLabel="Verifying…" pending={verify.isPending} />
        </form>
      ) : null}
      <ErrorAlert message={error ? tError(error.name) : null} />
      {/* Always in the page: a live region must exist before it speaks. */}
      <p className="crk-account__status" role="status">
        {saved ? 'Attributes saved.' : ''}
      </p>
    </section>
  );
}
