/**
 * A CBOR encoder for the soft authenticator (the backend only decodes). Definite lengths, shortest
 * argument forms, map entries in insertion order: callers insert keys in CTAP2 canonical order.
 */

export type CborInput = number | string | Uint8Array | boolean | null | CborInput[] | Map<number | string, CborInput>;

export function encodeCbor(value: CborInput): Uint8Array {
  const out: number[] = [];
  write(out, value);
  return Uint8Array.from(out);
}

function write(out: number[], value: CborInput): void {
  if (value === false) out.push(0xf4);
  else if (value === true) out.push(0xf5);
  else if (value === null) out.push(0xf6);
  else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`cborEncoder: only safe integers, got ${value}`);
    if (value >= 0) head(out, 0, value);
    else head(out, 1, -1 - value);
  } else if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    head(out, 3, bytes.length);
    out.push(...bytes);
  } else if (ArrayBuffer.isView(value)) {
    // Not `instanceof Uint8Array`: under jsdom, bytes from Node's crypto come from another realm.
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    head(out, 2, bytes.length);
    for (const b of bytes) out.push(b);
  } else if (Array.isArray(value)) {
    head(out, 4, value.length);
    for (const item of value) write(out, item);
  } else {
    head(out, 5, value.size);
    for (const [k, v] of value) {
      write(out, k);
      write(out, v);
    }
  }
}

function head(out: number[], major: number, argument: number): void {
  const m = major << 5;
  if (argument < 24) out.push(m | argument);
  else if (argument < 0x100) out.push(m | 24, argument);
  else if (argument < 0x10000) out.push(m | 25, argument >> 8, argument & 0xff);
  else if (argument < 0x100000000) out.push(m | 26, ...bigEndian(argument, 4));
  else out.push(m | 27, ...bigEndian(argument, 8));
}

function bigEndian(value: number, size: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  for (let i = 0; i < size; i++) {
    bytes.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return bytes;
}
