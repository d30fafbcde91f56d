import type { MessageKey } from '../i18n/en';
import { english } from '../i18n/english';
import type { Translate } from '../i18n/translate';
import type { LoginMechanism } from '../../core/index';

/** How a screen's field can be changed through the Authenticator's `formFields` prop (Amplify UI's options). */
export interface FormFieldOptions {
  /** The visible label (and accessible name). Default: the screen's own label. */
  label?: string;
  /** Keeps the label for screen readers only. Default: false. */
  labelHidden?: boolean;
  /** Text shown in the empty control. Default: Amplify UI's ("Enter your Username", …). */
  placeholder?: string;
  /** 1-based position among the screen's fields. Default: the screen's own order. */
  order?: number;
  /** Marks the control `required`. Default: the screen's own choice. */
  isRequired?: boolean;
  /** The value the field starts with. Default: empty. */
  defaultValue?: string;
  /** Input type of the control. Default: from the attribute, else `text`. */
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'number';
  /** `autocomplete` of the control. Default: from the attribute (`email`, `tel`, `name`, …). */
  autocomplete?: string;
  /** @deprecated Amplify UI's spelling is `autocomplete`. Default: from the attribute. */
  autoComplete?: string;
  /** The country code a phone number field starts with. Default: `+1`. */
  dialCode?: string;
  /** The country codes a phone number field offers. Default: every ITU code. */
  dialCodeList?: readonly string[];
}

/** Cognito's standard attributes a sign-up can ask for (Amplify UI's `SignUpAttribute`). */
export type SignUpAttribute =
  | 'address' | 'birthdate' | 'email' | 'family_name' | 'gender' | 'given_name' | 'locale' | 'middle_name' | 'name'
  | 'nickname' | 'phone_number' | 'picture' | 'preferred_username' | 'profile' | 'updated_at' | 'website' | 'zoneinfo';

/** A pool's custom attribute, sent as a user attribute on sign-up and forced new password. */
export type CustomAttribute = `custom:${string}`;

/** The code field: Amplify UI's name `confirmation_code`, or `code`. */
type CodeName = 'confirmation_code' | 'code';
type AttributeFields = SignUpAttribute | CustomAttribute;

/** The field names each screen has, so a misspelt one does not compile. */
export interface FormFieldNames {
  signIn: 'username' | 'password';
  /** The username is also reachable by its login mechanism's name (`email`, `phone_number`), as in Amplify UI. */
  signUp: 'username' | 'password' | 'confirm_password' | AttributeFields;
  forgotPassword: 'username';
  confirmSignUp: CodeName;
  confirmSignIn: CodeName;
  confirmSignInWithPassword: 'password';
  confirmResetPassword: CodeName | 'password' | 'confirm_password';
  confirmVerifyUser: CodeName;
  forceNewPassword: 'password' | 'confirm_password' | AttributeFields;
  customChallenge: 'answer';
  setupTotp: CodeName;
  setupEmail: 'email';
}

/**
 * Screens whose fields `formFields` can change. A name the screen does not have is ignored (with a
 * warning in development), except attributes on signUp and forceNewPassword, which add a field.
 */
export type FormFieldsScreen = keyof FormFieldNames;
export type FormFields = { [S in FormFieldsScreen]?: { [N in FormFieldNames[S]]?: FormFieldOptions } };

/** A field as a screen renders it, after the app's overrides. */
export interface FieldSpec {
  name: string;
  label: string;
  /** An input type, or `password` (PasswordField) / `code` (one-time code: CodeField). */
  type: string;
  autoComplete?: string;
  required: boolean;
  labelHidden?: boolean;
  placeholder?: string;
  defaultValue?: string;
  order?: number;
  dialCode?: string;
  dialCodeList?: readonly string[];
}

/** How the username is typed: Cognito's username, or an email/phone pool's alias (the engine's PoolSettings name). */
export type { LoginMechanism } from '../../core/index';

/** Overrides of one screen, by field name. */
export type ScreenFieldOptions = Partial<Record<string, FormFieldOptions>>;

/** The first field of sign in / sign up / forgot password for a login mechanism. */
export function usernameField(t: Translate, mechanism: LoginMechanism): FieldSpec {
  // `username`, not `email` / `tel`: password managers save this as the account's login.
  const base = { name: 'username', autoComplete: 'username', required: true };
  switch (mechanism) {
    case 'email':
      return { ...base, label: t('field.email'), type: 'email', placeholder: t('placeholder.email') };
    case 'phone_number':
      return { ...base, label: t('field.phone'), type: 'tel', placeholder: t('placeholder.phone_number') };
    default:
      return { ...base, label: t('field.username'), type: 'text', placeholder: t('placeholder.username') };
  }
}

/** The attributes Amplify UI renders by default: input type and autofill hint. The others need the app's own field. */
const ATTRIBUTE_INPUT: Partial<Record<string, readonly [type: string, autoComplete?: string]>> = {
  email: ['email', 'email'],
  phone_number: ['tel', 'tel'],
  name: ['text', 'name'],
  given_name: ['text', 'given-name'],
  family_name: ['text', 'family-name'],
  middle_name: ['text', 'additional-name'],
  nickname: ['text', 'nickname'],
  preferred_username: ['text'],
  birthdate: ['date', 'bday'],
  profile: ['url', 'url'],
  website: ['url', 'url'],
};

