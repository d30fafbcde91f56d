import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../src/core/index';
import { ServerClock, observeServerTime } from '../../src/core/session/serverClock';
import { FallbackStorage, storageArea } from '../../src/core/storage/fallbackStorage';

const T = Date.UTC(2026, 10, 26, 9, 0, 0);
const response = (date: string | null) => ({ ok: true, status: 200, headers: { get: (name: string) => (name === 'date' ? date : null) }, text: async () => '{}' });

describe('ServerClock', () => {
  it('follows the Date header when the device is more than a minute off, and trusts the device otherwise', () => {
    let device = T + 12 * 3_600_000;
    const clock = new ServerClock(() => device);
    expect(clock.now()).toBe(device); // nothing seen yet
    clock.observe(new Date(T).toUTCString());
    expect(clock.now()).toBe(T);
    device += 5_000;
    expect(clock.now()).toBe(T + 5_000);

    device = T + 30_000;
    clock.observe(new Date(T).toUTCString());
    expect(clock.offsetMs).toBe(0);
    expect(clock.now()).toBe(device);
  });

  it.each([null, '', 'not a date', 'Thu, 99 Foo 2026 25:61:61 GMT'])('ignores a Date header of %j', (header) => {
    const clock = new ServerClock(() => T);
    clock.observe(new Date(T - 3_600_000).toUTCString());
    clock.observe(header);
    expect(clock.offsetMs).toBe(-3_600_000);
  });

  it('observeServerTime passes the response through and reads its Date', async () => {
    const clock = new ServerClock(() => T);
    const fetch = vi.fn(async () => response(new Date(T - 7_200_000).toUTCString()));
    const observed = observeServerTime(fetch, clock);
    const res = await observed('https://example.com/', { method: 'POST', headers: {}, body: '' });
    expect(await res.text()).toBe('{}');
    expect(clock.offsetMs).toBe(-7_200_000);
  });
});

describe('FallbackStorage', () => {
  it('uses the store while it works, then memory over it after the first failed write', () => {
    const store = new MemoryStorage();
    const fallback = new FallbackStorage(store);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fallback.setItem('a', '1');
    fallback.setItem('b', '2');
    expect(store.getItem('a')).toBe('1');
    expect(fallback.inMemory).toBe(false);

    store.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    fallback.setItem('a', '3');
    expect(fallback.inMemory).toBe(true);
    expect(fallback.getItem('a')).toBe('3'); // memory shadows the store
    expect(fallback.getItem('b')).toBe('2'); // the store still answers the rest
    fallback.removeItem('b');
    expect(fallback.getItem('b')).toBeNull();
    expect(storageArea(fallback)).toBe(store);
    expect(warn.mock.calls.length).toBeLessThanOrEqual(1);
    warn.mockRestore();
  });

  it('clear() hides what the store could not clear', () => {
    const store = new MemoryStorage();
    store.setItem('k', 'v');
    store.setItem = () => {
      throw new Error('no');
    };
    store.clear = () => {
      throw new Error('no');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fallback = new FallbackStorage(store);
    fallback.setItem('x', '1');
    fallback.clear();
    expect(fallback.getItem('k')).toBeNull();
    expect(fallback.getItem('x')).toBeNull();
    warn.mockRestore();
  });
});
