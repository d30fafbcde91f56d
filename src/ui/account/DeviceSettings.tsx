'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuthEngine } from '../../react/context';
import { useFullTranslate } from '../i18n/useFullTranslate';
import type { AccountCallbacks, ButtonComponent, ErrorMessageComponent } from './accountTypes';
import { AccountHeading, AccountSection, DefaultButton, DefaultErrorMessage, type HeadingLevel } from './defaults';
import { formatDate } from './formatDate';
import { useAccountData } from './useAccountData';
import { useAccountTask } from './useAccountTask';

/** Override points of `<DeviceSettings>`, in the same model as Amplify UI's account settings. */
export interface DeviceSettingsComponents {
  Button?: ButtonComponent;
  ErrorMessage?: ErrorMessageComponent;
}

export interface DeviceSettingsProps extends AccountCallbacks {
  /** Replacements for the buttons and error message. Default: the kit's. */
  components?: DeviceSettingsComponents;
  /** The level of the section's heading, to fit the page's outline. Default: 2. */
  headingLevel?: HeadingLevel;
  className?: string;
}

/**
 * The devices Cognito tracks for the user (the pool's device tracking), each with its name, whether it
 * is remembered (may skip MFA) and when it last signed in, and a button to forget it. The list is
 * Cognito's, read again after each change; focus returns to the heading when the focused row is gone.
 */
export function DeviceSettings({ components, onSuccess, onError, headingLevel, className }: DeviceSettingsProps) {
  const auth = useAuthEngine();
  const { t, language } = useFullTranslate();
  const load = useCallback(() => auth.fetchDevices(), [auth]);
  const devices = useAccountData(load, 'fetchDevices');
  const task = useAccountTask('forgetDevice');
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const refocus = useRef(false);
  const { Button = DefaultButton, ErrorMessage = DefaultErrorMessage } = components ?? {};
  useEffect(() => {
    if (refocus.current) heading.current?.focus();
    refocus.current = false;
  });

  const forget = async (id: string, name: string) => {
    setStatus(null);
    if (!(await task.run(() => auth.forgetDevice({ device: { id } }), onError))) return;
    refocus.current = true;
    await devices.reload();
    setStatus(t('account.devices.forgotten', { name }));
    onSuccess?.();
  };

  return (
    <AccountSection name="devices" className={className} status={status}>
      <AccountHeading headingRef={heading} level={headingLevel}>{t('account.devices.heading')}</AccountHeading>
      {devices.error ? <ErrorMessage>{devices.error}</ErrorMessage> : null}
      {devices.data === undefined && !devices.error ? <p className="crk-text">{t('authenticator.loading')}</p> : null}
      {devices.data?.length === 0 ? <p className="crk-text">{t('account.devices.empty')}</p> : null}
      {devices.data?.length ? (
        <ul className="crk-account__list">
          {devices.data.map((device) => {
            const name = device.name || t('account.devices.unnamed');
            const lastUsed = device.lastAuthenticatedAt ?? device.createdAt;
            return (
              <li key={device.id} className="crk-account__item" data-remembered={device.remembered ?? false}>
                <span className="crk-account__item-name">{name}</span>
                <span className="crk-account__item-detail">
                  {device.remembered ? `${t('account.devices.remembered')} · ` : ''}
                  {lastUsed ? t('account.devices.lastUsed', { date: formatDate(lastUsed, language) }) : ''}
                </span>
                <span className="crk-account__actions">
                  <Button disabled={task.pending} onClick={() => void forget(device.id, name)}>
                    {t('account.devices.forget', { name })}
                  </Button>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {task.error ? <ErrorMessage>{task.error}</ErrorMessage> : null}
    </AccountSection>
  );
}
