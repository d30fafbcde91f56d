import type { CognitoUser } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { expectOutcome, MemoryStorage, poolFor, sendMFACode, settle, signIn, userFor } from './acij';
import { strongPassword, useBackend } from './harness';
import { decodeJwt } from './jwt';

describe('device tracking with acij (ConfirmDevice, remembered devices, device SRP)', () => {
  const server = useBackend();
  const password = strongPassword();
  // One browser profile: acij caches deviceKey / deviceGroupKey / randomPasswordKey in this storage.
  const storage = new MemoryStorage();

  const newClient = (): CognitoUser => {
    const { backend, url } = server();
    return userFor(poolFor(backend, url, storage), 'pat', storage);
  };
  const challenges = () =>
    server()
      .backend.requests()
      .filter((r) => r.operation === 'RespondToAuthChallenge')
      .map((r) => (r.input as { ChallengeName: string }).ChallengeName);

  it('confirms the new device acij generated a verifier for', async () => {
    const { backend } = server();
    await backend.createUser({ username: 'pat', password, attributes: { phone_number: '+15555554321' }, mfa: { sms: true } });
    const user = newClient();
    expectOutcome(await signIn(user, password), 'mfaRequired');
    const signedIn = expectOutcome(await sendMFACode(user, backend.lastCode('pat', 'MFA')), 'success');

    expect(backend.count('ConfirmDevice')).toBe(1);
    const [device] = backend.getUser('pat')?.devices ?? [];
    expect(device).toMatchObject({ confirmed: true, remembered: false });
    expect(device?.deviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/);
    expect(decodeJwt(signedIn.session.getAccessToken().getJwtToken()).device_key).toBe(device?.deviceKey);

    await settle((cb) => user.setDeviceStatusRemembered(cb));
    expect(backend.getUser('pat')?.devices[0]?.remembered).toBe(true);
  });

  it('skips MFA on the remembered device and proves it with DEVICE_SRP_AUTH', async () => {
    const { backend } = server();
    backend.resetCounts();
    const outcome = expectOutcome(await signIn(newClient(), password), 'success');

    expect(challenges()).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect(backend.count('ConfirmDevice')).toBe(0);
    const deviceKey = backend.getUser('pat')?.devices[0]?.deviceKey;
    expect(decodeJwt(outcome.session.getAccessToken().getJwtToken()).device_key).toBe(deviceKey);
    expect(backend.codes('pat').filter((c) => c.kind === 'MFA')).toHaveLength(1);
  });

  it('lists devices the way ListDevices does', async () => {
    const user = newClient();
    expectOutcome(await signIn(user, password), 'success');
    const listed = await settle<{ Devices: { DeviceKey: string; DeviceAttributes: { Name: string; Value: string }[] }[] }>((cb) =>
      user.listDevices(10, null, cb),
    );
    expect(listed.Devices).toHaveLength(1);
    expect(listed.Devices[0]?.DeviceAttributes).toContainEqual({ Name: 'dev:device_remembered_status', Value: 'remembered' });
  });

  it('asks for MFA again once the device is not remembered, then still runs device SRP', async () => {
    const { backend } = server();
    const user = newClient();
    expectOutcome(await signIn(user, password), 'success');
    await settle((cb) => user.setDeviceStatusNotRemembered(cb));

    backend.resetCounts();
    const next = newClient();
    expectOutcome(await signIn(next, password), 'mfaRequired');
    expectOutcome(await sendMFACode(next, backend.lastCode('pat', 'MFA')), 'success');
    expect(challenges()).toEqual(['PASSWORD_VERIFIER', 'SMS_MFA', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it('fails device SRP when the device secret is wrong', async () => {
    const { backend } = server();
    const key = `CognitoIdentityServiceProvider.${backend.config.clientId}.pat.randomPasswordKey`;
    const real = storage.getItem(key);
    storage.setItem(key, 'not-the-device-password');
    try {
      const user = newClient();
      expectOutcome(await signIn(user, password), 'mfaRequired');
      const outcome = await sendMFACode(user, backend.lastCode('pat', 'MFA'));
      expect(expectOutcome(outcome, 'failure').error).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    } finally {
      if (real !== null) storage.setItem(key, real);
    }
  });

  it('after ForgetDevice, acij retries without the device and a new device is issued', async () => {
    const { backend } = server();
    const user = newClient();
    expectOutcome(await signIn(user, password), 'mfaRequired');
    expectOutcome(await sendMFACode(user, backend.lastCode('pat', 'MFA')), 'success');
    const oldKey = backend.getUser('pat')?.devices[0]?.deviceKey;
    await settle((cb) => user.forgetDevice(cb));
    expect(backend.getUser('pat')?.devices).toHaveLength(0);

    // acij cleared its cache on forgetDevice; put the stale key back to hit the server-side check.
    const prefix = `CognitoIdentityServiceProvider.${backend.config.clientId}.pat`;
    storage.setItem(`${prefix}.deviceKey`, oldKey ?? '');
    storage.setItem(`${prefix}.randomPasswordKey`, 'stale');
    storage.setItem(`${prefix}.deviceGroupKey`, 'stale');
    backend.resetCounts();
    const next = newClient();
    expectOutcome(await signIn(next, password), 'mfaRequired');
    expectOutcome(await sendMFACode(next, backend.lastCode('pat', 'MFA')), 'success');
    expect(challenges()).toEqual(['PASSWORD_VERIFIER', 'PASSWORD_VERIFIER', 'SMS_MFA']);
    const devices = backend.getUser('pat')?.devices ?? [];
    expect(devices).toHaveLength(1);
    expect(devices[0]?.deviceKey).not.toBe(oldKey);
  });
});
