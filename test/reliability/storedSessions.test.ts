import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend, type EngineTestKit } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { stubStorageEvents, TabStorage } from '../support/tabStorage';
import { tally } from './tally';

// What storage says is checked: storage is shared with every script on the origin (and, with
// cookies, the domain), so what sits under our keys is not our session just because it is there.
describe('stored sessions are checked before they are believed', () => {
  const kit = useEngineBackend();
  const password = strongPassword();
  let k: EngineTestKit;

  beforeEach(async () => {
    k = kit();
    k.storage = new RecordingStorage();
    for (const username of ['uma', 'vic']) {
      if (!k.backend.getUser(username)) await k.backend.createUser({ username, password });
    }
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A real session of uma's, stored under the keys of `clientId` in a new storage. */
  async function sessionUnder(clientId: string): Promise<RecordingStorage> {
    const source = new RecordingStorage();
    await k.auth({ storage: source, config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } }).signIn('uma', password);
    const target = new RecordingStorage();
    const ours = `CognitoIdentityServiceProvider.${k.backend.config.clientId}.`;
    for (const key of source.keys()) target.setItem(key.replace(ours, `CognitoIdentityServiceProvider.${clientId}.`), source.getItem(key)!);
    k.backend.resetCounts();
    return target;
  }

  it("tokens issued to another app client, under this client's keys, restore signed out with no request and are removed", async () => {
    tally('attacksTried');
    const otherClient = '2otherclient3456789abcdefgh';
    const storage = await sessionUnder(otherClient);
    expect(storage.keys().length).toBeGreaterThan(0);

    const auth = k.auth({ storage, config: { userPoolWebClientId: otherClient } });

    expect(auth.getState().status).toBe('signedOut');
    expect(storage.keys()).toEqual([]);
    expect(k.backend.count()).toBe(0);
    tally('attacksRejected');
  });

  it('tokens issued by another user pool (another issuer) restore signed out with no request', async () => {
    tally('attacksTried');
    const storage = await sessionUnder(k.backend.config.clientId);
    const [region] = k.backend.config.userPoolId.split('_');

    const auth = k.auth({ storage, config: { userPoolId: `${region}_0therPool` } });

    expect(auth.getState().status).toBe('signedOut');
    expect(k.backend.count()).toBe(0);
    tally('attacksRejected');
  });

  it('the same tokens under the right client and pool restore signed in (the check refuses only what is foreign)', async () => {
    const storage = await sessionUnder(k.backend.config.clientId);
    expect(k.auth({ storage }).getState()).toMatchObject({ status: 'signedIn', user: { username: 'uma' } });
    expect(k.backend.count()).toBe(0);
  });

  it("another user's session written over ours (another tab) is announced: signOut, then signIn as the new user", async () => {
    tally('faultsInjected');
    stubStorageEvents();
    const [mine, theirs] = TabStorage.linked(2) as [TabStorage, TabStorage];
    const auth = k.auth({ storage: mine, config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    const stop = auth.subscribe(() => undefined);
    await auth.signIn('uma', password);
    const seen = k.events(auth);

    const other = k.auth({ storage: theirs, config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
    await other.signOut();
    await other.signIn('vic', password);
    await vi.waitFor(() => expect(auth.getState().user?.username).toBe('vic'));
    stop();

    expect(seen.map((event) => event.event)).toEqual(['signOut', 'signIn']);
    expect(seen[1]?.data).toMatchObject({ username: 'vic' });
    tally('faultsHandled');
  });
});
