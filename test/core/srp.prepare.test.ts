// The comparisons with amazon-cognito-identity-js run a few random inputs by default; CRK_SRP_CASES=200
// for the long run, CRK_SRP_SEED=<seed> to replay a failure (test/support/srpCases.ts).
import { Sha256 } from '@aws-crypto/sha256-js';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuth } from '../../src/core/index';
import { base64ToBytes, bytesToBase64, concatBytes, randomBytes, utf8 } from '../../src/core/encoding';
import { N, bytesToHex } from '../../src/core/srp/bigintMath';
import { createBigintSrpClient } from '../../src/core/srp/bigintSrpClient';
import { call, Helper, type AcijBigInteger, type AcijBigIntegerCtor } from '../../src/core/srp/acijHelper';
import type { SrpClient } from '../../src/core/srp/srpClient';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { answeredChallenges, operations, uniqueName } from '../support/engineAssertions';
import { SRP_CASES, srpRuns, srpTimeout } from '../support/srpCases';

/** Hands out the queued byte strings in order and counts the calls; an unexpected call throws. */
function scriptedRandom(...chunks: Uint8Array[]) {
  const source = {
    calls: 0,
    next(length: number): Uint8Array {
      source.calls += 1;
      const chunk = chunks.shift();
      if (!chunk || chunk.length !== length) throw new Error(`unexpected randomBytes(${length})`);
      return chunk;
    },
  };
  return source;
}

/** acij's A for a given private `a`. */
async function acijA(aHex: string): Promise<string> {
  const helper = new Helper('pool');
  const BigInteger = helper.N.constructor as AcijBigIntegerCtor;
  helper.smallAValue = new BigInteger(aHex, 16);
  helper.largeAValue = undefined;
  return (await call<AcijBigInteger>((cb) => helper.getLargeAValue(cb))).toString(16);
}

/** acij's PASSWORD_CLAIM_SIGNATURE for a given private `a`. */
async function acijSignature(poolName: string, aHex: string, input: { username: string; password: string; salt: string; srpB: string; secretBlock: string; timestamp: string }) {
  const helper = new Helper(poolName);
  const BigInteger = helper.N.constructor as AcijBigIntegerCtor;
  helper.smallAValue = new BigInteger(aHex, 16);
  helper.largeAValue = undefined;
  await call<AcijBigInteger>((cb) => helper.getLargeAValue(cb));
  const key = await call<Uint8Array>((cb) =>
    helper.getPasswordAuthenticationKey(input.username, input.password, new BigInteger(input.srpB, 16), new BigInteger(input.salt, 16), cb),
  );
  const hmac = new Sha256(key);
  hmac.update(concatBytes(utf8(poolName), utf8(input.username), base64ToBytes(input.secretBlock), utf8(input.timestamp)));
  return bytesToBase64(hmac.digestSync());
}

describe('bigintSrpClient.prepare: (a, A) computed ahead', () => {
  it('runs after the caller’s task, then start() uses the prepared pair without drawing randomness', async () => {
    const a1 = randomBytes(128);
    const a2 = randomBytes(128);
    const random = scriptedRandom(a1, a2);
    const client = createBigintSrpClient({ randomBytes: random.next });

    const prepared = client.prepare?.();
    expect(random.calls).toBe(0);
    await prepared;
    expect(random.calls).toBe(1);

    const round = await client.start('pool');
    expect(random.calls).toBe(1);
    expect(round.srpA).toBe(await acijA(bytesToHex(a1)));
  });

  it('uses each pair once and refills after use, so the next start (e.g. the device proof) finds one ready', async () => {
    const pairs = [randomBytes(128), randomBytes(128), randomBytes(128)];
    const random = scriptedRandom(...pairs);
    const client = createBigintSrpClient({ randomBytes: random.next });

    await client.prepare?.();
    const first = await client.start('pool');
    // The refill runs in a later task: wait until it has drawn its randomness.
    await vi.waitFor(() => expect(random.calls).toBe(2));
    const second = await client.start('pool');
    await vi.waitFor(() => expect(random.calls).toBe(3));

    expect(first.srpA).toBe(await acijA(bytesToHex(pairs[0]!)));
    expect(second.srpA).toBe(await acijA(bytesToHex(pairs[1]!)));
    expect(random.calls).toBe(3);
  });

  it('concurrent prepare() calls compute one pair', async () => {
    const random = scriptedRandom(randomBytes(128));
    const client = createBigintSrpClient({ randomBytes: random.next });
    await Promise.all([client.prepare?.(), client.prepare?.(), client.prepare?.()]);
    await client.prepare?.();
    expect(random.calls).toBe(1);
  });

  it(`a prepared round signs byte for byte like acij over ${SRP_CASES} random inputs`, async () => {
    const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
    const inputs = fc.record({
      aBytes: bytes(128),
      username: fc.uuid(),
      password: bytes(6).map((pw) => `Pw-${bytesToHex(pw)}`),
      salt: bytes(16).map(bytesToHex),
      srpB: fc.bigInt({ min: 1n, max: N - 1n }).map((b) => b.toString(16)),
      secretBlock: bytes(64).map(bytesToBase64),
    });
    await fc.assert(
      fc.asyncProperty(inputs, async ({ aBytes, ...drawn }) => {
        const client = createBigintSrpClient({ randomBytes: scriptedRandom(aBytes).next });
        await client.prepare?.();
        const round = await client.start('AbCdEfGhI');
        const input = { ...drawn, timestamp: 'Thu Nov 26 10:00:00 UTC 2026' };
        await expect(round.passwordClaim(input)).resolves.toBe(await acijSignature('AbCdEfGhI', bytesToHex(aBytes), input));
      }),
      srpRuns,
    );
  }, srpTimeout(1_000));

  it('a failing random source rejects prepare(); start() then draws again and works', async () => {
    let calls = 0;
    const client = createBigintSrpClient({
      randomBytes: (length) => {
        calls += 1;
        if (calls === 1) throw new Error('no entropy yet');
        return randomBytes(length);
      },
    });
    await expect(client.prepare?.()).rejects.toThrow('no entropy yet');
    await expect(client.start('pool')).resolves.toMatchObject({ srpA: expect.stringMatching(/^[0-9a-f]+$/) });
  });
});

