import { AuthProvider, Authenticator, useAuth } from 'cognito-react-kit';
import 'cognito-react-kit/styles.css';
import { awsExports, choiceBased, hasHostedUi, target } from './config';
import { CustomSignIn } from './CustomSignIn';
import { HostedUiButton } from './HostedUiButton';
import { SignedInPage } from './account/SignedInPage';
import './demo.css';

/** The whole demo: one provider (one engine), driven by three kinds of sign-in UI. */
export function App() {
  return (
    <AuthProvider config={awsExports}>
      <header className="demo-header">
        <h1>cognito-react-kit demo</h1>
        <p>Auth server: {target}.</p>
        <EngineError />
      </header>
      <main className="demo-layout">
        <section className="demo-panel" aria-labelledby="drop-in-heading">
          <h2 id="drop-in-heading">Drop-in &lt;Authenticator&gt;</h2>
          <Authenticator
            loginMechanisms={['email']}
            totpIssuer="cognito-react-kit demo"
            {...(choiceBased ? { passwordless: { passkeyRegistrationPrompts: true } } : {})}
          >
            <SignedInPage />
          </Authenticator>
        </section>
        <SignedOutExtras />
      </main>
    </AuthProvider>
  );
}

/** The other ways in, while nobody is signed in. */
function SignedOutExtras() {
  const status = useAuth((s) => s.status);
  if (status !== 'signedOut') return null;
  return (
    <div className="demo-column">
      <section className="demo-panel" aria-labelledby="custom-heading">
        <h2 id="custom-heading">Custom form on useAuth</h2>
        <p className="demo-note">Both forms drive the same engine: a step started in one shows in the other.</p>
        <CustomSignIn />
      </section>
      {hasHostedUi ? (
        <section className="demo-panel" aria-labelledby="hosted-heading">
          <h2 id="hosted-heading">Hosted UI</h2>
          <HostedUiButton />
        </section>
      ) : null}
    </div>
  );
}

/** The engine's own error, e.g. a hosted-UI return that could not be completed on /callback. */
function EngineError() {
  const error = useAuth((s) => s.error);
  return error ? (
    <p role="alert" className="demo-engine-error">
      Last engine error (useAuth): {error.name}: {error.message}
    </p>
  ) : null;
}
