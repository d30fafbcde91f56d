/** The device operations for the fault suite, on a pool that tracks devices (see faultScenarios.ts). */
import type { Auth, AuthConfig } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import type { EngineTestKit } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import type { Scenario } from './faultScenarios';

const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;

/** A user signed in on a device the pool has confirmed (ConfirmDevice done, keys stored). */
async function onTrackedDevice(kit: EngineTestKit, engine: (config?: Partial<AuthConfig>) => Auth, config: Partial<AuthConfig> = PASSWORD_AUTH) {
  const username = uniqueName('device');
  const password = strongPassword();
  await kit.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
  const auth = engine(config);
  await auth.signIn(username, password);
  return { auth, username, password };
}

export const DEVICE_SCENARIOS: readonly Scenario[] = [
  {
    // Tokens arrive, then ConfirmDevice: a fault there must not leave a half-signed-in engine.
    name: 'signIn',
    title: 'signIn on a new device (ConfirmDevice)',
    async prepare(kit, engine) {
      const username = uniqueName('device');
      const password = strongPassword();
      await kit.backend.createUser({ username, password, attributes: { email: `${username}@example.com` } });
      const auth = engine();
      return { auth, act: () => auth.signIn(username, password) };
    },
  },
  {
    // A known device: SRP, then the device's own SRP round (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER).
    name: 'signIn',
    title: 'signIn on a known device (DEVICE_SRP_AUTH)',
    async prepare(kit, engine) {
      const { auth, username, password } = await onTrackedDevice(kit, engine, {});
      await auth.signOut();
      return { auth, act: () => auth.signIn(username, password) };
    },
  },
  {
    name: 'rememberDevice',
    async prepare(kit, engine) {
      const { auth } = await onTrackedDevice(kit, engine);
      return { auth, act: () => auth.rememberDevice() };
    },
  },
  {
    name: 'forgetDevice',
    async prepare(kit, engine) {
      const { auth } = await onTrackedDevice(kit, engine);
      return { auth, act: () => auth.forgetDevice() };
    },
  },
  {
    name: 'fetchDevices',
    async prepare(kit, engine) {
      const { auth } = await onTrackedDevice(kit, engine);
      return { auth, act: () => auth.fetchDevices() };
    },
  },
];
