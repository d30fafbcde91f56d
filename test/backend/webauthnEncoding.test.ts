import { describe, expect, it } from 'vitest';
import { encodeCbor } from '../support/cborEncoder';
import { parseAuthenticatorData } from './webauthn/authenticatorData';
import { CborError, decodeCbor, decodeCborItem } from './webauthn/cbor';
import { importCoseKey } from './webauthn/cose';
import { derToRawEcdsa } from './webauthn/signature';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));

describe('CBOR decoder (the WebAuthn subset)', () => {
  it('decodes the RFC 8949 Appendix A examples it supports', () => {
    expect(decodeCbor(hex('00'))).toBe(0);
    expect(decodeCbor(hex('17'))).toBe(23);
    expect(decodeCbor(hex('1818'))).toBe(24);
    expect(decodeCbor(hex('1903e8'))).toBe(1000);
    expect(decodeCbor(hex('1a000f4240'))).toBe(1000000);
    expect(decodeCbor(hex('1b000000e8d4a51000'))).toBe(1000000000000);
    expect(decodeCbor(hex('20'))).toBe(-1);
    expect(decodeCbor(hex('3863'))).toBe(-100);
    expect(decodeCbor(hex('390100'))).toBe(-257);
    expect(decodeCbor(hex('f4'))).toBe(false);
    expect(decodeCbor(hex('f5'))).toBe(true);
    expect(decodeCbor(hex('f6'))).toBe(null);
    expect(decodeCbor(hex('40'))).toEqual(new Uint8Array());
    expect(decodeCbor(hex('4401020304'))).toEqual(Uint8Array.of(1, 2, 3, 4));
    expect(decodeCbor(hex('60'))).toBe('');
    expect(decodeCbor(hex('6449455446'))).toBe('IETF');
    expect(decodeCbor(hex('62c3bc'))).toBe('ü');
    expect(decodeCbor(hex('83010203'))).toEqual([1, 2, 3]);
    expect(decodeCbor(hex('8301820203820405'))).toEqual([1, [2, 3], [4, 5]]);
    expect(decodeCbor(hex('a201020304'))).toEqual(
      new Map([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(decodeCbor(hex('a26161016162820203'))).toEqual(
      new Map<string, unknown>([
        ['a', 1],
        ['b', [2, 3]],
      ]),
    );
  });

  it('round-trips what the soft authenticator encodes', () => {
    const value = new Map<number | string, never>([
      [1, 2 as never],
      [-1, 1 as never],
      ['authData', Uint8Array.from({ length: 300 }, (_, i) => i & 0xff) as never],
      ['list', [true, false, null, 'x'.repeat(70000), -70000] as never],
    ]);
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
  });

  it('reports where an item ends, so authenticatorData can go on after the COSE key', () => {
    expect(decodeCborItem(hex('a10102 ff ff'))).toEqual({ value: new Map([[1, 2]]), end: 3 });
    expect(decodeCborItem(hex('ff 1903e8 00'), 1)).toEqual({ value: 1000, end: 4 });
  });

  it.each([
    ['trailing bytes', '0000', /trailing/],
    ['indefinite-length byte string', '5f42010243030405ff', /indefinite/],
    ['indefinite-length array', '9f0102ff', /indefinite/],
    ['indefinite-length map', 'bf6161 01ff', /indefinite/],
    ['a tag', 'c11a514b67b0', /tags/],
    ['a half float', 'f93c00', /floats/],
    ['a double', 'fb3ff199999999999a', /floats/],
    ['undefined', 'f7', /simple value 23/],
    ['reserved additional info', '1c', /reserved/],
    ['an integer beyond 2^53', '1bffffffffffffffff', /too large/],
    ['a truncated byte string', '45010203', /ends early/],
    ['a truncated argument', '19 03', /ends early/],
    ['empty input', '', /ends early/],
    ['a byte string claiming 4 GiB', '5affffffff00', /ends early/],
    ['invalid UTF-8 text', '62c328', /UTF-8/],
    ['a duplicate map key', 'a2 01 02 01 03', /duplicate/],
    ['a byte-string map key', 'a1 4101 02', /keys/],
    ['an array map key', 'a1 80 02', /keys/],
    ['nesting deeper than 16', '81'.repeat(20) + '00', /deeply/],
  ])('refuses %s', (_, bytes, message) => {
    expect(() => decodeCbor(hex(bytes))).toThrow(CborError);
    expect(() => decodeCbor(hex(bytes))).toThrow(message);
  });
});

describe('authenticatorData parser', () => {
  const rpIdHash = new Uint8Array(32).fill(9);
  const coseKey = encodeCbor(new Map([[1, 2], [3, -7]]));

  it('reads flags, counter, attested credential data and extensions', () => {
    const bytes = new Uint8Array(Buffer.concat([rpIdHash, Buffer.of(0x01 | 0x04 | 0x08 | 0x40 | 0x80), Buffer.of(0, 0, 1, 2), Buffer.alloc(16, 0xaa),
      Buffer.of(0, 3), Buffer.of(7, 8, 9), coseKey, encodeCbor(new Map([['credProtect', 2]]))]));
    const data = parseAuthenticatorData(bytes);
    expect(data.flags).toEqual({ up: true, uv: true, be: true, bs: false, at: true, ed: true });
    expect(data.signCount).toBe(258);
    expect(data.attestedCredentialData?.credentialId).toEqual(Uint8Array.of(7, 8, 9));
    expect(data.attestedCredentialData?.publicKeyBytes).toEqual(coseKey);
    expect(data.extensions).toEqual(new Map([['credProtect', 2]]));
  });

  it('refuses trailing bytes, a short buffer and a credential id longer than the data', () => {
    const head = Buffer.concat([rpIdHash, Buffer.of(0x01), Buffer.alloc(4)]);
    expect(parseAuthenticatorData(head).attestedCredentialData).toBeUndefined();
    expect(() => parseAuthenticatorData(Buffer.concat([head, Buffer.of(0)]))).toThrow('authenticatorData has trailing bytes.');
    expect(() => parseAuthenticatorData(head.subarray(0, 36))).toThrow('shorter than 37 bytes');
    const at = Buffer.concat([rpIdHash, Buffer.of(0x41), Buffer.alloc(4), Buffer.alloc(16), Buffer.of(0, 40), Buffer.alloc(10)]);
    expect(() => parseAuthenticatorData(at)).toThrow('malformed credential id');
  });
});

describe('COSE keys and ECDSA signatures', () => {
  it('refuses algorithms and curves the pool does not offer', async () => {
    const ed25519 = new Map<number, number | Uint8Array>([[1, 1], [3, -8], [-1, 6], [-2, new Uint8Array(32)]]);
    await expect(importCoseKey(encodeCbor(ed25519))).rejects.toMatchObject({
      name: 'WebAuthnCredentialNotSupportedException',
    });
    const p384 = new Map<number, number | Uint8Array>([[1, 2], [3, -7], [-1, 2], [-2, new Uint8Array(48)], [-3, new Uint8Array(48)]]);
    await expect(importCoseKey(encodeCbor(p384))).rejects.toMatchObject({
      name: 'WebAuthnCredentialNotSupportedException',
    });
    // (1, 1) is not on P-256.
    const offCurve = new Map<number, number | Uint8Array>([[1, 2], [3, -7], [-1, 1], [-2, new Uint8Array(32)], [-3, new Uint8Array(32)]]);
    offCurve.set(-2, Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 1 : 0)));
    offCurve.set(-3, Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 1 : 0)));
    await expect(importCoseKey(encodeCbor(offCurve))).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(importCoseKey(hex('ff'))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('accepts only minimal DER for ES256 signatures', () => {
    const r = '01'.repeat(32);
    const s = '7f'.repeat(32);
    expect(derToRawEcdsa(hex(`3044 0220${r} 0220${s}`), 32)).toEqual(hex(r + s));
    // A high bit needs the leading zero; short integers are left-padded.
    expect(derToRawEcdsa(hex(`3026 0221 00${'80'.repeat(32)} 0201 05`), 32)).toEqual(hex('80'.repeat(32) + '00'.repeat(31) + '05'));
    expect(derToRawEcdsa(hex(`3045 0221 00${r} 0220${s}`), 32)).toBeUndefined(); // needless leading zero
    expect(derToRawEcdsa(hex(`3044 0220${'80'.repeat(32)} 0220${s}`), 32)).toBeUndefined(); // negative r
    expect(derToRawEcdsa(hex(`3045 0220${r} 0220${s} 00`), 32)).toBeUndefined(); // trailing byte
    expect(derToRawEcdsa(hex(`3046 0222 0000${r} 0220${s}`), 32)).toBeUndefined();
  });
});
