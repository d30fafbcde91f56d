/**
 * A CBOR (RFC 8949) decoder for the subset WebAuthn uses: integers, byte and text strings, arrays, maps
 * and false/true/null. Authenticators must send definite lengths (CTAP2 canonical form), so indefinite
 * lengths, tags and floats are refused rather than half-supported.
 */

export type CborKey = number | string;
export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | Map<CborKey, CborValue>;

/** Thrown for anything that isn't well-formed CBOR of that subset; callers turn it into InvalidParameterException. */
export class CborError extends Error {
  override readonly name = 'CborError';
}

/** Deep enough for COSE keys inside attestation objects; a bound keeps hostile nesting from exhausting the stack. */
const MAX_DEPTH = 16;

/** Decodes one item at `offset`; `end` is where the next byte starts (authenticatorData goes on after the COSE key). */
export function decodeCborItem(bytes: Uint8Array, offset = 0): { value: CborValue; end: number } {
  const reader = new Reader(bytes, offset);
  const value = reader.item(0);
  return { value, end: reader.offset };
}

/** Decodes exactly one item filling all of `bytes`: trailing bytes are an error. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const { value, end } = decodeCborItem(bytes);
  if (end !== bytes.length) throw new CborError(`${bytes.length - end} trailing byte(s) after the CBOR item`);
  return value;
}

export function isCborMap(value: CborValue | undefined): value is Map<CborKey, CborValue> {
  return value instanceof Map;
}

class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public offset: number,
  ) {
    if (offset < 0 || offset > bytes.length) throw new CborError('offset outside the input');
  }

  item(depth: number): CborValue {
    if (depth > MAX_DEPTH) throw new CborError('CBOR nested too deeply');
    const initial = this.byte();
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (info === 31) throw new CborError('indefinite-length CBOR items are not allowed');
    if (major === 7) return this.simple(info);
    const argument = this.argument(info);
    switch (major) {
      case 0:
        return argument;
      case 1:
        return -1 - argument;
      case 2:
        return this.take(argument).slice();
      case 3:
        return this.text(argument);
      case 4: {
        const out: CborValue[] = [];
        for (let i = 0; i < argument; i++) out.push(this.item(depth + 1));
        return out;
      }
      case 5:
        return this.map(argument, depth);
      default:
        throw new CborError('CBOR tags are not allowed here');
    }
  }

  private simple(info: number): CborValue {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    throw new CborError(info >= 25 && info <= 27 ? 'CBOR floats are not allowed here' : `unsupported CBOR simple value ${info}`);
  }

  /** The length/value that follows the initial byte. Values beyond 2^53 are refused: nothing in WebAuthn needs them. */
  private argument(info: number): number {
    if (info < 24) return info;
    if (info > 27) throw new CborError(`reserved CBOR additional information ${info}`);
    const size = 1 << (info - 24);
    const raw = this.take(size);
    let value = 0;
    for (const b of raw) value = value * 256 + b;
    if (!Number.isSafeInteger(value)) throw new CborError('CBOR integer too large');
    return value;
  }

  private text(length: number): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.take(length));
    } catch (error) {
      if (error instanceof CborError) throw error;
      throw new CborError('CBOR text string is not valid UTF-8');
    }
  }

  private map(count: number, depth: number): Map<CborKey, CborValue> {
    const out = new Map<CborKey, CborValue>();
    for (let i = 0; i < count; i++) {
      const key = this.item(depth + 1);
      if (typeof key !== 'number' && typeof key !== 'string') throw new CborError('CBOR map keys must be integers or text');
      // A duplicate key would let two parsers see two different credentials in the same bytes.
      if (out.has(key)) throw new CborError(`duplicate CBOR map key ${String(key)}`);
      out.set(key, this.item(depth + 1));
    }
    return out;
  }

  private byte(): number {
    const b = this.bytes[this.offset];
    if (b === undefined) throw new CborError('CBOR input ends early');
    this.offset += 1;
    return b;
  }

  private take(length: number): Uint8Array {
    if (length > this.bytes.length - this.offset) throw new CborError('CBOR input ends early');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
}
