// The bare React form of ../react, shown by our engine and hooks (no kit UI): what a correct first frame costs
// on its own: the engine loaded, and the stored session read before the first render, so a signed-in user
// never sees the form flash.
import { createRoot } from 'react-dom/client';
import { AuthProvider, useAuth } from 'cognito-react-kit';
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
  <AuthProvider config={config}>
    <SignInForm />
  </AuthProvider>,
);
