// The bare React form of ../react through <LazyAuthProvider> and useAuth (no kit UI): the engine's code
// loads after the form's first frame (a synchronous storage peek says no session is stored).
import { createRoot } from 'react-dom/client';
import { LazyAuthProvider, useAuth } from 'cognito-react-kit';
import { config } from '../../uiBundleSize/config.js';
import { BareForm } from '../bareForm.jsx';

function SignInForm() {
  const { status, signIn } = useAuth();
  if (status !== 'signedOut') return <p>{status}</p>;
  return (
    <BareForm
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void signIn(String(data.get('username')), String(data.get('password')));
      }}
    />
  );
}

// Every import has been evaluated by now: the bench reads this mark to split load + evaluation from rendering.
performance.mark("app-start");
createRoot(document.getElementById('root')).render(
  <LazyAuthProvider config={config}>
    <SignInForm />
  </LazyAuthProvider>,
);
