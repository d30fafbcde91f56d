// Bundle-cost fixture (bench/identityClientCost.mjs): the same two Cognito identity-pool calls as
// sdkClient.ts, as a small typed client over fetch. Both operations are unauthenticated (no SigV4):
// a POST of JSON (awsJson1.1) naming the operation in X-Amz-Target.
export interface IdentityCredentials {
  identityId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

interface GetIdOutput {
  IdentityId?: string;
}
interface GetCredentialsForIdentityOutput {
  IdentityId?: string;
  Credentials?: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string; Expiration?: number };
}

export class CognitoIdentityError extends Error {}

async function call<T>(region: string, operation: string, input: object): Promise<T> {
  const response = await fetch(`https://cognito-identity.${region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityService.${operation}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json().catch(() => ({}))) as { __type?: string; message?: string; Message?: string };
  if (!response.ok) {
    const error = new CognitoIdentityError(body.message ?? body.Message ?? `${operation} failed with HTTP ${response.status}`);
    error.name = (body.__type ?? 'UnknownError').replace(/^.*#/, '');
    throw error;
  }
  return body as T;
}

export async function getIdentityCredentials(region: string, identityPoolId: string, logins: Record<string, string>): Promise<IdentityCredentials> {
  const { IdentityId } = await call<GetIdOutput>(region, 'GetId', { IdentityPoolId: identityPoolId, Logins: logins });
  if (!IdentityId) throw new CognitoIdentityError('GetId returned no IdentityId');
  const { Credentials: c } = await call<GetCredentialsForIdentityOutput>(region, 'GetCredentialsForIdentity', { IdentityId, Logins: logins });
  if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || c.Expiration === undefined) throw new CognitoIdentityError('GetCredentialsForIdentity returned no credentials');
  return { identityId: IdentityId, accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken, expiration: new Date(c.Expiration * 1000) };
}
