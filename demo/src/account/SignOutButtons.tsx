import { ErrorAlert, useAuthAction } from 'cognito-react-kit';

/**
 * Local sign-out, and global sign-out (every device; cognito-local does not implement it, so the
 * page shows Cognito's error name and message). The kit's button and account-section classes.
 */
export function SignOutButtons() {
  const signOut = useAuthAction('signOut');
  return (
    <section className="crk-authenticator crk-account" aria-labelledby="sign-out-heading">
      <h4 id="sign-out-heading" className="crk-heading crk-account__heading">
        Sign out
      </h4>
      <div className="crk-account__actions">
        <button type="button" className="crk-button crk-button--primary" onClick={() => signOut.run().catch(() => undefined)} disabled={signOut.isPending}>
          Sign out
        </button>
        <button type="button" className="crk-button" onClick={() => signOut.run({ global: true }).catch(() => undefined)} disabled={signOut.isPending}>
          Sign out everywhere
        </button>
      </div>
      <ErrorAlert message={signOut.error ? `${signOut.error.name}: ${signOut.error.message}` : null} />
    </section>
  );
}
