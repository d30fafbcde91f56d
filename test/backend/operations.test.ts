import { describe, expect, it } from 'vitest';
import { createBackend, type CognitoBackend } from './backend';
import { BackendError } from './errors';
import { strongPassword } from './harness';
import { totpCode } from './totp';

/** Fast checks through `call` (no socket, no acij) for operations the acij suites don't reach. */
async function signedIn(backend: CognitoBackend, username: string, password: string): Promise<Record<string, string>> {
  const res = await backend.call('InitiateAuth', {
    ClientId: backend.config.clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return res.AuthenticationResult as Record<string, string>;
}

describe('signed-in operations', () => {
  it('ChangePassword checks the previous password and the policy', async () => {
    const backend = createBackend({ deviceTracking: false });
    const password = strongPassword();
    await backend.createUser({ username: 'walt', password });
    const { AccessToken } = await signedIn(backend, 'walt', password);
    const next = strongPassword();

    await expect(backend.call('ChangePassword', { AccessToken, PreviousPassword: 'Wr0ng!pass', ProposedPassword: next })).rejects.toEqual(
      new BackendError('NotAuthorizedException', 'Incorrect username or password.'),
    );
    await expect(backend.call('ChangePassword', { AccessToken, PreviousPassword: password, ProposedPassword: 'short' })).rejects.toEqual(
      new BackendError('InvalidPasswordException', 'Password did not conform with policy: Password not long enough'),
    );
    await backend.call('ChangePassword', { AccessToken, PreviousPassword: password, ProposedPassword: next });
    await expect(signedIn(backend, 'walt', next)).resolves.toHaveProperty('AccessToken');
  });

  it('SetUserMFAPreference needs a verified token first, then GetUser reports the settings', async () => {
    const backend = createBackend({ deviceTracking: false });
    const password = strongPassword();
    await backend.createUser({ username: 'xena', password });
    const { AccessToken } = await signedIn(backend, 'xena', password);
    const enableTotp = { AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } };

    await expect(backend.call('SetUserMFAPreference', enableTotp)).rejects.toEqual(
      new BackendError('InvalidParameterException', 'User has not verified software token mfa'),
    );
    const { SecretCode } = (await backend.call('AssociateSoftwareToken', { AccessToken })) as { SecretCode: string };
    await backend.call('VerifySoftwareToken', { AccessToken, UserCode: await totpCode(SecretCode, backend.now()) });
    await backend.call('SetUserMFAPreference', enableTotp);
    await expect(backend.call('GetUser', { AccessToken })).resolves.toMatchObject({
      Username: 'xena',
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('DeleteUser leaves tokens that now fail with "User does not exist."', async () => {
    const backend = createBackend({ deviceTracking: false });
    const password = strongPassword();
    await backend.createUser({ username: 'yara', password });
    const { AccessToken } = await signedIn(backend, 'yara', password);
    await backend.call('DeleteUser', { AccessToken });
    expect(backend.getUser('yara')).toBeUndefined();
    await expect(backend.call('GetUser', { AccessToken })).rejects.toEqual(new BackendError('UserNotFoundException', 'User does not exist.'));
  });

  it('RevokeToken only takes refresh tokens', async () => {
    const backend = createBackend({ deviceTracking: false });
    const password = strongPassword();
    await backend.createUser({ username: 'zoe', password });
    const { AccessToken } = await signedIn(backend, 'zoe', password);
    await expect(backend.call('RevokeToken', { ClientId: backend.config.clientId, Token: AccessToken })).rejects.toMatchObject({
      name: 'UnsupportedTokenTypeException',
    });
  });

  it('ListDevices pages confirmed devices', async () => {
    const backend = createBackend();
    const password = strongPassword();
    await backend.createUser({ username: 'abe', password });
    let access = '';
    for (let i = 0; i < 3; i++) {
      const result = await signedIn(backend, 'abe', password);
      access = result.AccessToken ?? '';
      const meta = (result as unknown as { NewDeviceMetadata: { DeviceKey: string } }).NewDeviceMetadata;
      await backend.call('ConfirmDevice', {
        AccessToken: access,
        DeviceKey: meta.DeviceKey,
        DeviceName: `device ${i}`,
        DeviceSecretVerifierConfig: { Salt: btoa('salt'), PasswordVerifier: btoa('verifier') },
      });
    }
    const page1 = (await backend.call('ListDevices', { AccessToken: access, Limit: 2 })) as { Devices: unknown[]; PaginationToken?: string };
    expect(page1.Devices).toHaveLength(2);
    const page2 = (await backend.call('ListDevices', { AccessToken: access, Limit: 2, PaginationToken: page1.PaginationToken })) as {
      Devices: { DeviceAttributes: { Name: string; Value: string }[] }[];
      PaginationToken?: string;
    };
    expect(page2.Devices).toHaveLength(1);
    expect(page2.PaginationToken).toBeUndefined();
    expect(page2.Devices[0]?.DeviceAttributes).toContainEqual({ Name: 'device_name', Value: 'device 2' });
  });
});