/** The one-time code field of a step screen (label and placeholder as Amplify UI's for that screen: "Code *", "Code"). */
export function codeField(t: Translate, label: MessageKey = 'field.codeRequired', placeholder: MessageKey = 'placeholder.codeShort'): FieldSpec {
  return { name: 'code', label: t(label), type: 'code', required: true, placeholder: t(placeholder) };
}

/** The new password of a screen, with Amplify UI's placeholder. */
export function passwordField(t: Translate, label = t('field.password')): FieldSpec {
  return { name: 'password', label, type: 'password', required: true, placeholder: t('placeholder.password') };
}

/**
 * A sign-up field for a user attribute: translated label, input type and autofill hint; undefined
 * for attributes without a default field (`address`, `picture`, `custom:*`, …), which Amplify UI skips too.
 */
export function attributeField(t: Translate, name: string): FieldSpec | undefined {
  const input = ATTRIBUTE_INPUT[name];
  if (!input) return undefined;
  const [type, autoComplete] = input;
  return {
    name,
    label: t(`attribute.${name}` as MessageKey),
    type,
    ...(autoComplete ? { autoComplete } : {}),
    // Amplify UI marks every attribute field it has a default for required (the config lists required attributes).
    required: true,
    placeholder: t(`placeholder.${name}` as MessageKey),
  };
}

const STANDARD_ATTRIBUTES = new Set(['address', 'gender', 'locale', 'picture', 'updated_at', 'zoneinfo']);

/** A user attribute's name (standard or `custom:`): what sign-up sends of the form's values, as Amplify UI does. */
export function isUserAttribute(name: string): boolean {
  return STANDARD_ATTRIBUTES.has(name) || name.startsWith('custom:') || ATTRIBUTE_INPUT[name] !== undefined;
}

/** A field an app named in `formFields` on signUp / forceNewPassword: a user attribute (standard or `custom:`), else undefined. */
export function namedAttributeField(t: Translate, name: string): FieldSpec | undefined {
  if (!STANDARD_ATTRIBUTES.has(name) && !name.startsWith('custom:')) return attributeField(t, name);
  const key = `attribute.${name}`;
  return { name, label: Object.hasOwn(english(), key) ? t(key as MessageKey) : name, type: 'text', required: false };
}

/** What `resolveFields` made of the app's overrides. */
export interface ResolvedFields {
  fields: FieldSpec[];
  /** Names the screen has no field for: ignored, and worth a development warning. */
  unknown: string[];
}

/**
 * The screen's fields with the app's overrides applied. A name the screen does not have adds a
 * field only when `extra` makes one (attributes on sign-up); else it is reported in `unknown`.
 * Fields with `order` move to that 1-based position; the others keep their relative order.
 */
export function resolveFields(base: FieldSpec[], overrides: ScreenFieldOptions = {}, extra?: (name: string) => FieldSpec | undefined): ResolvedFields {
  const byName = aliasCode(overrides);
  const known = new Set(base.map((field) => field.name));
  const unknown: string[] = [];
  const added: FieldSpec[] = [];
  for (const name of Object.keys(byName)) {
    if (known.has(name)) continue;
    const field = extra?.(name);
    if (field) added.push(field);
    else unknown.push(name);
  }
  const merged = [...base, ...added].map((field) => applyOverride(field, byName[field.name]));
  const unordered = merged.filter((field) => field.order === undefined);
  const ordered = merged.filter((field) => field.order !== undefined).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  for (const field of ordered) unordered.splice(Math.max(0, (field.order ?? 1) - 1), 0, field);
  return { fields: unordered, unknown };
}

/** One fixed field of a step screen after the app's override (spread onto a `PasswordField`). */
export function fieldOverride(overrides: ScreenFieldOptions | undefined, field: FieldSpec) {
  const { label, labelHidden, placeholder, required } = applyOverride(field, overrides?.[field.name]);
  return { label, required, ...(labelHidden ? { labelHidden } : {}), ...(placeholder === undefined ? {} : { placeholder }) };
}

/** Each field's starting value: its `defaultValue`, else empty. */
export function initialValues(fields: FieldSpec[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.name, field.defaultValue ?? '']));
}

/** Says, in development only, that `formFields` named a field a screen does not have. */
export function warnUnknownFields(screen: string, unknown: readonly string[]): void {
  if (unknown.length === 0) return;
  try {
    // Bundlers replace `process.env.NODE_ENV`; where nothing defines `process`, the catch keeps quiet.
    if (process.env['NODE_ENV'] === 'production') return;
  } catch {
    return;
  }
  // eslint-disable-next-line no-console -- a notice for the app's developers: names only, never values
  console.warn(`cognito-react-kit: formFields.${screen} names no field of this screen, ignored: ${unknown.join(', ')}`);
}

/** Amplify UI names the code `confirmation_code`; ours is `code`. */
function aliasCode(overrides: ScreenFieldOptions): ScreenFieldOptions {
  const { confirmation_code: amplify, ...rest } = overrides;
  return amplify ? { ...rest, code: { ...amplify, ...rest['code'] } } : rest;
}

function applyOverride(field: FieldSpec, override: FormFieldOptions | undefined): FieldSpec {
  if (!override) return field;
  const { isRequired, autocomplete = override.autoComplete, autoComplete: _deprecated, ...same } = override;
  const defined = Object.fromEntries(Object.entries(same).filter(([, value]) => value !== undefined));
  return {
    ...field,
    ...defined,
    ...(isRequired === undefined ? {} : { required: isRequired }),
    ...(autocomplete === undefined ? {} : { autoComplete: autocomplete }),
  };
}
