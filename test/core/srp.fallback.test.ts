import { describe, expect, it } from 'vitest';
import { acijFallback, createDefaultSrpClient } from '../../src/core/srp/defaultSrpClient';
import { bigintSrpClient } from '../../src/core/srp/bigintSrpClient';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

// Engines without BigInt load acij's math on demand: that path must still sign in (and remember a device).
describe('SRP client selection', () => {
  const kit = useEngineBackend({ deviceTracking: true });
  const password = strongPassword();

  it('uses a BigInt client of its own per engine where BigInt exists', () => {
    const client = createDefaultSrpClient();
    expect(client).not.toBe(acijFallback);
    expect(Object.keys(client)).toEqual(Object.keys(bigintSrpClient));
    expect(createDefaultSrpClient()).not.toBe(client);
  });

  it('signs in with SRP and confirms a device through the lazily loaded acij fallback', async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    await k.backend.createUser({ username: 'oldie', password });
    const engine = k.auth({ engine: { srp: acijFallback } });
    await expect(engine.signIn('oldie', password)).resolves.toMatchObject({ isSignedIn: true });
    expect(k.backend.requests().filter((r) => r.operation === 'ConfirmDevice')).toHaveLength(1);
    await expect(k.auth({ engine: { srp: acijFallback }, storage: new RecordingStorage() }).signIn('oldie', `${password}x`)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
  });
});