describe('prepareSignIn against the test backend', () => {
  const password = strongPassword();

  /**
   * The BigInt client, recording how many (a, A) pairs start() had to compute on the spot and how many
   * in all; `prepared()` resolves once every prepare() the engine asked for has finished.
   */
  function countingClient(): { client: SrpClient; onTheSpot: () => number; draws: () => number; prepared: () => Promise<unknown> } {
    let draws = 0;
    let onTheSpot = 0;
    const preparing: Promise<void>[] = [];
    const inner = createBigintSrpClient({
      randomBytes: (length) => {
        if (length === 128) draws += 1;
        return randomBytes(length);
      },
    });
    const innerPrepare = inner.prepare;
    if (!innerPrepare) throw new Error('the BigInt client prepares pairs ahead');
    return {
      client: {
        ...inner,
        prepare: () => {
          const run = innerPrepare();
          preparing.push(run);
          return run;
        },
        // start() draws `a` synchronously when no pair is ready; a background refill draws later.
        start: (poolName) => {
          const before = draws;
          const round = inner.start(poolName);
          onTheSpot += draws - before;
          return round;
        },
      },
      onTheSpot: () => onTheSpot,
      draws: () => draws,
      prepared: () => Promise.allSettled(preparing),
    };
  }

  describe('with device tracking', () => {
    const kit = useEngineBackend({ deviceTracking: true });
    beforeEach(() => {
      kit().storage = new RecordingStorage();
    });

    it('signs in with the prepared A in 2 requests; the remembered-device proof uses the refilled pair', async () => {
      const { backend, config } = kit();
      const username = uniqueName('prep');
      await backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
      const first = createAuth(config());
      await first.signIn(username, password);
      await first.rememberDevice();
      await first.signOut();
      backend.resetCounts();

      const srp = countingClient();
      const auth = createAuth(config(), { srp: srp.client });
      auth.prepareSignIn();
      await srp.prepared();
      const result = await auth.signIn(username, password);

      expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      expect(operations(backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
      expect(answeredChallenges(backend)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
      expect(srp.onTheSpot()).toBe(0);
      expect(srp.draws()).toBe(3);
    });
  });

  describe('without device tracking', () => {
    const kit = useEngineBackend();

    it('is a no-op for USER_PASSWORD_AUTH', async () => {
      const { config } = kit();
      const srp = countingClient();
      createAuth(config({ authenticationFlowType: 'USER_PASSWORD_AUTH' }), { srp: srp.client }).prepareSignIn();
      await srp.prepared();
      expect(srp.draws()).toBe(0);
    });

    it('is a no-op without a user pool (identity pool only)', async () => {
      const { backend, url } = kit();
      const srp = countingClient();
      createAuth({ identityPoolId: backend.config.identityPool.identityPoolId, identityPoolEndpoint: url }, { srp: srp.client }).prepareSignIn();
      await srp.prepared();
      expect(srp.draws()).toBe(0);
    });

    it('prepares one pair for an SRP pool, whatever the number of calls', async () => {
      const { config } = kit();
      const srp = countingClient();
      const auth = createAuth(config(), { srp: srp.client });
      auth.prepareSignIn();
      auth.prepareSignIn();
      await srp.prepared();
      auth.prepareSignIn();
      await srp.prepared();
      expect(srp.draws()).toBe(1);
    });
  });
});
