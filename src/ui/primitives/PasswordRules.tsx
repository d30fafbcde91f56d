'use client';
import { useId, useState } from 'react';
import { useTranslate } from '../i18n/TranslationProvider';
import { joinIds } from './Field';
import { checkPasswordRules, type PasswordPolicy, type PasswordRuleState } from './passwordPolicy';

export interface PasswordRulesProps {
  /** Id of the list, for the password field's `aria-describedby`. */
  id: string;
  rules: PasswordRuleState[];
}

/**
 * The policy's rules under a new-password field, each marked met or not by an icon, hidden text
 * and `data-met` (never colour alone). Nothing here is a live region except the one-line summary,
 * which only changes when every rule is met (or stops being), so typing is not announced per key.
 */
export function PasswordRules({ id, rules }: PasswordRulesProps) {
  const { t } = useTranslate();
  if (rules.length === 0) return null;
  const allMet = rules.every((rule) => rule.met);
  return (
    <div className="crk-password-rules" id={id} data-met={allMet}>
      <p className="crk-password-rules__label">{t('passwordPolicy.label')}</p>
      <ul className="crk-password-rules__list">
        {rules.map((rule) => (
          <li key={rule.name} id={ruleId(id, rule)} className="crk-password-rules__rule" data-rule={rule.name} data-met={rule.met}>
            <span className="crk-password-rules__icon" aria-hidden="true">
              {rule.met ? '✓' : '○'}
            </span>
            <span>{t(rule.key, rule.values)}</span>
            <span className="crk-visually-hidden">{` (${rule.met ? t('passwordPolicy.met') : t('passwordPolicy.unmet')})`}</span>
          </li>
        ))}
      </ul>
      <p className="crk-password-rules__summary" role="status" aria-live="polite">
        {allMet ? t('passwordPolicy.allMet') : ''}
      </p>
    </div>
  );
}

export interface PasswordPolicyCheck {
  /** Id for the rule list. */
  rulesId: string;
  /** For the new-password field's `aria-describedby`: each rule's id, or undefined when the policy has no rules. */
  describedBy: string | undefined;
  rules: PasswordRuleState[];
  /** A typed password breaks a rule (live as the user types; an empty field only after a submit). */
  invalid: boolean;
  /** The translated error once a submit found an unmet rule (and while one still is), else undefined. */
  error: string | undefined;
  /** Call on submit: true when every rule is met; otherwise turns the error on and returns false. */
  check: () => boolean;
}

/** The new password's props: the rules' ids and live `aria-invalid`, plus the server error's link. */
export function passwordInputProps(policy: PasswordPolicyCheck, server: { 'aria-invalid'?: true; 'aria-describedby'?: string }) {
  const describedBy = joinIds(policy.describedBy, server['aria-describedby']);
  return {
    ...server,
    ...(policy.invalid ? { 'aria-invalid': true as const } : {}),
    ...(describedBy === undefined ? {} : { 'aria-describedby': describedBy }),
    ...(policy.error === undefined ? {} : { error: policy.error }),
  };
}

/** A new password's rules, checked as the user types; the error shows from the first failed submit on. */
export function usePasswordPolicy(password: string, policy: PasswordPolicy | undefined): PasswordPolicyCheck {
  const { t } = useTranslate();
  const rulesId = useId();
  const [checked, setChecked] = useState(false);
  const rules = checkPasswordRules(password, policy);
  const ok = rules.every((rule) => rule.met);
  return {
    rulesId,
    describedBy: joinIds(...rules.map((rule) => ruleId(rulesId, rule))),
    rules,
    invalid: (checked || password !== '') && !ok,
    error: checked && !ok ? t('passwordPolicy.error') : undefined,
    check: () => {
      setChecked(true);
      return ok;
    },
  };
}

/** Each rule message's own id, for the password field's `aria-describedby`. */
function ruleId(listId: string, rule: PasswordRuleState): string {
  return `${listId}-${rule.name}`;
}
