import { useAuthAction } from 'cognito-react-kit';

/** Leaves for the hosted UI (`oauth.domain`); the engine finishes the sign-in on /callback by itself. */
export function HostedUiButton() {
  const federatedSignIn = useAuthAction('federatedSignIn');
  return (
    <>
      <button type="button" onClick={() => federatedSignIn.run({ customState: 'demo' }).catch(() => undefined)} disabled={federatedSignIn.isPending}>
        Sign in with the hosted UI
      </button>
      {federatedSignIn.error ? <p role="alert">{federatedSignIn.error.name}</p> : null}
    </>
  );
}
