'use client';
import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import type { AuthUser } from '../../core/index';
import { useAuthEngine } from '../../react/context';
import { useFullTranslate } from '../i18n/useFullTranslate';
import type { AccountCallbacks, ButtonComponent, ErrorMessageComponent } from './accountTypes';
import { AccountSection, DefaultButton, DefaultErrorMessage } from './defaults';
import { useAccountTask } from './useAccountTask';

/** Amplify UI's `displayText` of `<DeleteUser>`; unset entries use the translated defaults. */
export interface DeleteUserDisplayText {
  deleteAccountButtonText?: string;
  warningText?: string;
  cancelButtonText?: string;
  confirmDeleteButtonText?: string;
}

/** What the confirmation (`components.WarningView`) receives, as Amplify UI's `WarningViewProps`. */
export interface WarningViewProps {
  /** Called when the user keeps the account. */
  onCancel: () => void;
  /** Called when the user confirms the deletion. */
  onConfirm: () => void;
  /** The deletion is running. */
  isDisabled: boolean;
  /** The texts, already translated and overridden. */
  displayText: Required<DeleteUserDisplayText>;
}

/** Amplify UI's override points of `<DeleteUser>`. */
export interface DeleteUserComponents {
  DeleteButton?: ButtonComponent;
  WarningView?: ComponentType<WarningViewProps>;
  ErrorMessage?: ErrorMessageComponent;
}

export interface DeleteUserProps extends AccountCallbacks {
  /** Deletes the user instead of the engine's `deleteUser()` (e.g. through the app's server). Default: `auth.deleteUser()`. */
  handleDelete?: (user: AuthUser) => Promise<void> | void;
  /** Replacements for the button, confirmation and error message. Default: the kit's. */
  components?: DeleteUserComponents;
  /** Text overrides. Default: the translated texts. */
  displayText?: DeleteUserDisplayText;
  className?: string;
}

/**
 * "Delete Account", then a confirmation with a warning, as ui-react's `AccountSettings.DeleteUser`.
 * Focus moves into the confirmation when it opens and back to the button when it is cancelled;
 * once deleted, the component renders nothing (the engine has signed the user out).
 */
function DeleteUserRoot({ onSuccess, onError, handleDelete, components, displayText, className }: DeleteUserProps) {
  const auth = useAuthEngine();
  const { t } = useFullTranslate();
  const task = useAccountTask('deleteUser');
  const [stage, setStage] = useState<'idle' | 'confirm' | 'done'>('idle');
  const button = useRef<HTMLDivElement>(null);
  const warning = useRef<HTMLDivElement>(null);
  const moveFocus = useRef<'warning' | 'button' | null>(null);
  const labelId = useId();
  const { DeleteButton = DefaultButton, WarningView = DefaultWarningView, ErrorMessage = DefaultErrorMessage } = components ?? {};
  const texts: Required<DeleteUserDisplayText> = {
    deleteAccountButtonText: displayText?.deleteAccountButtonText ?? t('account.deleteAccount'),
    warningText: displayText?.warningText ?? t('account.deleteWarning'),
    cancelButtonText: displayText?.cancelButtonText ?? t('account.cancel'),
    confirmDeleteButtonText: displayText?.confirmDeleteButtonText ?? t('account.confirmDelete'),
  };

  useEffect(() => {
    // Overrides may not forward refs: focus the first control inside our wrapper instead.
    const target = moveFocus.current === 'warning' ? warning.current : moveFocus.current === 'button' ? button.current : null;
    moveFocus.current = null;
    target?.querySelector<HTMLElement>('button, [tabindex]')?.focus();
  });

  const confirm = async () => {
    const ok = await task.run(async () => {
      const user = auth.getState().user;
      if (handleDelete && user) await handleDelete(user);
      else await auth.deleteUser();
    }, onError);
    if (!ok) return;
    setStage('done');
    onSuccess?.();
  };

  if (stage === 'done') return null;
  return (
    <AccountSection name="deleteUser" className={className}>
      <div ref={button} className="crk-account__actions">
        <DeleteButton
          className="crk-button"
          data-variation="danger"
          disabled={stage === 'confirm' || task.pending}
          onClick={() => {
            moveFocus.current = 'warning';
            setStage('confirm');
          }}
        >
          {texts.deleteAccountButtonText}
        </DeleteButton>
      </div>
      {stage === 'confirm' ? (
        <div ref={warning} role="group" aria-labelledby={labelId} className="crk-account__confirm">
          <span id={labelId} className="crk-visually-hidden">
            {texts.deleteAccountButtonText}
          </span>
          <WarningView
            displayText={texts}
            isDisabled={task.pending}
            onConfirm={() => void confirm()}
            onCancel={() => {
              moveFocus.current = 'button';
              task.clear();
              setStage('idle');
            }}
          />
        </div>
      ) : null}
      {task.error ? <ErrorMessage>{task.error}</ErrorMessage> : null}
    </AccountSection>
  );
}

/** The component, with its default parts as statics (`DeleteUser.WarningView`, as ui-react's). Pure, for tree-shaking. */
export const DeleteUser = /* @__PURE__ */ Object.assign(DeleteUserRoot, {
  DeleteButton: DefaultButton,
  WarningView: DefaultWarningView,
  ErrorMessage: DefaultErrorMessage,
});

/** The warning, then Cancel (first, so Enter on the focused control never deletes) and the destructive confirm. */
function DefaultWarningView({ onCancel, onConfirm, isDisabled, displayText }: WarningViewProps) {
  return (
    <>
      <p className="crk-text crk-account__warning">{displayText.warningText}</p>
      <div className="crk-account__actions">
        <DefaultButton onClick={onCancel} disabled={isDisabled}>
          {displayText.cancelButtonText}
        </DefaultButton>
        <DefaultButton data-variation="danger" className="crk-button--primary" onClick={onConfirm} disabled={isDisabled} aria-busy={isDisabled || undefined}>
          {displayText.confirmDeleteButtonText}
        </DefaultButton>
      </div>
    </>
  );
}
