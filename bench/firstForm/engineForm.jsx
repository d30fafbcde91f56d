// The bare form of ./bareForm.jsx on our hooks (useAuth), for the engine and lazyEngine pages: the form
// while signed out, the status otherwise; submitting signs in.
import { useAuth } from 'cognito-react-kit';
import { BareForm } from './bareForm.jsx';

export function EngineForm() {
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
