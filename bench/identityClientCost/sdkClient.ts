// Bundle-cost fixture (bench/identityClientCost.mjs): Cognito identity-pool credentials through
// @aws-sdk/client-cognito-identity, doing what the engine needs (GetId, then
// GetCredentialsForIdentity), so that the bundle keeps everything those two calls pull in.
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';

export interface IdentityCredentials {
  identityId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export async function getIdentityCredentials(region: string, identityPoolId: string, logins: Record<string, string>): Promise<IdentityCredentials> {
  const client = new CognitoIdentityClient({ region });
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: logins }));
  if (!IdentityId) throw new Error('GetId returned no IdentityId');
  const { Credentials: c } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || !c.Expiration) throw new Error('GetCredentialsForIdentity returned no credentials');
  return { identityId: IdentityId, accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken, expiration: c.Expiration };
}
