'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { buildTotpUri } from '../../core/index';
import { useFullTranslate } from '../i18n/useFullTranslate';
import { CodeField } from '../primitives/CodeField';
import { QrCode } from '../primitives/QrCode';
import { SubmitButton } from '../primitives/SubmitButton';
import { DefaultButton, DefaultErrorMessage } from './defaults';
import type { AccountTask } from './useAccountTask';

export interface TotpSetupProps {
  secret: string;
  username: string;
  issuer: string;
  task: AccountTask;
  onVerify: (code: string) => void;
  onCancel: () => void;
  /** The level of the section's heading; this panel's is one below. */
  level: 2 | 3 | 4 | 5 | 6;
}

/** The authenticator-app set-up inside `<MfaSettings>`: QR code and key, then the app's first code. */
export function TotpSetup({ secret, username, issuer, task, onVerify, onCancel, level }: TotpSetupProps) {
  const Heading = `h${level === 6 ? 6 : ((level + 1) as 3 | 4 | 5 | 6)}` as const;
  const { t } = useFullTranslate();
  const [code, setCode] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onVerify(code);
  };
  return (
    <form className="crk-form crk-account__panel" noValidate onSubmit={submit}>
      <Heading className="crk-heading crk-account__subheading" tabIndex={-1} ref={heading}>
        {t('setupTotp.heading')}
      </Heading>
      <p className="crk-text">{t('setupTotp.instructions')}</p>
      <QrCode value={buildTotpUri({ secret, username, issuer })} label={t('setupTotp.qrLabel')} />
      <p className="crk-secret">
        <span className="crk-field__label">{t('setupTotp.secretLabel')}</span> <code className="crk-secret__value">{secret}</code>
      </p>
      <CodeField label={t('field.code')} name="code" value={code} onChange={(event) => setCode(event.target.value)} />
      {task.error ? <DefaultErrorMessage>{task.error}</DefaultErrorMessage> : null}
      <div className="crk-account__actions">
        <DefaultButton onClick={onCancel} disabled={task.pending}>
          {t('account.cancel')}
        </DefaultButton>
        <SubmitButton label={t('setupTotp.submit')} pendingLabel={t('setupTotp.pending')} pending={task.pending} />
      </div>
    </form>
  );
}
