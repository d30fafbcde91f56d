import { beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { uniqueName } from '../support/engineAssertions';

describe('the current user', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: 600, idTokenSeconds: 600 } });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function signedIn(): Promise<{ auth: Auth; username: string; sub: string }> {
    const { backend, auth } = kit();
    const username = uniqueName('ivy');
    const { sub } = await backend.createUser({ username, password, attributes: { email: `${username}@example.com`, name: 'Ivy' } });
    const engine = auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    await engine.signIn(username, password);
    backend.resetCounts();
    return { auth: engine, username, sub };
  }

  it('currentAuthenticatedUser comes from the id token without a request', async () => {
    const { backend } = kit();
    const { auth, username, sub } = await signedIn();

    const user = await auth.currentAuthenticatedUser();

    expect(user).toEqual({
      username,
      userId: sub,
      attributes: { sub, email: `${username}@example.com`, email_verified: 'true', name: 'Ivy' },
    });
    expect(user).toBe(auth.getState().user);
    expect(backend.count()).toBe(0);
  });

  it('currentAuthenticatedUser({ bypassCache: true }) asks Cognito (one GetUser) and sees changes made elsewhere', async () => {
    const { backend } = kit();
    const { auth, username } = await signedIn();
    // Changed by another client: the id token still says "Ivy".
    await backend.call('UpdateUserAttributes', {
      AccessToken: (await auth.currentSession()).accessToken,
      UserAttributes: [{ Name: 'name', Value: 'Ivy Renamed' }],
    });
    backend.resetCounts();

    expect((await auth.currentAuthenticatedUser()).attributes['name']).toBe('Ivy');
    const fresh = await auth.currentAuthenticatedUser({ bypassCache: true });

    expect(backend.requests().map((r) => r.operation)).toEqual(['GetUser']);
    expect(fresh).toMatchObject({ username, attributes: { name: 'Ivy Renamed' } });
    expect(auth.getState().user?.attributes['name']).toBe('Ivy Renamed');
  });

  it('currentAuthenticatedUser refreshes expired tokens first (one refresh request), as v5 did', async () => {
    const { backend, clock } = kit();
    const { auth, username } = await signedIn();
    clock.advance(601_000);

    await expect(auth.currentAuthenticatedUser()).resolves.toMatchObject({ username });

    expect(backend.requests().map((r) => r.operation)).toEqual(['InitiateAuth']);
    expect(backend.requests()[0]!.input).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH' });
  });

  it('currentAuthenticatedUser without a session fails with NoCurrentUser and no request', async () => {
    const { backend, auth } = kit();
    const engine = auth();
    backend.resetCounts();
    await expect(engine.currentAuthenticatedUser()).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'currentAuthenticatedUser' });
    await expect(engine.currentAuthenticatedUser({ bypassCache: true })).rejects.toMatchObject({ name: 'NoCurrentUser' });
    expect(backend.count()).toBe(0);
  });

  it('currentUserInfo returns { username, attributes } from Cognito, and null when signed out without a request', async () => {
    const { backend } = kit();
    const { auth, username, sub } = await signedIn();

    const info = await auth.currentUserInfo();
    expect(info).toMatchObject({ username, attributes: { sub, email: `${username}@example.com`, name: 'Ivy' } });
    expect(backend.requests().map((r) => r.operation)).toEqual(['GetUser']);

    await auth.signOut();
    backend.resetCounts();
    await expect(auth.currentUserInfo()).resolves.toBeNull();
    expect(backend.count()).toBe(0);
  });
});

