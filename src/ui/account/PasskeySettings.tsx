'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Auth, PasskeyInfo } from '../../core/index';
import { useAuthEngine } from '../../react/context';
import { useFullTranslate } from '../i18n/useFullTranslate';
import type { AccountCallbacks, ButtonComponent, ErrorMessageComponent } from './accountTypes';
import { AccountHeading, AccountSection, DefaultButton, DefaultErrorMessage, type HeadingLevel } from './defaults';
import { formatDate } from './formatDate';
import { useAccountData } from './useAccountData';
import { useAccountTask } from './useAccountTask';

/** Override points of `<PasskeySettings>`, in the same model as Amplify UI's account settings. */
export interface PasskeySettingsComponents {
  Button?: ButtonComponent;
  ErrorMessage?: ErrorMessageComponent;
}

export interface PasskeySettingsProps extends AccountCallbacks {
  /** Replacements for the buttons and error message. Default: the kit's. */
  components?: PasskeySettingsComponents;
  /** The level of the section's heading, to fit the page's outline. Default: 2. */
  headingLevel?: HeadingLevel;
  className?: string;
}

/**
 * The user's passkeys: each with its name and creation date and a delete button, and "Add a passkey"
 * (the platform's prompt). The list is Cognito's, read again after each change; a live region says
 * what changed, and focus returns to the heading when the focused row is gone.
 */
export function PasskeySettings({ components, onSuccess, onError, headingLevel, className }: PasskeySettingsProps) {
  const auth = useAuthEngine();
  const { t, language } = useFullTranslate();
  const load = useCallback(() => allPasskeys(auth), [auth]);
  const passkeys = useAccountData(load, 'listWebAuthnCredentials');
  const task = useAccountTask('webAuthnCredential');
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const refocus = useRef(false);
  const { Button = DefaultButton, ErrorMessage = DefaultErrorMessage } = components ?? {};
  useEffect(() => {
    if (refocus.current) heading.current?.focus();
    refocus.current = false;
  });

  const act = async (work: () => Promise<void>, message: string, moveFocus: boolean) => {
    setStatus(null);
    if (!(await task.run(work, onError))) return;
    refocus.current = moveFocus;
    await passkeys.reload();
    setStatus(message);
    onSuccess?.();
  };

  return (
    <AccountSection name="passkeys" className={className} status={status}>
      <AccountHeading headingRef={heading} level={headingLevel}>{t('account.passkeys.heading')}</AccountHeading>
      {passkeys.error ? <ErrorMessage>{passkeys.error}</ErrorMessage> : null}
      {passkeys.data === undefined && !passkeys.error ? <p className="crk-text">{t('authenticator.loading')}</p> : null}
      {passkeys.data?.length === 0 ? <p className="crk-text">{t('account.passkeys.empty')}</p> : null}
      {passkeys.data?.length ? (
        <ul className="crk-account__list">
          {passkeys.data.map((passkey) => {
            const name = passkey.friendlyCredentialName || t('account.passkeys.unnamed');
            return (
              <li key={passkey.credentialId} className="crk-account__item">
                <span className="crk-account__item-name">{name}</span>
                <span className="crk-account__item-detail">{t('account.passkeys.created', { date: formatDate(passkey.createdAt, language) })}</span>
                <span className="crk-account__actions">
                  <Button
                    disabled={task.pending}
                    onClick={() => void act(() => auth.deleteWebAuthnCredential({ credentialId: passkey.credentialId }), t('account.passkeys.deleted', { name }), true)}
                  >
                    {t('account.passkeys.delete', { name })}
                  </Button>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {auth.supportsPasskeys() ? (
        <div className="crk-account__actions">
          <Button className="crk-button crk-button--primary" disabled={task.pending} aria-busy={task.pending || undefined} onClick={() => void act(() => auth.associateWebAuthnCredential(), t('account.passkeys.added'), false)}>
            {task.pending ? t('account.passkeys.adding') : t('account.passkeys.add')}
          </Button>
        </div>
      ) : (
        <p className="crk-text">{t('account.passkeys.unsupported')}</p>
      )}
      {task.error ? <ErrorMessage>{task.error}</ErrorMessage> : null}
    </AccountSection>
  );
}

/** Every page of the user's passkeys (Cognito pages them by 20 at most). */
async function allPasskeys(auth: Auth): Promise<PasskeyInfo[]> {
  const all: PasskeyInfo[] = [];
  let nextToken: string | undefined;
  do {
    const page = await auth.listWebAuthnCredentials(nextToken ? { nextToken } : {});
    all.push(...page.credentials);
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}
