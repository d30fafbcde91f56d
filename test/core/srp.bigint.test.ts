// Compares our BigInt SRP client with amazon-cognito-identity-js: fixed edge cases, then a few random
// inputs from fast-check (5 by default; acij's math is slow). The long run: CRK_SRP_CASES=200, and
// CRK_SRP_SEED=<seed> replays a failure (test/support/srpCases.ts).
import { Sha256 } from '@aws-crypto/sha256-js';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from '../../src/core/index';
import { base64ToBytes, bytesToBase64, concatBytes, hexToBytes, randomBytes, utf8 } from '../../src/core/encoding';
import { N, bytesToHex, modPow, padHex } from '../../src/core/srp/bigintMath';
import { bigintSrpClient, createBigintSrpClient } from '../../src/core/srp/bigintSrpClient';
import { call, Helper, type AcijBigInteger, type AcijBigIntegerCtor } from '../../src/core/srp/acijHelper';
import { formatSrpTimestamp, type PasswordClaimInput } from '../../src/core/srp/srpClient';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { answeredChallenges, authErrorOf, operations, uniqueName } from '../support/engineAssertions';
import { SRP_CASES, srpRuns, srpTimeout } from '../support/srpCases';

/** Hands out the queued byte strings in order, then fails: the test decides every random byte. */
function scriptedRandom(...chunks: Uint8Array[]): (length: number) => Uint8Array {
  return (length) => {
    const next = chunks.shift();
    if (!next || next.length !== length) throw new Error(`unexpected randomBytes(${length})`);
    return next;
  };
}

function randomInt(max: number): number {
  return (randomBytes(4).reduce((acc, byte) => acc * 256 + byte, 0) >>> 0) % max;
}

function randomBigBelow(limit: bigint): bigint {
  const value = BigInt(`0x${bytesToHex(randomBytes(400))}`) % limit;
  return value === 0n ? 1n : value;
}

const ALPHABET = 'abcXYZ019_-.@+!:é漢字🙂 ';
// size 'max': lengths spread over the whole range (fast-check's default keeps them small).
const text = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...Array.from(ALPHABET)), minLength, maxLength, size: 'max' });
const bytes = (minLength: number, maxLength: number) => fc.uint8Array({ minLength, maxLength, size: 'max' });

/** Salt hex as Cognito might send it: 1–32 random bytes, sometimes odd-length or with leading zeros. */
const saltHex = fc.tuple(bytes(1, 32), fc.constantFrom('stripped', 'zero-prefixed', 'as is')).map(([salt, shape]) => {
  const hex = bytesToHex(salt);
  return shape === 'stripped' ? hex.replace(/^0+(?=.)/, '') : shape === 'zero-prefixed' ? `0${hex}` : hex;
});

type ClaimInput = PasswordClaimInput;

/** One comparison: the private `a` (128 bytes), the pool name and the password-claim input. */
interface ClaimCase {
  a: Uint8Array;
  poolName: string;
  input: ClaimInput;
}

const claimCase: fc.Arbitrary<ClaimCase> = fc.record({
  a: bytes(128, 128),
  poolName: fc.oneof(fc.constant('AbCdEfGhI'), text(5, 12)),
  input: fc.record({
    username: fc.oneof(fc.uuid(), text(1, 20)),
    password: text(0, 40),
    salt: saltHex,
    srpB: fc.bigInt({ min: 1n, max: N - 1n }).map((b) => b.toString(16)),
    secretBlock: bytes(1, 300).map(bytesToBase64),
    timestamp: fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seconds) => formatSrpTimestamp(new Date(seconds * 1000))),
  }),
});

/** Deterministic bytes for the fixed cases: `length` bytes counting up from `start` in steps of 73. */
function patternBytes(length: number, start: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (start + i * 73) & 0xff);
}

const BASE_CASE: ClaimCase = {
  a: patternBytes(128, 11),
  poolName: 'AbCdEfGhI',
  input: {
    username: 'edge-user',
    password: 'Pa55word!',
    salt: bytesToHex(patternBytes(16, 5)),
    srpB: ((N * 2n) / 3n).toString(16),
    secretBlock: bytesToBase64(patternBytes(64, 7)),
    timestamp: 'Thu Nov 26 10:00:00 UTC 2026',
  },
};