describe('deleteUser', () => {
  // Device tracking on, so the engine stores device keys that deleting the user must remove too.
  const kit = useEngineBackend({ deviceTracking: true });
  const password = strongPassword();
  const engine = (): Auth => kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function seeded(): Promise<string> {
    const username = uniqueName('jo');
    await kit().backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
    return username;
  }

  it('deletes at Cognito, emits userDeleted, signs out and removes every stored key of that user (device keys too)', async () => {
    const { backend, events, storage } = kit();
    const clientId = backend.config.clientId;
    // Another user's remembered device on the same storage must survive.
    const other = await seeded();
    const first = engine();
    await first.signIn(other, password);
    await first.signOut();
    const othersKeys = storage.keys();
    expect(othersKeys).toContain(`CognitoIdentityServiceProvider.${clientId}.${other}.deviceKey`);

    const username = await seeded();
    const auth = engine();
    await auth.signIn(username, password);
    const prefix = `CognitoIdentityServiceProvider.${clientId}.${username}.`;
    expect(storage.keys().filter((key) => key.startsWith(prefix))).toEqual(
      ['accessToken', 'clockDrift', 'deviceGroupKey', 'deviceKey', 'idToken', 'randomPasswordKey', 'refreshToken', 'sessionStamp'].map((item) => prefix + item),
    );
    const seen = events(auth);
    const accessToken = (await auth.currentSession()).accessToken;
    backend.resetCounts();

    await expect(auth.deleteUser()).resolves.toBe('SUCCESS');

    expect(backend.requests()).toEqual([{ operation: 'DeleteUser', input: { AccessToken: accessToken } }]);
    expect(backend.getUser(username)).toBeUndefined();
    expect(seen).toEqual([{ event: 'userDeleted', data: undefined, message: 'The authenticated user has been deleted.' }]);
    expect(auth.getState()).toEqual({ status: 'signedOut', user: null, nextStep: null, error: null });
    expect(storage.keys()).toEqual(othersKeys);
    await expect(auth.currentSession()).rejects.toMatchObject({ name: 'NoCurrentUser' });
    // A new engine on the same storage finds nobody.
    expect(engine().getState().status).toBe('signedOut');
  });

  it('without a signed-in user fails with NoCurrentUser and makes no request', async () => {
    const { backend } = kit();
    backend.resetCounts();
    await expect(engine().deleteUser()).rejects.toMatchObject({ name: 'NoCurrentUser', source: 'deleteUser' });
    expect(backend.count()).toBe(0);
  });

  it('a DeleteUser that does not reach Cognito keeps the user signed in, stored and not deleted', async () => {
    const { backend, storage, auth, events } = kit();
    const username = await seeded();
    const engineOffline = auth({
      config: { authenticationFlowType: 'USER_PASSWORD_AUTH' },
      engine: {
        fetch: (url, init) =>
          init.headers['X-Amz-Target']?.endsWith('.DeleteUser') ? Promise.reject(new TypeError('Failed to fetch')) : globalThis.fetch(url, init),
      },
    });
    await engineOffline.signIn(username, password);
    const before = storage.keys();
    const seen = events(engineOffline);

    await expect(engineOffline.deleteUser()).rejects.toMatchObject({ name: 'NetworkError', source: 'deleteUser' });

    expect(backend.getUser(username)).toBeDefined();
    expect(engineOffline.getState()).toMatchObject({ status: 'signedIn', user: { username } });
    expect(storage.keys()).toEqual(before);
    expect(seen).toEqual([]);
  });

  it('a DeleteUser refused because the user is disabled ends the session locally but keeps the device keys', async () => {
    const { backend, storage } = kit();
    const username = await seeded();
    const auth = engine();
    await auth.signIn(username, password);
    const before = storage.keys();
    backend.disableUser(username);

    await expect(auth.deleteUser()).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.', source: 'deleteUser' });

    expect(backend.getUser(username)).toBeDefined();
    // v5 treats "User is disabled." as a dead session: tokens go, the device stays (the user was not deleted).
    expect(auth.getState()).toMatchObject({ status: 'signedOut', error: { name: 'NotAuthorizedException' } });
    expect(storage.keys()).toEqual(before.filter((key) => /\.(deviceKey|deviceGroupKey|randomPasswordKey)$/.test(key)));
  });
});
