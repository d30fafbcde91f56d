/**
 * Values too large for one cookie. Browsers silently drop a cookie whose name and value exceed 4096
 * bytes (an id token with many attributes does), so such a value is split into `<name>.0`,
 * `<name>.1`, … and the main cookie holds a header with their count and total length. Values that
 * fit stay plain, as Amplify's CookieStorage writes and reads them.
 */

/** 4096 less a margin: browsers count name and value, and not all count alike. */
export const MAX_COOKIE_BYTES = 4000;

// A raw ":" cannot come out of encodeURIComponent, so no plain value we write looks like a header.
const HEADER = /^crk-chunks:(\d{1,4}):(\d{1,9})$/;

export interface ChunkHeader {
  count: number;
  length: number;
}

export function chunkName(name: string, index: number): string {
  return `${name}.${index}`;
}

export function chunkHeader(header: ChunkHeader): string {
  return `crk-chunks:${header.count}:${header.length}`;
}

export function parseChunkHeader(rawValue: string): ChunkHeader | undefined {
  const match = HEADER.exec(rawValue);
  if (!match) return undefined;
  const count = Number(match[1]);
  return count > 0 ? { count, length: Number(match[2]) } : undefined;
}

/** The index of `candidate` if it is a chunk of `name` ("<name>.<n>"), else undefined. */
export function chunkIndex(name: string, candidate: string): number | undefined {
  if (!candidate.startsWith(`${name}.`)) return undefined;
  const suffix = candidate.slice(name.length + 1);
  return /^\d{1,4}$/.test(suffix) ? Number(suffix) : undefined;
}

/** Whether `rawName=rawValue` fits in one cookie (both are ASCII once URI-encoded). */
export function fitsOneCookie(rawName: string, rawValue: string): boolean {
  return rawName.length + 1 + rawValue.length <= MAX_COOKIE_BYTES;
}

/** `encoded` in pieces that each fit with a chunk name of `rawName`, never cut inside a %XX escape. */
export function splitEncoded(rawName: string, encoded: string): string[] {
  // Room for the longest chunk name this value can need ("<name>.9999").
  const room = MAX_COOKIE_BYTES - rawName.length - 6;
  const parts: string[] = [];
  for (let start = 0; start < encoded.length; ) {
    let end = Math.min(start + room, encoded.length);
    const escape = encoded.lastIndexOf('%', end - 1);
    if (escape >= end - 2 && escape >= start && end < encoded.length) end = escape;
    parts.push(encoded.slice(start, end));
    start = end;
  }
  return parts;
}
