import type { ServiceCall } from './transport';

/**
 * Cognito threat protection's device fingerprint for one user (`UserContextData.EncodedData`). The
 * default asks Cognito's advanced-security script (`amazon-cognito-advanced-security-data.min.js`,
 * which defines `AmazonCognitoAdvancedSecurityData`) when the page has loaded it; apps may inject
 * their own (React Native, a server).
 */
export type UserContextDataProvider = (input: { username: string; userPoolId: string; clientId: string }) => string | undefined;

interface AdvancedSecurityScript {
  getData(username: string, userPoolId: string, clientId: string): string | undefined;
}

export const pageUserContextData: UserContextDataProvider = ({ username, userPoolId, clientId }) => {
  const script = (globalThis as { AmazonCognitoAdvancedSecurityData?: AdvancedSecurityScript }).AmazonCognitoAdvancedSecurityData;
  try {
    return typeof script?.getData === 'function' ? script.getData(username, userPoolId, clientId) || undefined : undefined;
  } catch {
    return undefined; // a fingerprint is a signal, never a reason for a sign-in to fail
  }
};

// The operations that accept UserContextData, each naming its user in its own way.
const USERNAME_OF: Readonly<Record<string, (input: Record<string, unknown>) => unknown>> = Object.freeze({
  InitiateAuth: (input) => (input['AuthParameters'] as Record<string, unknown> | undefined)?.['USERNAME'],
  RespondToAuthChallenge: (input) => (input['ChallengeResponses'] as Record<string, unknown> | undefined)?.['USERNAME'],
  SignUp: (input) => input['Username'],
  ConfirmSignUp: (input) => input['Username'],
  ResendConfirmationCode: (input) => input['Username'],
  ForgotPassword: (input) => input['Username'],
  ConfirmForgotPassword: (input) => input['Username'],
});

/** `call`, with UserContextData added to the requests that accept it when the provider has some. */
export function withUserContextData(call: ServiceCall, provider: UserContextDataProvider, pool: { userPoolId: string; clientId: string }): ServiceCall {
  return (operation, input) => {
    const username = USERNAME_OF[operation]?.(input as Record<string, unknown>);
    const encoded = typeof username === 'string' ? provider({ username, ...pool }) : undefined;
    return call(operation, encoded ? { ...input, UserContextData: { EncodedData: encoded } } : input);
  };
}
