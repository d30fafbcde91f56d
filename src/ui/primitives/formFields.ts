import { en, type MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';
import type { LoginMechanism } from '../../core/index';

/** How a screen's field can be changed through the Authenticator's `formFields` prop. */
export interface FormFieldOptions {
  /** The visible label (and accessible name). Default: the screen's own label. */
  label?: string;
  placeholder?: string;
  /** 1-based position among the screen's fields. Default: the screen's own order. */
  order?: number;
  /** Marks the control `required`. Default: the screen's own choice. */
  isRequired?: boolean;
  /** The value the field starts with. Default: empty. */
  defaultValue?: string;
  /** Input type of a field the screen does not have (a custom attribute). Default: from the attribute, else `text`. */
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'number';
  /** `autocomplete` of the control. Default: from the attribute (`email`, `tel`, `name`, …). */
  autoComplete?: string;
  /** The country code a phone number field starts with. Default: `+1`. */
  dialCode?: string;
}

/**
 * Screens whose fields `formFields` can change, each keyed by field name (`username`, `code`,
 * `custom:team`, …). Every option works on every screen; a name the screen does not have adds a
 * field (a user attribute on sign up and forced new password, `clientMetadata` elsewhere). The
 * new-password pair (`password`, `confirm_password`) keeps its place after the code.
 */
export type FormFieldsScreen =
  | 'signIn'
  | 'signUp'
  | 'forgotPassword'
  | 'confirmSignUp'
  | 'confirmSignInWithPassword'
  | 'confirmSignIn'
  | 'confirmResetPassword'
  | 'forceNewPassword'
  | 'customChallenge'
  | 'setupTotp'
  | 'setupEmail';
export type FormFields = Partial<Record<FormFieldsScreen, Record<string, FormFieldOptions>>>;

/** A field as a screen renders it, after the app's overrides. */
export interface FieldSpec {
  name: string;
  label: string;
  /** An input type, or `password` (PasswordField) / `code` (one-time code: CodeField). */
  type: string;
  autoComplete?: string;
  required: boolean;
  placeholder?: string;
  defaultValue?: string;
  order?: number;
  dialCode?: string;
}

/** How the username is typed: Cognito's username, or an email/phone pool's alias (the engine's PoolSettings name). */
export type { LoginMechanism } from '../../core/index';

/** The first field of sign in / sign up / forgot password for a login mechanism. */
export function usernameField(t: Translate, mechanism: LoginMechanism): FieldSpec {
  switch (mechanism) {
    // `username`, not `email` / `tel`: password managers save this as the account's login.
    case 'email':
      return { name: 'username', label: t('field.email'), type: 'email', autoComplete: 'username', required: true };
    case 'phone_number':
      return { name: 'username', label: t('field.phone'), type: 'tel', autoComplete: 'username', required: true };
    default:
      return { name: 'username', label: t('field.username'), type: 'text', autoComplete: 'username', required: true };
  }
}

const ATTRIBUTE_INPUT: Record<string, { type: string; autoComplete: string }> = {
  email: { type: 'email', autoComplete: 'email' },
  phone_number: { type: 'tel', autoComplete: 'tel' },
  name: { type: 'text', autoComplete: 'name' },
  given_name: { type: 'text', autoComplete: 'given-name' },
  family_name: { type: 'text', autoComplete: 'family-name' },
  middle_name: { type: 'text', autoComplete: 'additional-name' },
  nickname: { type: 'text', autoComplete: 'nickname' },
  preferred_username: { type: 'text', autoComplete: 'off' },
  birthdate: { type: 'date', autoComplete: 'bday' },
  address: { type: 'text', autoComplete: 'street-address' },
  website: { type: 'url', autoComplete: 'url' },
  locale: { type: 'text', autoComplete: 'language' },
};

/** The one-time code field of a step screen. */
export function codeField(t: Translate): FieldSpec {
  return { name: 'code', label: t('field.code'), type: 'code', required: true };
}

/** A sign-up field for a user attribute: translated label and the browser's autofill hint. */
export function attributeField(t: Translate, name: string): FieldSpec {
  const key = `attribute.${name}`;
  const label = isMessageKey(key) ? t(key) : name;
  const input = ATTRIBUTE_INPUT[name] ?? { type: 'text', autoComplete: undefined };
  return {
    name,
    label,
    type: input.type,
    ...(input.autoComplete ? { autoComplete: input.autoComplete } : {}),
    required: name === 'email' || name === 'phone_number',
  };
}

/**
 * The screen's fields with the app's overrides applied. Overrides naming a field the screen does
 * not have add it (as an attribute field). Fields with `order` move to that 1-based position; the
 * others keep their relative order.
 */
export function resolveFields(t: Translate, base: FieldSpec[], overrides: Record<string, FormFieldOptions> = {}): FieldSpec[] {
  const known = new Set(base.map((field) => field.name));
  const extra = Object.keys(overrides).filter((name) => !known.has(name)).map((name) => attributeField(t, name));
  const merged = [...base, ...extra].map((field) => applyOverride(field, overrides[field.name]));
  const unordered = merged.filter((field) => field.order === undefined);
  const ordered = merged.filter((field) => field.order !== undefined).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  for (const field of ordered) unordered.splice(Math.max(0, (field.order ?? 1) - 1), 0, field);
  return unordered;
}

/**
 * Label, placeholder and `required` of one fixed field of a step screen, after the app's override
 * (spread onto a `Field` / `CodeField` / `PasswordField`).
 */
export function fieldOverride(
  overrides: Record<string, FormFieldOptions> | undefined,
  name: string,
  label: string,
): { label: string; placeholder?: string; required: boolean } {
  const override = overrides?.[name];
  return {
    label: override?.label ?? label,
    ...(override?.placeholder === undefined ? {} : { placeholder: override.placeholder }),
    required: override?.isRequired ?? true,
  };
}

/** Each field's starting value: its `defaultValue`, else empty. */
export function initialValues(fields: FieldSpec[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.name, field.defaultValue ?? '']));
}

function applyOverride(field: FieldSpec, override: FormFieldOptions | undefined): FieldSpec {
  if (!override) return field;
  return {
    ...field,
    ...(override.label === undefined ? {} : { label: override.label }),
    ...(override.placeholder === undefined ? {} : { placeholder: override.placeholder }),
    ...(override.order === undefined ? {} : { order: override.order }),
    ...(override.isRequired === undefined ? {} : { required: override.isRequired }),
    ...(override.defaultValue === undefined ? {} : { defaultValue: override.defaultValue }),
    ...(override.type === undefined ? {} : { type: override.type }),
    ...(override.autoComplete === undefined ? {} : { autoComplete: override.autoComplete }),
    ...(override.dialCode === undefined ? {} : { dialCode: override.dialCode }),
  };
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
