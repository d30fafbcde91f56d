import { beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { newTotpSecret, totpCode } from '../backend/totp';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { DEVICE_ITEMS, SESSION_ITEMS, answeredChallenges, authErrorOf, inputOf, operations, storedKeys, uniqueName } from '../support/engineAssertions';

const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;
const TOTP_STEP_MS = 30_000;

// Each test is one browser profile (its own storage); the engine keeps device keys there, as acij does.
describe('device tracking (deviceTracking: true)', () => {
  const kit = useEngineBackend({ deviceTracking: true });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
    kit().backend.resetCounts();
  });

  async function newUser(mfa: { totpSecret?: string } = {}) {
    const username = uniqueName('dev');
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` }, mfa });
    kit().backend.resetCounts();
    return username;
  }

  const deviceKeyIn = (username: string) =>
    kit().storage.getItem(`CognitoIdentityServiceProvider.${kit().backend.config.clientId}.${username}.deviceKey`);

  /** Signed in with a confirmed device stored; counts reset. */
  async function signedInWithDevice(username: string, config: { authenticationFlowType?: 'USER_PASSWORD_AUTH' } = PASSWORD_AUTH) {
    const engine = kit().auth({ config });
    const result = await engine.signIn(username, password);
    if (!result.isSignedIn) throw new Error(`${username} stopped at ${result.nextStep.signInStep}`);
    kit().backend.resetCounts();
    return engine;
  }

  it('the first SRP sign-in confirms the new device: 3 requests, device keys stored next to the tokens', async () => {
    const { backend, auth, storage } = kit();
    const username = await newUser();
    const engine = auth();

    const result = await engine.signIn(username, password);

    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(operations(backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'ConfirmDevice']);
    const [device] = backend.getUser(username)?.devices ?? [];
    expect(device).toMatchObject({ confirmed: true, remembered: false });
    const confirm = inputOf(backend, 'ConfirmDevice');
    expect(confirm).toMatchObject({
      AccessToken: (await engine.currentSession()).accessToken,
      DeviceKey: device?.deviceKey,
      DeviceName: expect.any(String),
      DeviceSecretVerifierConfig: { Salt: expect.any(String), PasswordVerifier: expect.any(String) },
    });
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, username, [...SESSION_ITEMS, ...DEVICE_ITEMS]));
    expect(deviceKeyIn(username)).toBe(device?.deviceKey);
    expect(storage.getItem(`CognitoIdentityServiceProvider.${backend.config.clientId}.${username}.deviceGroupKey`)).toBe(device?.deviceGroupKey);
  });

  it('the next sign-in from the same storage proves the device with DEVICE_SRP_AUTH + DEVICE_PASSWORD_VERIFIER, no new device', async () => {
    const { backend, auth, storage } = kit();
    const username = await newUser();
    const first = await signedInWithDevice(username);
    const deviceKey = deviceKeyIn(username);
    await first.signOut();
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, username, DEVICE_ITEMS, false));
    backend.resetCounts();

    const result = await auth().signIn(username, password);

    expect(result.isSignedIn).toBe(true);
    expect(operations(backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
    expect(answeredChallenges(backend)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect(inputOf(backend, 'InitiateAuth')).toMatchObject({ AuthParameters: { USERNAME: username, DEVICE_KEY: deviceKey } });
    expect(inputOf(backend, 'RespondToAuthChallenge', 1)['ChallengeResponses']).toMatchObject({ DEVICE_KEY: deviceKey, SRP_A: expect.any(String) });
    expect(inputOf(backend, 'RespondToAuthChallenge', 2)['ChallengeResponses']).toMatchObject({
      DEVICE_KEY: deviceKey,
      PASSWORD_CLAIM_SIGNATURE: expect.any(String),
    });
    expect(backend.getUser(username)?.devices).toHaveLength(1);
    expect(deviceKeyIn(username)).toBe(deviceKey);
  });

  it('rememberDevice() marks the device remembered with UpdateDeviceStatus; fetchDevices() lists { id, name, remembered }', async () => {
    const { backend } = kit();
    const username = await newUser();
    const engine = await signedInWithDevice(username);
    const accessToken = (await engine.currentSession()).accessToken;
    const [device] = backend.getUser(username)?.devices ?? [];

    const before = await engine.fetchDevices();
    await expect(engine.rememberDevice()).resolves.toBe('SUCCESS');
    const after = await engine.fetchDevices();

    expect(operations(backend)).toEqual(['ListDevices', 'UpdateDeviceStatus', 'ListDevices']);
    expect(inputOf(backend, 'UpdateDeviceStatus')).toEqual({ AccessToken: accessToken, DeviceKey: deviceKeyIn(username), DeviceRememberedStatus: 'remembered' });
    expect(inputOf(backend, 'ListDevices')).toMatchObject({ AccessToken: accessToken });
    expect(backend.getUser(username)?.devices[0]?.remembered).toBe(true);
    expect(device?.name).toBeTruthy();
    expect(before).toEqual([
      { id: deviceKeyIn(username), name: device?.name, remembered: false, createdAt: expect.any(Date), lastAuthenticatedAt: expect.any(Date) },
    ]);
    expect(after).toEqual([expect.objectContaining({ id: deviceKeyIn(username), name: device?.name, remembered: true })]);
  });

  it('a TOTP user on a remembered device signs in without the MFA step, proving the device instead', async () => {
    const { backend, auth, clock } = kit();
    const secret = newTotpSecret();
    const username = await newUser({ totpSecret: secret });
    const first = auth({ config: PASSWORD_AUTH });
    const step = await first.signIn(username, password);
    expect(step.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    await first.confirmSignIn(await totpCode(secret, clock.now()));
    await first.rememberDevice();
    await first.signOut();
    backend.resetCounts();

    const result = await auth({ config: PASSWORD_AUTH }).signIn(username, password);

    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(operations(backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
    expect(answeredChallenges(backend)).toEqual(['DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it('a TOTP user on a tracked but not remembered device still gets the MFA step, then the device proof', async () => {
    const { backend, auth, clock } = kit();
    const secret = newTotpSecret();
    const username = await newUser({ totpSecret: secret });
    const first = auth({ config: PASSWORD_AUTH });
    await first.signIn(username, password);
    await first.confirmSignIn(await totpCode(secret, clock.now()));
    await first.signOut();
    backend.resetCounts();
    const engine = auth({ config: PASSWORD_AUTH });

    const step = await engine.signIn(username, password);
    clock.advance(TOTP_STEP_MS);
    const done = await engine.confirmSignIn(await totpCode(secret, clock.now()));

    expect(step.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    expect(done.isSignedIn).toBe(true);
    expect(answeredChallenges(backend)).toEqual(['SOFTWARE_TOKEN_MFA', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect(backend.count('ConfirmDevice')).toBe(0);
  });

  it('forgetDevice() calls ForgetDevice and removes the device keys, keeping the session; then rememberDevice() is NoDevice', async () => {
    const { backend, storage } = kit();
    const username = await newUser();
    const engine = await signedInWithDevice(username);
    const deviceKey = deviceKeyIn(username);

    await engine.forgetDevice();

    expect(operations(backend)).toEqual(['ForgetDevice']);
    expect(inputOf(backend, 'ForgetDevice')).toEqual({ AccessToken: (await engine.currentSession()).accessToken, DeviceKey: deviceKey });
    expect(backend.getUser(username)?.devices).toEqual([]);
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, username, SESSION_ITEMS));
    expect(engine.getState().status).toBe('signedIn');

    backend.resetCounts();
    await expect(engine.rememberDevice()).rejects.toMatchObject({ name: 'NoDevice', source: 'rememberDevice' });
    await expect(engine.forgetDevice()).rejects.toMatchObject({ name: 'NoDevice', source: 'forgetDevice' });
    expect(backend.count()).toBe(0);
    await expect(engine.fetchDevices()).resolves.toEqual([]);
  });


  it('device methods need a signed-in user: NoCurrentUser before any request', async () => {
    const { backend, auth } = kit();

    const engine = auth();

    await expect(engine.rememberDevice()).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'rememberDevice' });
    await expect(engine.forgetDevice()).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'forgetDevice' });
    await expect(engine.fetchDevices()).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'fetchDevices' });
    expect(backend.count()).toBe(0);
  });
});

describe('a pool without device tracking', () => {
  const kit = useEngineBackend({ deviceTracking: false });
  const password = strongPassword();

  it('stores no device keys, and rememberDevice() fails with NoDevice before any request', async () => {
    const { backend, auth, storage } = kit();
    await backend.createUser({ username: 'nod', password });
    const engine = auth({ config: PASSWORD_AUTH });
    await engine.signIn('nod', password);
    backend.resetCounts();

    const error = await authErrorOf(engine.rememberDevice());

    expect(error).toMatchObject({ name: 'NoDevice', source: 'rememberDevice', message: expect.any(String) });
    expect(backend.count()).toBe(0);
    expect(storage.keys()).toEqual(storedKeys(backend.config.clientId, 'nod', SESSION_ITEMS));
  });
});
