import { describe, expect, it } from 'vitest';
import { Lifecycle } from '../../src/core/lifecycle';

describe('engine lifecycle: reference-counted start/stop', () => {
  function counted() {
    const calls: string[] = [];
    const lifecycle = new Lifecycle({ onStart: () => calls.push('start'), onStop: () => calls.push('stop') });
    return { lifecycle, calls };
  }

  it('starts on the first start() and stops only when every start() has its stop()', () => {
    const { lifecycle, calls } = counted();
    lifecycle.start();
    lifecycle.start();
    lifecycle.stop();
    expect(lifecycle.running).toBe(true);
    lifecycle.stop();
    expect(calls).toEqual(['start', 'stop']);
    expect(lifecycle.running).toBe(false);
  });

  it('extra stop() calls do nothing: they cannot stop what a subscriber holds', () => {
    const { lifecycle, calls } = counted();
    lifecycle.stop();
    const release = lifecycle.hold();
    lifecycle.stop();
    lifecycle.stop();
    expect(lifecycle.running).toBe(true);
    release();
    release(); // a second call of the same release is a no-op
    expect(calls).toEqual(['start', 'stop']);
  });

  it('StrictMode effects (start, stop, start) restart once and stay running', () => {
    const { lifecycle, calls } = counted();
    lifecycle.start();
    lifecycle.stop();
    lifecycle.start();
    expect(calls).toEqual(['start', 'stop', 'start']);
    expect(lifecycle.running).toBe(true);
  });
});
