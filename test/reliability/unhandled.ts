/** Records unhandled promise rejections of this test file, so a suite can assert there were none. */
import { afterAll, beforeAll } from 'vitest';

export function trackUnhandledRejections(): () => unknown[] {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => {
    seen.push(reason);
  };
  beforeAll(() => {
    process.on('unhandledRejection', listener);
  });
  afterAll(() => {
    process.off('unhandledRejection', listener);
  });
  return () => [...seen];
}

/** Lets a rejection nobody handled surface: Node reports them after the microtask queue drains. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
