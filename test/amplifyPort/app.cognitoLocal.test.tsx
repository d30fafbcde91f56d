// @vitest-environment jsdom
import { afterAll, beforeAll, describe } from 'vitest';
import { startCognitoLocal, type CognitoLocal } from '../support/cognitoLocal';
import { registerSecret, registerSecretSource } from '../support/secrets';
import { I18n, signOut } from '../../src/amplify/index';
import { portBehaviour } from './behaviour';
import * as ported from './ported';

/**
 * The ported Amplify app on cognito-local, the emulator we did not write. It has no SRP, so the
 * config (v5's aws-exports form, which the kit also reads) asks for USER_PASSWORD_AUTH.
 */
describe('the ported Amplify app on cognito-local', () => {
  let cl: CognitoLocal;
  const password = 'Port-Horse-Battery-1';
  registerSecret(password);
  let counter = 0;
  beforeAll(async () => {
    cl = await startCognitoLocal();
    registerSecretSource(() => cl.codes.map((delivered) => delivered.code));
  });
  afterAll(async () => {
    await cl?.stop();
  });

  const call = async (operation: string, body: unknown): Promise<void> => {
    const response = await fetch(cl.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${operation}: HTTP ${response.status}`);
  };

  portBehaviour(
    { ...ported, I18n, signOut },
    () => ({
      config: () => ({
        aws_project_region: 'us-east-1',
        aws_user_pools_id: cl.userPoolId,
        aws_user_pools_web_client_id: cl.clientId,
        aws_user_pools_endpoint: cl.endpoint,
        aws_cognito_authentication_flow_type: 'USER_PASSWORD_AUTH',
      }),
      lastCode: (username) => cl.lastCode(username) ?? '',
      createUser: async (username, userPassword) => {
        await call('SignUp', { ClientId: cl.clientId, Username: username, Password: userPassword, UserAttributes: [{ Name: 'email', Value: username }] });
        await call('ConfirmSignUp', { ClientId: cl.clientId, Username: username, ConfirmationCode: cl.lastCode(username) });
      },
    }),
    { password, unique: (prefix) => `${prefix}${++counter}${Date.now().toString(36)}` },
  );
});
