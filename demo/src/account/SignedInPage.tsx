import { AccountSettings, useAuth } from 'cognito-react-kit';
import { onCognitoLocal } from '../config';
import { Attributes } from './Attributes';
import { SignOutButtons } from './SignOutButtons';

/**
 * What a signed-in user sees: who they are, their attributes, the kit's account settings (password,
 * MFA, passkeys, devices, deletion), sign-out. On cognito-local, which has no passkeys, device listing
 * or email MFA, those are left out.
 */
export function SignedInPage() {
  const user = useAuth((s) => s.user);
  if (!user) return null;
  return (
    <div className="demo-account">
      <h3>Signed in as {user.attributes['email'] ?? user.username}</h3>
      <Attributes />
      <AccountSettings.ChangePassword />
      <AccountSettings.MfaSettings headingLevel={4} totpIssuer="cognito-react-kit demo" {...(onCognitoLocal ? { methods: ['TOTP', 'SMS'] as const } : {})} />
      {onCognitoLocal ? null : <AccountSettings.PasskeySettings headingLevel={4} />}
      {onCognitoLocal ? null : <AccountSettings.DeviceSettings headingLevel={4} />}
      <AccountSettings.DeleteUser />
      <SignOutButtons />
    </div>
  );
}
