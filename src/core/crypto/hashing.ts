import { lazy } from '../lazyService';

/**
 * SHA-256 and HMAC-SHA256 for SRP, device verifiers and PKCE: WebCrypto where the platform has it
 * (browsers, Node); else @noble/hashes, loaded on first use only there (Hermes, React Native), so a
 * browser's bundle never fetches it.
 */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  const subtle = webCrypto();
  if (subtle) return new Uint8Array(await subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  return (await noble.load()).sha256(data);
}

export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const subtle = webCrypto();
  if (subtle) {
    const cryptoKey = await subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await subtle.sign('HMAC', cryptoKey, data as Uint8Array<ArrayBuffer>));
  }
  return (await noble.load()).hmacSha256(key, data);
}

function webCrypto(): SubtleCrypto | undefined {
  return (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
}

// Where there is no WebCrypto only, on first use; a chunk that did not arrive is tried again next time.
const noble = lazy(() => import('./nobleHashing'));
