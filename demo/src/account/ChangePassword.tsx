import { useAuthAction } from 'cognito-react-kit';
import type { FormEvent } from 'react';

/** `changePassword(old, new)` on the signed-in user. */
export function ChangePassword() {
  const change = useAuthAction('changePassword');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    change
      .run({ oldPassword: String(data.get('old') ?? ''), newPassword: String(data.get('new') ?? '') })
      .then(() => form.reset())
      .catch(() => undefined);
  };
  return (
    <section aria-labelledby="password-heading">
      <h4 id="password-heading">Change password</h4>
      <form className="demo-form" onSubmit={submit} aria-label="Change password">
        <label>
          Current password <input name="old" type="password" autoComplete="current-password" required />
        </label>
        <label>
          New password <input name="new" type="password" autoComplete="new-password" required />
        </label>
        <button type="submit" disabled={change.isPending}>
          Change password
        </button>
        {change.data ? <p role="status">Password changed.</p> : null}
        {change.error ? <p role="alert">{change.error.name}</p> : null}
      </form>
    </section>
  );
}
