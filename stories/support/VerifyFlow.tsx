/**
 * What the Authenticator does after a sign-in with an unverified email or phone, with the two
 * screens (VerifyUser → ConfirmVerifyUser) in the story's hands: pick a contact, get a code, type it.
 */
import { ConfirmVerifyUser, useAuth, VerifyUser } from 'cognito-react-kit';
import type { CodeDeliveryDetails } from 'cognito-react-kit/core';
import { useState } from 'react';
import { PASSWORD, PHONE, type Scenario } from './scenario';
import { Frame } from './story';

/** Val just signed in; neither her email nor her phone is verified yet. */
export async function unverifiedUser(s: Scenario): Promise<void> {
  await s.user('val', { attributes: { email: 'val@example.com', email_verified: 'false', phone_number: PHONE, phone_number_verified: 'false' } });
  await s.auth.signIn('val', PASSWORD);
}

type Contact = 'email' | 'phone_number';

export function VerifyFlow({ codeSentTo }: { codeSentTo?: Contact }) {
  const user = useAuth((s) => s.user);
  const [sent, setSent] = useState<{ attribute: Contact; details?: CodeDeliveryDetails } | null>(codeSentTo ? { attribute: codeSentTo } : null);
  const [outcome, setOutcome] = useState<string | null>(null);
  if (!user) return null;
  if (outcome) {
    return (
      <Frame>
        <p className="crk-text" role="status">
          {outcome}
        </p>
      </Frame>
    );
  }
  const skip = () => setOutcome('Skipped: on to the app.');
  return (
    <Frame>
      {sent ? (
        <ConfirmVerifyUser attribute={sent.attribute} codeDeliveryDetails={sent.details} onVerified={() => setOutcome(`Verified your ${sent.attribute}.`)} onSkip={skip} />
      ) : (
        <VerifyUser user={user} contacts={['email', 'phone_number']} onCodeSent={(attribute, details) => setSent({ attribute, ...(details ? { details } : {}) })} onSkip={skip} />
      )}
    </Frame>
  );
}
