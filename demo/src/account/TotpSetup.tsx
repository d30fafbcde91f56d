import { buildTotpUri, useAuth, useAuthAction } from 'cognito-react-kit';
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';

/** TOTP MFA: get a secret, show it (QR code and text), verify a code, make TOTP the preferred MFA. */
export function TotpSetup() {
  const email = useAuth((s) => s.user?.attributes['email'] ?? s.user?.username ?? '');
  const { run: loadPreferred } = useAuthAction('getPreferredMFA');
  const setup = useAuthAction('setupTOTP');
  const verify = useAuthAction('verifyTotpToken');
  const prefer = useAuthAction('setPreferredMFA');
  const [qr, setQr] = useState('');
  const [enabled, setEnabled] = useState(false);
  const secret = setup.data;
  const error = setup.error ?? verify.error ?? prefer.error;

  useEffect(() => {
    loadPreferred().then((mfa) => setEnabled(mfa === 'SOFTWARE_TOKEN_MFA'), () => undefined);
  }, [loadPreferred]);
  useEffect(() => {
    if (!secret) return;
    let live = true;
    QRCode.toDataURL(buildTotpUri({ secret, username: email, issuer: 'cognito-react-kit demo' })).then((url) => live && setQr(url), () => undefined);
    return () => {
      live = false;
    };
  }, [secret, email]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    verify
      .run(code)
      .then(() => prefer.run('TOTP'))
      .then(() => {
        setEnabled(true);
        setup.reset();
      })
      .catch(() => undefined);
  };

  return (
    <section aria-labelledby="totp-heading">
      <h4 id="totp-heading">Authenticator app (TOTP)</h4>
      <p role="status">{enabled ? 'TOTP MFA is on.' : 'TOTP MFA is off.'}</p>
      {secret ? (
        <form className="demo-form" onSubmit={submit} aria-label="Set up TOTP">
          {qr ? <img src={qr} alt="QR code for your authenticator app" width={160} height={160} /> : null}
          <p>
            Key: <code data-testid="totp-secret">{secret}</code>
          </p>
          <label>
            Code from the app <input name="code" autoComplete="one-time-code" inputMode="numeric" required />
          </label>
          <button type="submit" disabled={verify.isPending || prefer.isPending}>
            Turn on TOTP
          </button>
        </form>
      ) : (
        <div className="demo-buttons">
          <button type="button" onClick={() => setup.run().catch(() => undefined)} disabled={setup.isPending}>
            Set up an authenticator app
          </button>
          {enabled ? (
            <button type="button" onClick={() => prefer.run('NOMFA').then(() => setEnabled(false), () => undefined)} disabled={prefer.isPending}>
              Turn off TOTP
            </button>
          ) : null}
        </div>
      )}
      {error ? <p role="alert">{error.name}</p> : null}
    </section>
  );
}
