'use client';
import { useId, useState } from 'react';
import type { AuthUser, CodeDeliveryDetails } from '../../core/index';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { LinkButton } from '../primitives/LinkButton';
import { ScreenForm } from '../primitives/ScreenForm';
import { SubmitButton } from '../primitives/SubmitButton';
import { useScreenAction } from '../useScreenAction';
import type { ContactAttribute } from '../contacts';

export type { ContactAttribute } from '../contacts';

export interface VerifyUserProps {
  className?: string;
  /** The contacts to choose from (see `unverifiedContacts`). */
  contacts: readonly ContactAttribute[];
  /** The user, for showing the address next to each choice. */
  user: AuthUser;
  /** Called once Cognito sent the code for `attribute`. */
  onCodeSent: (attribute: ContactAttribute, details: CodeDeliveryDetails | undefined) => void;
  /** Leave the contact unverified and go on to the app. */
  onSkip: () => void;
}

/** After sign-in: pick an unverified email or phone and send it a code, or skip. */
export function VerifyUser({ className, contacts, user, onCodeSent, onSkip }: VerifyUserProps) {
  const { t } = useFullTranslate();
  const send = useScreenAction('verifyCurrentUserAttribute');
  const [choice, setChoice] = useState<ContactAttribute>(contacts[0] ?? 'email');
  const name = useId();
  const submit = async () => {
    const result = await send.submit(choice);
    if (result !== undefined) onCodeSent(choice, result.codeDeliveryDetails);
  };
  return (
    <ScreenForm
      screen="verifyUser"
      className={className}
      heading={t('verifyUser.heading')}
      error={send.message}
      errorId={send.alertId}
      onSubmit={() => void submit()}
      footer={<LinkButton onClick={onSkip}>{t('verifyUser.skip')}</LinkButton>}
    >
      <p className="crk-text">{t('verifyUser.description')}</p>
      <fieldset className="crk-radio-group">
        <legend className="crk-field__label">{t('verifyUser.legend')}</legend>
        {contacts.map((contact) => (
          <label key={contact} className="crk-radio" data-checked={choice === contact || undefined}>
            <input type="radio" name={name} value={contact} checked={choice === contact} onChange={() => setChoice(contact)} />
            <span>
              {t(contact === 'email' ? 'attribute.email' : 'attribute.phone_number')}: {user.attributes[contact]}
            </span>
          </label>
        ))}
      </fieldset>
      <SubmitButton label={t('verifyUser.submit')} pendingLabel={t('verifyUser.pending')} pending={send.pending} />
    </ScreenForm>
  );
}
