import { beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../../test/backend/harness';
import { useEngineBackend } from '../../test/support/engine';
import { operations } from '../../test/support/engineAssertions';
import { RecordingStorage } from '../../test/support/recordingStorage';
import { record } from './record';

// Requests per flow, counted at the test backend, with the default SRP client (native BigInt).
describe('requests per flow', () => {
  const kit = useEngineBackend({ tokenValidity: { accessTokenSeconds: 600, idTokenSeconds: 600 } });
  const password = strongPassword();

  beforeEach(async () => {
    const k = kit();
    k.storage = new RecordingStorage();
    if (!k.backend.getUser('bench')) await k.backend.createUser({ username: 'bench', password, attributes: { email: 'bench@example.com' } });
    k.backend.resetCounts();
  });

  it('SRP sign-in', async () => {
    const { backend, auth } = kit();
    await auth().signIn('bench', password);
    record('requests', 'SRP sign-in (USER_SRP_AUTH, no MFA)', backend.count(), '2');
    expect(operations(backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('restore', async () => {
    const { backend, auth } = kit();
    await auth().signIn('bench', password);
    backend.resetCounts();
    const restored = auth();
    await restored.currentSession();
    await restored.currentAuthenticatedUser();
    record('requests', 'restore a stored session (+ currentSession, currentAuthenticatedUser)', backend.count(), '0');
    expect(backend.count()).toBe(0);
  });

  it('refresh with 20 concurrent callers', async () => {
    const { backend, auth, clock } = kit();
    const engine = auth();
    await engine.signIn('bench', password);
    clock.advance(601_000);
    backend.resetCounts();
    await Promise.all(Array.from({ length: 20 }, () => engine.currentSession()));
    record('requests', 'refresh, 20 concurrent currentSession() after expiry', backend.count(), '1');
    expect(operations(backend)).toEqual(['InitiateAuth']);
  });

  it('credentials', async () => {
    const { backend, auth } = kit();
    const engine = auth({ config: { identityPoolId: backend.config.identityPool.identityPoolId, identityPoolEndpoint: kit().url } });
    await engine.signIn('bench', password);
    backend.resetCounts();
    await Promise.all(Array.from({ length: 5 }, () => engine.currentCredentials()));
    record('requests', 'AWS credentials, 5 concurrent currentCredentials() (signed in)', backend.count(), '2');
    expect(operations(backend)).toEqual(['GetId', 'GetCredentialsForIdentity']);
    backend.resetCounts();
    await engine.currentCredentials();
    record('requests', 'AWS credentials again (cached)', backend.count(), '0');
    expect(backend.count()).toBe(0);
  });
});
