import type { ServiceCall } from '../transport';

/** `Logins` key for an id token: its issuer without the scheme, e.g. `cognito-idp.<region>.amazonaws.com/<poolId>`. */
export function loginsKey(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '');
}

export async function getIdentityId(call: ServiceCall, identityPoolId: string, logins?: Record<string, string>): Promise<string> {
  const response = await call<{ IdentityId?: string }>('GetId', { IdentityPoolId: identityPoolId, ...(logins ? { Logins: logins } : {}) });
  if (!response.IdentityId) throw new Error('GetId answered without an IdentityId');
  return response.IdentityId;
}

export interface IdentityCredentials {
  identityId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export async function getCredentialsForIdentity(
  call: ServiceCall,
  identityId: string,
  logins?: Record<string, string>,
): Promise<IdentityCredentials> {
  const response = await call<{
    IdentityId?: string;
    // Cognito Identity names it SecretKey, and Expiration is epoch seconds.
    Credentials?: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string; Expiration?: number };
  }>('GetCredentialsForIdentity', { IdentityId: identityId, ...(logins ? { Logins: logins } : {}) });
  const credentials = response.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretKey || !credentials.SessionToken || typeof credentials.Expiration !== 'number') {
    throw new Error('GetCredentialsForIdentity answered without complete credentials');
  }
  return {
    identityId: response.IdentityId ?? identityId,
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretKey,
    sessionToken: credentials.SessionToken,
    expiration: new Date(credentials.Expiration * 1000),
  };
}
