import { isObjectLike, type Issues, type ObjectLike } from './issues';
import { AUTH_KEYS } from './keys';

/** The config shapes that describe a whole pool, and where in the input their Auth part sits. */
export type ModernShape =
  | { kind: 'v6'; section: unknown; prefix: 'Auth.Cognito.' | 'Cognito.' }
  | { kind: 'gen2'; section: unknown; prefix: 'auth.' };

const isV5Key = (key: string): boolean => (AUTH_KEYS as readonly string[]).includes(key);

/** Case, `_` and v5's `Web` dropped, so `userPoolWebClientId`, `userPoolClientId` and `user_pool_client_id` meet. */
const squash = (key: string): string => key.toLowerCase().replace(/_|web/g, '');

/** v5 keys whose v6 home the name does not tell. */
const V6_MOVES: Readonly<Record<string, string>> = Object.freeze({
  endpoint: 'use userPoolEndpoint',
  mandatorySignIn: 'use allowGuestAccess (its opposite)',
  oauth: 'use loginWith.oauth',
  region: 'the region comes from userPoolId',
});

/**
 * Which whole-pool shape `input` is: Amplify v6 (`{ Auth: { Cognito } }` or `{ Cognito }`) or
 * Gen 2's amplify_outputs.json (`{ version, auth }`); undefined for the v5 shapes. Keys of another
 * shape beside it are an issue: which one was meant cannot be guessed.
 */
export function modernShape(input: ObjectLike, issues: Issues): ModernShape | undefined {
  const keys = Object.keys(input);
  const auth = input['Auth'];
  const authKeys = isObjectLike(auth) ? Object.keys(auth) : [];
  const shape: ModernShape | undefined =
    keys.includes('version') || keys.includes('auth') ? { kind: 'gen2', section: input['auth'], prefix: 'auth.' }
    : authKeys.includes('Cognito') ? { kind: 'v6', section: (auth as ObjectLike)['Cognito'], prefix: 'Auth.Cognito.' }
    : keys.includes('Cognito') ? { kind: 'v6', section: input['Cognito'], prefix: 'Cognito.' }
    : undefined;
  if (shape === undefined) return undefined;
  const own = shape.kind === 'gen2' ? ['version', 'auth', 'storage'] : [shape.prefix.split('.')[0]];
  const foreign = keys.filter((key) => !own.includes(key) && (key.startsWith('aws_') || isV5Key(key) || ['Auth', 'Cognito', 'auth', 'version'].includes(key)));
  if (shape.prefix === 'Auth.Cognito.') foreign.push(...authKeys.filter(isV5Key).map((key) => `Auth.${key}`));
  if (foreign.length > 0) {
    issues.add('config', `mixes ${shapeName(shape)} with ${foreign.join(', ')}: pass one shape (kit options such as storage go in a later configure())`);
  }
  return shape;
}

export function shapeName(shape: ModernShape): string {
  return shape.kind === 'v6' ? 'an Amplify v6 config' : 'amplify_outputs.json';
}

/**
 * Keys of `section` outside `known` that look meant: a near miss of a known key, or a key of the
 * v5 shape, each with what to write instead. Other keys (newer Amplify features) are left alone.
 */
export function strayKeys(section: ObjectLike, known: readonly string[], shape: ModernShape, issues: Issues): void {
  for (const key of Object.keys(section)) {
    if (known.includes(key)) continue;
    const match = known.find((name) => squash(name) === squash(key));
    const tail = match === undefined ? (shape.kind === 'v6' ? V6_MOVES[key] : undefined) : `use ${match}`;
    if (tail !== undefined) issues.add(shape.prefix + key, `is not a key of ${shapeName(shape)}: ${tail}`);
    else if (isV5Key(key)) issues.add(shape.prefix + key, `has no place in ${shapeName(shape)}: pass it in a later configure({ ${key} })`);
  }
}

/** Keys a letter case away from a shape's marker (`AUTH`, `cognito`), in an input no shape matched. */
export function misspeltMarkers(input: ObjectLike, prefix: string, issues: Issues): void {
  for (const key of Object.keys(input)) {
    const match = ['Auth', 'Cognito', 'version'].find((name) => name !== key && squash(name) === squash(key));
    if (match !== undefined) issues.add(prefix + key, `is not a config key: did you mean ${match}?`);
  }
}
