import { useAuthEngine, type PasskeyInfo } from 'cognito-react-kit';
import { useCallback, useEffect, useState } from 'react';

/**
 * `associateWebAuthnCredential()` (the browser's passkey prompt) and `listWebAuthnCredentials()`.
 * A pool without passkeys (cognito-local has none) fails the listing: the section says so and stops there.
 */
export function Passkeys() {
  const auth = useAuthEngine();
  const [passkeys, setPasskeys] = useState<PasskeyInfo[] | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [unavailable, setUnavailable] = useState<string | undefined>(undefined);

  const fail = (reason: unknown) => setError(reason instanceof Error ? reason.name : String(reason));
  const refresh = useCallback(
    () =>
      auth
        .listWebAuthnCredentials()
        .then((page) => setPasskeys(page.credentials))
        .catch((reason: unknown) => setUnavailable(reason instanceof Error ? reason.name : String(reason))),
    [auth],
  );
  useEffect(() => void refresh(), [refresh]);

  const add = () => {
    setPending(true);
    setError(undefined);
    auth
      .associateWebAuthnCredential()
      .then(refresh)
      .catch(fail)
      .finally(() => setPending(false));
  };

  if (unavailable) {
    return (
      <section aria-labelledby="passkeys-heading">
        <h4 id="passkeys-heading">Passkeys</h4>
        <p>Not available on this server ({unavailable}).</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="passkeys-heading">
      <h4 id="passkeys-heading">Passkeys</h4>
      {passkeys ? (
        <ul aria-label="Your passkeys">
          {passkeys.map((p) => (
            <li key={p.credentialId}>{p.friendlyCredentialName ?? p.credentialId}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" onClick={add} disabled={pending}>
        Add a passkey
      </button>
      {passkeys && passkeys.length > 0 ? <p role="status">{passkeys.length === 1 ? 'You have 1 passkey.' : `You have ${passkeys.length} passkeys.`}</p> : null}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
