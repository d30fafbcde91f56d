'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MfaPreferenceValue, MfaType } from '../../core/index';
import { useAuthEngine } from '../../react/context';
import { useFullTranslate } from '../i18n/useFullTranslate';
import type { AccountCallbacks, ButtonComponent, ErrorMessageComponent } from './accountTypes';
import { AccountHeading, AccountSection, DefaultButton, DefaultErrorMessage, type HeadingLevel } from './defaults';
import { TotpSetup } from './TotpSetup';
import { useAccountData } from './useAccountData';
import { useAccountTask } from './useAccountTask';

/** Override points of `<MfaSettings>`, in the same model as Amplify UI's account settings. */
export interface MfaSettingsComponents {
  Button?: ButtonComponent;
  ErrorMessage?: ErrorMessageComponent;
}

export interface MfaSettingsProps extends AccountCallbacks {
  /** The methods offered, in this order. Default: the config's `poolSettings.mfaMethods`, else TOTP, SMS and email. */
  methods?: readonly MfaType[];
  /** The issuer an authenticator app shows next to the account. Default: `AWSCognito`. */
  totpIssuer?: string;
  /** Replacements for the buttons and error message. Default: the kit's. */
  components?: MfaSettingsComponents;
  /** The level of the section's heading, to fit the page's outline. Default: 2. */
  headingLevel?: HeadingLevel;
  className?: string;
}

const ALL_METHODS: readonly MfaType[] = ['TOTP', 'SMS', 'EMAIL'];
const PARAM = { TOTP: 'totp', SMS: 'sms', EMAIL: 'email' } as const;

/**
 * The user's second factors: an authenticator app (set up here with a QR code), SMS and email codes,
 * each turned on or off, and the preferred one. Every change goes to Cognito at once and the state
 * shown is Cognito's, read again after it; a live region says what was saved.
 */
export function MfaSettings({ methods, totpIssuer = 'AWSCognito', components, onSuccess, onError, headingLevel, className }: MfaSettingsProps) {
  const auth = useAuthEngine();
  const { t } = useFullTranslate();
  const load = useCallback(() => auth.fetchMFAPreference(), [auth]);
  const preference = useAccountData(load, 'fetchMFAPreference');
  const task = useAccountTask('updateMFAPreference');
  const [secret, setSecret] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const refocus = useRef(false);
  const { Button = DefaultButton, ErrorMessage = DefaultErrorMessage } = components ?? {};
  const shown = methods ?? auth.configure().poolSettings?.mfaMethods ?? ALL_METHODS;
  useEffect(() => {
    if (refocus.current) heading.current?.focus();
    refocus.current = false;
  });

  const change = async (method: MfaType, value: MfaPreferenceValue, message: string) => {
    setStatus(null);
    if (!(await task.run(() => auth.updateMFAPreference({ [PARAM[method]]: value }), onError))) return;
    await preference.reload();
    setStatus(message);
    onSuccess?.();
  };
  const startTotp = async () => {
    setStatus(null);
    await task.run(async () => setSecret(await auth.setupTOTP()), onError);
  };
  const verifyTotp = async (code: string) => {
    const ok = await task.run(async () => {
      await auth.verifyTotpToken(code);
      await auth.updateMFAPreference({ totp: 'ENABLED' });
    }, onError);
    if (!ok) return;
    refocus.current = true;
    setSecret(null);
    await preference.reload();
    setStatus(t('account.mfa.totpReady'));
    onSuccess?.();
  };

  const { enabled = [], preferred } = preference.data ?? {};
  return (
    <AccountSection name="mfa" className={className} status={status}>
      <AccountHeading headingRef={heading} level={headingLevel}>{t('account.mfa.heading')}</AccountHeading>
      <p className="crk-text">{t('account.mfa.description')}</p>
      {preference.error ? <ErrorMessage>{preference.error}</ErrorMessage> : null}
      {preference.data === undefined && !preference.error ? <p className="crk-text">{t('authenticator.loading')}</p> : null}
      {preference.data && !secret ? (
        <ul className="crk-account__list">
          {shown.map((method) => {
            const name = t(`account.mfa.${method}`);
            const on = enabled.includes(method);
            return (
              <li key={method} className="crk-account__item" data-enabled={on} data-preferred={preferred === method}>
                <span className="crk-account__item-name">{name}</span>
                <span className="crk-account__item-detail">
                  {on ? t('account.mfa.on') : t('account.mfa.off')}
                  {preferred === method ? ` · ${t('account.mfa.preferred')}` : ''}
                </span>
                <span className="crk-account__actions">
                  {on && preferred !== method ? (
                    <Button disabled={task.pending} onClick={() => void change(method, 'PREFERRED', t('account.mfa.preferredSaved', { method: name }))}>
                      {t('account.mfa.makePreferred', { method: name })}
                    </Button>
                  ) : null}
                  {on ? (
                    <Button disabled={task.pending} onClick={() => void change(method, 'DISABLED', t('account.mfa.disabled', { method: name }))}>
                      {t('account.mfa.disable', { method: name })}
                    </Button>
                  ) : (
                    <Button
                      disabled={task.pending}
                      onClick={() => void (method === 'TOTP' ? startTotp() : change(method, 'ENABLED', t('account.mfa.enabled', { method: name })))}
                    >
                      {t('account.mfa.enable', { method: name })}
                    </Button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {secret ? (
        <TotpSetup
          secret={secret}
          username={auth.getState().user?.username ?? ''}
          issuer={totpIssuer}
          task={task}
          level={headingLevel ?? 2}
          onVerify={(code) => void verifyTotp(code)}
          onCancel={() => {
            refocus.current = true;
            task.clear();
            setSecret(null);
          }}
        />
      ) : null}
      {task.error && !secret ? <ErrorMessage>{task.error}</ErrorMessage> : null}
    </AccountSection>
  );
}
