import { useAuth } from 'cognito-react-kit';
import { Attributes } from './Attributes';
import { ChangePassword } from './ChangePassword';
import { Passkeys } from './Passkeys';
import { SignOutButtons } from './SignOutButtons';
import { TotpSetup } from './TotpSetup';

/** What a signed-in user sees: who they are, their attributes, security settings, sign-out. */
export function SignedInPage() {
  const user = useAuth((s) => s.user);
  if (!user) return null;
  return (
    <div className="demo-account">
      <h3>Signed in as {user.attributes['email'] ?? user.username}</h3>
      <Attributes />
      <TotpSetup />
      <ChangePassword />
      <Passkeys />
      <SignOutButtons />
    </div>
  );
}
