import type { Timers } from '../timers';

interface LockClock {
  now: () => number;
  timers: Timers;
}

// A holder that vanished (tab closed mid-refresh) frees the lock after this long.
const LEASE_MS = 15_000;
// Claims written at nearly the same moment in two tabs reach each other within this; the last
// writer wins, and every claimant reads the lock again after it to learn which one that was.
// Chromium carries localStorage between tab processes in milliseconds, but a loaded machine has
// taken over 100 ms (two tabs both won, and with rotation a second refresh is a reuse). The wait
// is paid once per refresh, only where Web Locks are missing.
const SETTLE_MS = 400;
const POLL_MS = 25;

interface Claim {
  owner: string;
  until: number;
}

/**
 * A lock shared by the tabs of an origin through localStorage, for browsers without Web Locks:
 * claim (unless another tab's claim is live), wait for competing claims to land, and hold the lock
 * only if the claim that stayed is ours. Resolves with whether another tab held it first.
 */
export async function withStorageLock<T>(
  storage: Storage,
  name: string,
  work: (contended: boolean) => Promise<T>,
  clock: LockClock,
): Promise<T> {
  const key = `cognito-react-kit.lock.${name}`;
  const owner = `${clock.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
  const sleep = (ms: number) => new Promise<void>((resolve) => clock.timers.setTimeout(resolve, ms));
  let contended = false;
  for (;;) {
    const held = readClaim(storage, key);
    if (held && held.owner !== owner && held.until > clock.now()) {
      contended = true;
      await sleep(POLL_MS);
      continue;
    }
    if (!writeClaim(storage, key, { owner, until: clock.now() + LEASE_MS })) return work(contended);
    await sleep(SETTLE_MS);
    if (readClaim(storage, key)?.owner === owner) break;
    contended = true;
  }
  try {
    return await work(contended);
  } finally {
    if (readClaim(storage, key)?.owner === owner) {
      try {
        storage.removeItem(key);
      } catch {
        /* the lease runs out */
      }
    }
  }
}

/** Whether a live claim on `name` is in `storage` (devtools; the lease is on the device clock). */
export function storageLockHeld(storage: Storage, name: string, now: number): boolean {
  return (readClaim(storage, `cognito-react-kit.lock.${name}`)?.until ?? 0) > now;
}

function readClaim(storage: Storage, key: string): Claim | undefined {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { owner, until } = value as Partial<Claim>;
    return typeof owner === 'string' && typeof until === 'number' ? { owner, until } : undefined;
  } catch {
    return undefined;
  }
}

/** False when the storage refuses the write (quota, private mode): there is no lock to be had. */
function writeClaim(storage: Storage, key: string, claim: Claim): boolean {
  try {
    storage.setItem(key, JSON.stringify(claim));
    return true;
  } catch {
    return false;
  }
}