/** Inputs random ones may miss, compared one by one. */
const EDGE_CASES: [string, ClaimCase][] = [
  ['a with leading zero bytes', { ...BASE_CASE, a: Uint8Array.from(patternBytes(128, 11), (byte, i) => (i < 8 ? 0 : byte)) }],
  ['a of all 0xff bytes', { ...BASE_CASE, a: new Uint8Array(128).fill(0xff) }],
  ['B = N − 1', { ...BASE_CASE, input: { ...BASE_CASE.input, srpB: (N - 1n).toString(16) } }],
  ['an empty password', { ...BASE_CASE, input: { ...BASE_CASE.input, password: '' } }],
  ['an odd-length salt with a leading zero', { ...BASE_CASE, input: { ...BASE_CASE.input, salt: '0a1b2c' } }],
  ['a salt whose leading zeros were stripped', { ...BASE_CASE, input: { ...BASE_CASE.input, salt: 'a1b' } }],
  [
    'non-ASCII pool name, username and password; 1-byte secret block; the epoch',
    {
      ...BASE_CASE,
      poolName: 'é漢字🙂 x',
      input: { ...BASE_CASE.input, username: 'ünï 漢字🙂', password: 'pässwörd 🙂', secretBlock: bytesToBase64(new Uint8Array([0])), timestamp: formatSrpTimestamp(new Date(0)) },
    },
  ],
];

/** Our client's A and PASSWORD_CLAIM_SIGNATURE equal acij's for the same private `a`. */
async function expectSameClaim({ a, poolName, input }: ClaimCase): Promise<void> {
  const round = await createBigintSrpClient({ randomBytes: scriptedRandom(a) }).start(poolName);
  const expected = await acijClaim(poolName, bytesToHex(a), input);
  expect(round.srpA).toBe(expected.srpA);
  await expect(round.passwordClaim(input)).resolves.toBe(expected.signature);
}

/** acij's A and PASSWORD_CLAIM_SIGNATURE for a given private `a`, as acijSrpClient computes them. */
async function acijClaim(poolName: string, aHex: string, input: ClaimInput) {
  const helper = new Helper(poolName);
  const BigInteger = helper.N.constructor as AcijBigIntegerCtor;
  helper.smallAValue = new BigInteger(aHex, 16);
  helper.largeAValue = undefined;
  const largeA = await call<AcijBigInteger>((cb) => helper.getLargeAValue(cb));
  const key = await call<Uint8Array>((cb) =>
    helper.getPasswordAuthenticationKey(input.username, input.password, new BigInteger(input.srpB, 16), new BigInteger(input.salt, 16), cb),
  );
  const hmac = new Sha256(key);
  hmac.update(concatBytes(utf8(poolName), utf8(input.username), base64ToBytes(input.secretBlock), utf8(input.timestamp)));
  return { srpA: largeA.toString(16), signature: bytesToBase64(hmac.digestSync()) };
}

describe('bigint modPow', () => {
  function slowModPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
    let result = 1n % modulus;
    let b = ((base % modulus) + modulus) % modulus;
    for (let e = exponent; e > 0n; e >>= 1n) {
      if (e & 1n) result = (result * b) % modulus;
      b = (b * b) % modulus;
    }
    return result;
  }

  it('agrees with plain square-and-multiply, including base 2, edge exponents and bases outside [0, N)', () => {
    const exponents = [0n, 1n, 2n, 31n, 32n, 255n, 256n, 0x10000n, (1n << 1024n) - 1n, 1n << 1024n, N - 1n];
    const bases = [0n, 1n, 2n, 3n, N - 1n, N, N + 2n, -5n, -N - 2n];
    for (let i = 0; i < 4; i++) {
      exponents.push(randomBigBelow(1n << BigInt(1 + randomInt(1300))));
      bases.push(randomBigBelow(N));
    }
    for (const base of bases) for (const exponent of exponents) expect(modPow(base, exponent, N)).toBe(slowModPow(base, exponent, N));
    for (let bits = 0; bits < 300; bits++) expect(modPow(2n, (1n << BigInt(bits)) + 1n, N)).toBe(slowModPow(2n, (1n << BigInt(bits)) + 1n, N));
    expect(modPow(5n, 3n, 1n)).toBe(0n);
    expect(modPow(7n, 13n, 11n)).toBe(slowModPow(7n, 13n, 11n));
  });

  it('padHex mirrors acij: even length, 00 before a set top bit', () => {
    expect(padHex(0n)).toBe('00');
    expect(padHex(0xfn)).toBe('0f');
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0x123n)).toBe('0123');
    expect(padHex(0x8123n)).toBe('008123');
    expect(() => padHex(-1n)).toThrow();
  });
});

