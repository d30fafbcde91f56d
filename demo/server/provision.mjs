// The demo's user pool and app client: created on the first start, reused afterwards (their ids
// are kept in <dataDir>/pool.json), with the app client's URLs updated to the current app origin.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
/* global fetch */

/** One AWS JSON 1.1 call, as the AWS SDK would make it (no SDK needed). */
async function call(endpoint, target, body) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(`${target}: ${data.__type ?? res.status} ${data.message ?? ''}`), { type: data.__type });
  return data;
}

function clientSettings(appOrigin) {
  return {
    ClientName: 'cognito-react-kit-demo',
    // USER_PASSWORD_AUTH: cognito-local has no SRP. Refresh for sessions that outlive the tokens.
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    CallbackURLs: [`${appOrigin}/callback`],
    LogoutURLs: [`${appOrigin}/`],
    SupportedIdentityProviders: ['COGNITO'],
    EnableTokenRevocation: true,
  };
}

async function readState(file) {
  try {
    const state = JSON.parse(await readFile(file, 'utf8'));
    return typeof state.userPoolId === 'string' && typeof state.clientId === 'string' ? state : null;
  } catch {
    return null;
  }
}

/**
 * @param {{ endpoint: string, dataDir: string, appOrigin: string }} options
 * @returns {Promise<{ userPoolId: string, clientId: string, created: boolean }>}
 */
export async function provision({ endpoint, dataDir, appOrigin }) {
  const stateFile = join(dataDir, 'pool.json');
  const known = await readState(stateFile);
  if (known) {
    try {
      await call(endpoint, 'UpdateUserPoolClient', { UserPoolId: known.userPoolId, ClientId: known.clientId, ...clientSettings(appOrigin) });
      return { ...known, created: false };
    } catch (error) {
      // The data folder was emptied by hand: start over with a new pool.
      if (error.type !== 'ResourceNotFoundException') throw error;
    }
  }
  const { UserPool } = await call(endpoint, 'CreateUserPool', {
    PoolName: 'cognito-react-kit-demo',
    UsernameAttributes: ['email'],
    AutoVerifiedAttributes: ['email'],
    MfaConfiguration: 'OPTIONAL',
    // Cognito's default policy (cognito-local stores it but does not enforce it; the UI checks it).
    Policies: { PasswordPolicy: { MinimumLength: 8, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
  });
  await call(endpoint, 'SetUserPoolMfaConfig', {
    UserPoolId: UserPool.Id,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
  });
  const { UserPoolClient } = await call(endpoint, 'CreateUserPoolClient', { UserPoolId: UserPool.Id, GenerateSecret: false, ...clientSettings(appOrigin) });
  const state = { userPoolId: UserPool.Id, clientId: UserPoolClient.ClientId };
  await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  return { ...state, created: true };
}
