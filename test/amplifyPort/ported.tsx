/**
 * original.tsx ported to cognito-react-kit: only the imports differ (sameSource.test.ts).
 */
import { Amplify, I18n, signUp, type SignUpInput } from 'cognito-react-kit/amplify';
import { Authenticator, useAuthenticator, withAuthenticator } from 'cognito-react-kit';
import 'cognito-react-kit/styles.css';
// ---- end of imports ----

export function configureApp(outputs: Parameters<typeof Amplify.configure>[0]): void {
  Amplify.configure(outputs);
  I18n.putVocabularies({ en: { 'Back to Sign In': 'Return to sign-in' }, fr: { 'Sign In': 'Se connecter', 'Create Account': 'Créer un compte' } });
  I18n.setLanguage('en');
}

export const components = {
  Header() {
    return <p className="brand">Acme Corp</p>;
  },
  Footer() {
    return <p className="legal">© Acme Corp</p>;
  },
  SignIn: {
    Header() {
      return <p>Welcome back to Acme</p>;
    },
    Footer() {
      const { toForgotPassword } = useAuthenticator();
      return (
        <button type="button" onClick={toForgotPassword}>
          Trouble signing in?
        </button>
      );
    },
  },
  SignUp: {
    FormFields() {
      const { validationErrors } = useAuthenticator();
      const error = validationErrors['acknowledgement'];
      return (
        <>
          <Authenticator.SignUp.FormFields />
          <label>
            <input type="checkbox" name="acknowledgement" value="yes" />I agree with the Terms and Conditions
          </label>
          {error ? <p role="alert">{String(error)}</p> : null}
        </>
      );
    },
  },
};

export const formFields = {
  signIn: {
    username: { label: 'Work email', placeholder: 'you@acme.example' },
  },
  signUp: {
    email: { order: 1, label: 'Work email', placeholder: 'you@acme.example' },
    password: { order: 2 },
    confirm_password: { order: 3, label: 'Repeat password' },
  },
  confirmSignUp: {
    confirmation_code: { label: 'Emailed code', placeholder: '6 digits' },
  },
};

export const services = {
  async validateCustomSignUp(formData: Record<string, string>) {
    if (!formData['acknowledgement']) return { acknowledgement: 'You must agree to the Terms and Conditions' };
    return undefined;
  },
  // Addresses are case-insensitive for Acme: store them lower-cased.
  handleSignUp: (async (input: SignUpInput) => {
    const { username, password, options } = input;
    const email = options?.userAttributes?.email?.toLowerCase();
    return signUp({
      username: username.toLowerCase(),
      password,
      options: { ...options, userAttributes: { ...options?.userAttributes, ...(email ? { email } : {}) } },
    });
  }) as typeof signUp,
};

function Greeting() {
  const { user, signOut } = useAuthenticator((context) => [context.user]);
  return (
    <main>
      <h1>Hello {user?.username}</h1>
      <button type="button" onClick={signOut}>
        Sign out
      </button>
    </main>
  );
}

export function App() {
  return (
    <Authenticator loginMechanisms={['email']} components={components} formFields={formFields} services={services}>
      <Greeting />
    </Authenticator>
  );
}

/** A second page: the same sign-in as a modal, through withAuthenticator, with the page's own props. */
function Reports({ title, signOut, user }: { title: string; signOut?: () => void; user?: { username: string } }) {
  return (
    <main>
      <h1>
        {title} for {user?.username}
      </h1>
      <button type="button" onClick={() => signOut?.()}>
        Leave
      </button>
    </main>
  );
}

export const ReportsPage = withAuthenticator(Reports, { variation: 'modal', hideSignUp: true, loginMechanisms: ['email'] });

/** The header of a page that has only the provider: it sees the user and can sign out. */
export function AccountBar() {
  const { authStatus, user, signOut } = useAuthenticator((context) => [context.authStatus, context.user]);
  if (authStatus !== 'authenticated') return <p>Not signed in</p>;
  return (
    <nav>
      Signed in as {user?.username}
      <button type="button" onClick={signOut}>
        Sign out everywhere
      </button>
    </nav>
  );
}

export function Shell() {
  return (
    <Authenticator.Provider>
      <AccountBar />
      <App />
    </Authenticator.Provider>
  );
}
