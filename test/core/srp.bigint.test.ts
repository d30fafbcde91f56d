import { Sha256 } from '@aws-crypto/sha256-js';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from '../../src/core/index';
import { base64ToBytes, bytesToBase64, concatBytes, hexToBytes, randomBytes, utf8 } from '../../src/core/encoding';
import { N, bytesToHex, modPow, padHex } from '../../src/core/srp/bigintMath';
import { bigintSrpClient, createBigintSrpClient } from '../../src/core/srp/bigintSrpClient';
import { call, Helper, type AcijBigInteger, type AcijBigIntegerCtor } from '../../src/core/srp/acijHelper';
import { formatSrpTimestamp } from '../../src/core/srp/srpClient';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { answeredChallenges, authErrorOf, operations, uniqueName } from '../support/engineAssertions';

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
function randomText(min: number, max: number): string {
  const chars = Array.from(ALPHABET);
  let out = '';
  for (let i = min + randomInt(max - min + 1); i > 0; i--) out += chars[randomInt(chars.length)] ?? 'a';
  return out;
}

/** Salt hex as Cognito might send it: 1–32 random bytes, sometimes odd-length or with leading zeros. */
function randomSaltHex(): string {
  const hex = bytesToHex(randomBytes(1 + randomInt(32)));
  switch (randomInt(3)) {
    case 0:
      return hex.replace(/^0+(?=.)/, '');
    case 1:
      return `0${hex}`;
    default:
      return hex;
  }
}

/** acij's A and PASSWORD_CLAIM_SIGNATURE for a given private `a`, as acijSrpClient computes them. */
async function acijClaim(poolName: string, aHex: string, input: { username: string; password: string; salt: string; srpB: string; secretBlock: string; timestamp: string }) {
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
  it('A and PASSWORD_CLAIM_SIGNATURE over 50 random inputs', async () => {
    for (let i = 0; i < 50; i++) {
      const aBytes = randomBytes(128);
      if (i === 0) aBytes.fill(0, 0, 8); // a with leading zero bytes
      if (i === 1) aBytes.fill(0xff);
      const poolName = i % 3 === 0 ? `${randomText(5, 12)}` : 'AbCdEfGhI';
      const input = {
        username: i % 2 ? crypto.randomUUID() : randomText(1, 20),
        password: randomText(0, 40),
        salt: randomSaltHex(),
        srpB: (i === 2 ? N - 1n : randomBigBelow(N)).toString(16),
        secretBlock: bytesToBase64(randomBytes(1 + randomInt(300))),
        timestamp: formatSrpTimestamp(new Date(randomInt(2 ** 31) * 1000)),
      };
      const round = await createBigintSrpClient({ randomBytes: scriptedRandom(aBytes) }).start(poolName);
      const expected = await acijClaim(poolName, bytesToHex(aBytes), input);
      expect(round.srpA).toBe(expected.srpA);
      await expect(round.passwordClaim(input)).resolves.toBe(expected.signature);
    }
  }, 60_000);

  it('rejects B ≡ 0 mod N like acij', async () => {
    const round = await bigintSrpClient.start('pool');
    const input = { username: 'u', password: 'p', salt: 'ab', secretBlock: 'AA==', timestamp: 'Thu Jan 1 00:00:00 UTC 1970' };
    await expect(round.passwordClaim({ ...input, srpB: N.toString(16) })).rejects.toThrow(/B cannot be zero/);
    await expect(round.passwordClaim({ ...input, srpB: '0' })).rejects.toThrow(/B cannot be zero/);
  });

  it('device verifier over 20 random inputs, given acij’s random password and salt', async () => {
    for (let i = 0; i < 20; i++) {
      const deviceGroupKey = `-${randomText(6, 10)}`;
      const deviceKey = `us-east-1_${crypto.randomUUID()}`;
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
    }
  }, 30_000);

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
