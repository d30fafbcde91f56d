// DevtoolsCollector without React, on a real engine: snapshots are plain data (JSON round-trips them
// unchanged), and two collectors on one engine (a page's panel and Storybook's tab) both hear every
// refresh, also after the other one stopped.
import { describe, expect, it } from 'vitest';
import { DevtoolsCollector } from '../../src/devtools/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';

describe('DevtoolsCollector', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  it('feeds two watchers of one engine, each until it stops; snapshots survive JSON', async () => {
    const k = kit();
    await k.backend.createUser({ username: 'cole', password });
    const auth = k.auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' }, engine: { autoRefresh: false } });
    await auth.signIn('cole', password);
    const page = new DevtoolsCollector(auth);
    const tab = new DevtoolsCollector(auth);
    const stopPage = page.subscribe(() => undefined);
    const stopTab = tab.subscribe(() => undefined);

    await auth.currentSession({ forceRefresh: true });
    stopPage();
    await auth.currentSession({ forceRefresh: true });

    expect(page.getSnapshot().refreshes.map(({ cause, outcome }) => `${cause} ${outcome}`)).toEqual(['forced ok']);
    expect(tab.getSnapshot().refreshes.map(({ cause, outcome }) => `${cause} ${outcome}`)).toEqual(['forced ok', 'forced ok']);
    const snapshot = tab.getSnapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.events.map(({ event }) => event)).toEqual(['tokenRefresh', 'tokenRefresh']);
    stopTab();
  });
});
