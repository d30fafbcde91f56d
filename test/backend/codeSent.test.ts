import { describe, expect, it } from 'vitest';
import { createBackend } from './backend';
import { strongPassword } from './harness';
import type { DeliveredCode } from './types';

// `onCodeSent` lets a person see codes as they go out (`npm run demo -- --server kit` prints them);
// the delivery log stays what tests read.
describe('onCodeSent', () => {
  it('is called with each code as it is sent, the same entry the delivery log keeps', async () => {
    const sent: DeliveredCode[] = [];
    const backend = createBackend({ onCodeSent: (delivered) => sent.push(delivered) });
    const { clientId } = backend.config;

    await backend.call('SignUp', { ClientId: clientId, Username: 'dana', Password: strongPassword(), UserAttributes: [{ Name: 'email', Value: 'dana@example.com' }] });
    await backend.call('ResendConfirmationCode', { ClientId: clientId, Username: 'dana' });

    expect(sent.map((c) => [c.kind, c.destination, c.medium])).toEqual([
      ['SIGN_UP', 'dana@example.com', 'EMAIL'],
      ['SIGN_UP', 'dana@example.com', 'EMAIL'],
    ]);
    expect(sent).toEqual(backend.codes('dana'));
    expect(backend.lastCode('dana', 'SIGN_UP')).toBe(sent[1]?.code);
  });
});