describe('bigintSrpClient matches amazon-cognito-identity-js byte for byte', () => {
  it.each(EDGE_CASES)('A and PASSWORD_CLAIM_SIGNATURE with %s', async (_name, edge) => {
    await expectSameClaim(edge);
  });

  it(`A and PASSWORD_CLAIM_SIGNATURE over ${SRP_CASES} random inputs`, async () => {
    await fc.assert(fc.asyncProperty(claimCase, expectSameClaim), srpRuns);
  }, srpTimeout(1_500));

  it('rejects B ≡ 0 mod N like acij', async () => {
    const round = await bigintSrpClient.start('pool');
    const input = { username: 'u', password: 'p', salt: 'ab', secretBlock: 'AA==', timestamp: 'Thu Jan 1 00:00:00 UTC 1970' };
    await expect(round.passwordClaim({ ...input, srpB: N.toString(16) })).rejects.toThrow(/B cannot be zero/);
    await expect(round.passwordClaim({ ...input, srpB: '0' })).rejects.toThrow(/B cannot be zero/);
  });

  it(`device verifier over ${SRP_CASES} random inputs, given acij’s random password and salt`, async () => {
    const keys = fc.record({ deviceGroupKey: text(6, 10).map((key) => `-${key}`), deviceKey: fc.uuid().map((id) => `us-east-1_${id}`) });
    await fc.assert(
      fc.asyncProperty(keys, async ({ deviceGroupKey, deviceKey }) => {
        const helper = new Helper(deviceGroupKey);
        await call<null>((cb) => helper.generateHashDevice(deviceGroupKey, deviceKey, cb));
        const saltBytes = hexToBytes(BigInt(`0x${helper.getSaltDevices()}`).toString(16).padStart(32, '0'));
        const client = createBigintSrpClient({ randomBytes: scriptedRandom(base64ToBytes(helper.getRandomPassword()), saltBytes) });

        const verifier = await client.createDeviceVerifier(deviceGroupKey, deviceKey);

        expect(verifier).toEqual({
          randomPassword: helper.getRandomPassword(),
          salt: bytesToBase64(hexToBytes(helper.getSaltDevices())),
          passwordVerifier: bytesToBase64(hexToBytes(helper.getVerifierDevices())),
        });
      }),
      srpRuns,
    );
  }, srpTimeout(1_000));

  it('draws fresh randomness by default', async () => {
    const [one, two] = await Promise.all([bigintSrpClient.start('pool'), bigintSrpClient.start('pool')]);
    expect(one.srpA).toMatch(/^[0-9a-f]+$/);
    expect(one.srpA).not.toBe(two.srpA);
    const device = await bigintSrpClient.createDeviceVerifier('group', 'key');
    expect(base64ToBytes(device.randomPassword)).toHaveLength(40);
    expect(base64ToBytes(device.salt).length).toBeGreaterThanOrEqual(16);
  });
});

describe('bigintSrpClient against the test backend', () => {
  const password = strongPassword();

  describe('without device tracking', () => {
    const kit = useEngineBackend();
    beforeEach(() => {
      kit().storage = new RecordingStorage();
    });

    it('signs in with SRP in 2 requests; a wrong password fails with NotAuthorizedException', async () => {
      const { backend, config } = kit();
      const username = uniqueName('big');
      await backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
      backend.resetCounts();

      const result = await createAuth(config(), { srp: bigintSrpClient }).signIn(username, password);

      expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      expect(operations(backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
      expect(answeredChallenges(backend)).toEqual(['PASSWORD_VERIFIER']);

      kit().storage = new RecordingStorage();
      const error = await authErrorOf(createAuth(config({ storage: kit().storage }), { srp: bigintSrpClient }).signIn(username, 'Wr0ng!Password'));
      expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    });
  });

  describe('with device tracking', () => {
    const kit = useEngineBackend({ deviceTracking: true });
    beforeEach(() => {
      kit().storage = new RecordingStorage();
    });

    it('confirms the device, then proves the remembered device on the next sign-in', async () => {
      const { backend, config } = kit();
      const username = uniqueName('bigdev');
      await backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
      backend.resetCounts();

      const first = createAuth(config(), { srp: bigintSrpClient });
      expect(await first.signIn(username, password)).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      expect(operations(backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'ConfirmDevice']);
      await expect(first.rememberDevice()).resolves.toBe('SUCCESS');
      const [device] = backend.getUser(username)?.devices ?? [];
      expect(device).toMatchObject({ confirmed: true, remembered: true });
      await first.signOut();
      backend.resetCounts();

      const second = await createAuth(config(), { srp: bigintSrpClient }).signIn(username, password);

      expect(second.isSignedIn).toBe(true);
      expect(answeredChallenges(backend)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
      expect(backend.getUser(username)?.devices).toHaveLength(1);
      const storedPassword = `CognitoIdentityServiceProvider.${backend.config.clientId}.${username}.randomPasswordKey`;
      expect(kit().storage.getItem(storedPassword)).toBeTruthy();
    });
  });
});
