// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { randomBytes } from '../../src/core/encoding';
import { createBigintSrpClient } from '../../src/core/srp/bigintSrpClient';
import type { SrpClient } from '../../src/core/srp/srpClient';
import { AuthProvider } from '../../src/react/index';
import { Authenticator } from '../../src/ui/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { operations } from '../support/engineAssertions';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);

const kit = useEngineBackend();
const password = strongPassword();

it('the Authenticator prepares A while the sign-in form shows, so signing in computes no A on the spot', async () => {
  const k = kit();
  await k.backend.createUser({ username: 'ada', password, attributes: { email: 'ada@example.com' } });
  k.backend.resetCounts();
  let prepares = 0;
  let onTheSpot = 0;
  let draws = 0;
  const inner = createBigintSrpClient({
    randomBytes: (length) => {
      if (length === 128) draws += 1;
      return randomBytes(length);
    },
  });
  const srp: SrpClient = {
    ...inner,
    prepare: () => {
      prepares += 1;
      return inner.prepare?.() ?? Promise.resolve();
    },
    start: (poolName) => {
      const before = draws;
      const round = inner.start(poolName);
      onTheSpot += draws - before;
      return round;
    },
  };

  render(
    <AuthProvider config={k.config()} options={{ now: k.clock.now, srp }}>
      <Authenticator>{() => <p>Welcome</p>}</Authenticator>
    </AuthProvider>,
  );
  await screen.findByRole('heading', { name: 'Sign in to your account' });
  await waitFor(() => expect(draws).toBe(1));
  expect(prepares).toBe(1);

  fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ada' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByText('Welcome', {}, { timeout: 10_000 });

  expect(operations(k.backend)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  expect(onTheSpot).toBe(0);
});
