// @vitest-environment jsdom
/**
 * <DeviceSettings> on the test backend with device tracking: the user's devices listed, another
 * browser's device forgotten (this one's keys stay), then this device forgotten; axe on each state.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeviceSettings } from '../../../src/ui/index';
import { en } from '../../../src/ui/i18n/en';
import { useEngineBackend } from '../../support/engine';
import { RecordingStorage } from '../../support/recordingStorage';
import { axeViolations } from '../support';
import { renderSignedIn, signedInUser } from './support';

describe('<DeviceSettings>', () => {
  const kit = useEngineBackend({ deviceTracking: true });
  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  it("lists the user's devices and forgets one at Cognito; forgetting this device also clears its keys here", async () => {
    const k = kit();
    const { username, password, auth } = await signedInUser(k, 'dvs', { srp: true });
    // A second browser profile (its own storage) signs in too: a second device.
    await k.auth({ storage: new RecordingStorage() }).signIn({ username, password });
    const [thisDevice, otherDevice] = k.backend.getUser(username)?.devices ?? [];
    const deviceKeyItem = `CognitoIdentityServiceProvider.${k.backend.config.clientId}.${username}.deviceKey`;
    expect(k.storage.getItem(deviceKeyItem)).toBe(thisDevice?.deviceKey);
    const user = userEvent.setup();
    const { container } = renderSignedIn(auth, <DeviceSettings />);

    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(await axeViolations(container)).toEqual([]);
    const forgetButtons = () => screen.getAllByRole('button', { name: /^Forget / });
    await user.click(forgetButtons()[1]!);

    await waitFor(() => expect(k.backend.getUser(username)?.devices.map((d) => d.deviceKey)).toEqual([thisDevice?.deviceKey]));
    expect(otherDevice).toBeDefined();
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByRole('status').textContent).toMatch(/was forgotten\.$/);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: en['account.devices.heading'] }));
    expect(k.storage.getItem(deviceKeyItem)).toBe(thisDevice?.deviceKey);

    await user.click(forgetButtons()[0]!);
    expect(await screen.findByText(en['account.devices.empty'])).toBeTruthy();
    expect(k.backend.getUser(username)?.devices).toEqual([]);
    expect(k.storage.getItem(deviceKeyItem)).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('renders nothing and asks Cognito nothing while signed out, as ui-react; loads once a user signs in', async () => {
    const k = kit();
    const { username, password, auth } = await signedInUser(k, 'dvo', { srp: true });
    await auth.signOut();
    k.backend.resetCounts();
    const { container } = renderSignedIn(auth, <DeviceSettings headingLevel={3} />);
    expect(container.innerHTML).toBe('');
    expect(k.backend.count('ListDevices')).toBe(0);

    await auth.signIn({ username, password });
    expect(await screen.findByRole('heading', { level: 3, name: en['account.devices.heading'] })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  });
});
