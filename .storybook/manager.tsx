/** @jsxRuntime classic */
// Storybook's manager compiles this file with React.createElement and its own React.
import * as React from 'react';
import { AddonPanel } from 'storybook/internal/components';
import { addons, types, useChannel } from 'storybook/manager-api';
import { AuthDevtoolsView } from '../src/devtools/AuthDevtoolsView';
import type { DevtoolsActions, DevtoolsSnapshot } from '../src/devtools/snapshot';
import { AUTH_DEVTOOLS, AUTH_PANEL_ID } from './authDevtoolsEvents';

/** The "Auth" tab: the devtools panel, fed with the story engine's snapshots by the preview (authDevtoolsFeed.ts). */
function AuthPanel() {
  const [snapshot, setSnapshot] = React.useState<DevtoolsSnapshot | null>(null);
  const emit = useChannel({ [AUTH_DEVTOOLS.snapshot]: (next: DevtoolsSnapshot | null) => setSnapshot(next) });
  React.useEffect(() => emit(AUTH_DEVTOOLS.request), [emit]);
  const actions = React.useMemo<DevtoolsActions>(
    () => ({ forceRefresh: () => emit(AUTH_DEVTOOLS.forceRefresh), expireAccessToken: () => emit(AUTH_DEVTOOLS.expireAccessToken) }),
    [emit],
  );
  if (!snapshot) return <p style={{ padding: '0.5rem 0.75rem' }}>This story has no auth engine.</p>;
  return <AuthDevtoolsView snapshot={snapshot} actions={actions} />;
}

addons.register('cognito-react-kit/devtools', () => {
  addons.add(AUTH_PANEL_ID, {
    type: types.PANEL,
    title: 'Auth',
    render: ({ active }) => (
      <AddonPanel active={active === true}>
        <AuthPanel />
      </AddonPanel>
    ),
  });
});
