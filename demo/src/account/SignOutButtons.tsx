import { useAuthAction } from 'cognito-react-kit';

/** Local sign-out, and global sign-out (every device; cognito-local does not implement it). */
export function SignOutButtons() {
  const signOut = useAuthAction('signOut');
  return (
    <section aria-labelledby="sign-out-heading">
      <h4 id="sign-out-heading">Sign out</h4>
      <div className="demo-buttons">
        <button type="button" onClick={() => signOut.run().catch(() => undefined)} disabled={signOut.isPending}>
          Sign out
        </button>
        <button type="button" onClick={() => signOut.run({ global: true }).catch(() => undefined)} disabled={signOut.isPending}>
          Sign out everywhere
        </button>
      </div>
      {signOut.error ? (
        <p role="alert">
          {signOut.error.name}: {signOut.error.message}
        </p>
      ) : null}
    </section>
  );
}
