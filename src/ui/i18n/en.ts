import { enStart } from './enStart';
import { enSteps } from './enSteps';

/**
 * The English dictionary: every string the prebuilt UI shows. Other languages and app overrides
 * give the same keys (`translations` prop). `{name}` placeholders are filled by `t(key, values)`.
 * `error.<AuthError name>` keys translate engine errors by their typed `name`, never by message.
 */
export const en = { ...enStart, ...enSteps } as const satisfies Record<string, string>;

/** Every key of the UI dictionary. */
export type MessageKey = keyof typeof en;

/** A complete dictionary: one string per key. */
export type Dictionary = Record<MessageKey, string>;
