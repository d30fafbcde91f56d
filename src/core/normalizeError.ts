import { AuthError, type AuthErrorName, type AuthErrorSource } from './errors';
import { recoverySuggestionFor } from './errorSuggestions';

/** Build an AuthError with the standard recovery suggestion for its name. */
export function authError(
  name: AuthErrorName,
  message: string,
  source: AuthErrorSource,
  extra: { cause?: unknown; statusCode?: number } = {},
): AuthError {
  const suggestion = recoverySuggestionFor(name);
  return new AuthError({
    name,
    message,
    source,
    ...(suggestion === undefined ? {} : { recoverySuggestion: suggestion }),
    ...extra,
  });
}

/** Turn anything thrown into an AuthError attributed to `source` (keeps a Cognito name intact). */
export function toAuthError(thrown: unknown, source: AuthErrorSource): AuthError {
  if (thrown instanceof AuthError) {
    if (thrown.source === source) return thrown;
    return new AuthError({
      name: thrown.name,
      message: thrown.message,
      source,
      ...(thrown.recoverySuggestion === undefined ? {} : { recoverySuggestion: thrown.recoverySuggestion }),
      ...(thrown.statusCode === undefined ? {} : { statusCode: thrown.statusCode }),
      cause: thrown,
    });
  }
  if (thrown instanceof Error) return authError('UnknownError', thrown.message || 'Unknown error', source, { cause: thrown });
  return authError('UnknownError', typeof thrown === 'string' ? thrown : 'Unknown error', source, { cause: thrown });
}
