import { Auth } from 'cognito-react-kit/core';
import { DevtoolsCollector } from 'cognito-react-kit/devtools';
import { addons } from 'storybook/preview-api';
import { AUTH_DEVTOOLS } from './authDevtoolsEvents';

let watched: { auth: Auth; collector: DevtoolsCollector; stop: () => void } | undefined;
let listening = false;

/**
 * Feeds the manager's "Auth" panel from the story's engine (`loaded.scenario.auth`, see
 * stories/support): serializable snapshots out over Storybook's channel, the panel's buttons back in.
 * One engine at a time: a new story replaces the last one's feed.
 */
export function feedAuthDevtools(loaded: Record<string, unknown>): void {
  const channel = addons.getChannel();
  if (!listening) {
    listening = true;
    channel.on(AUTH_DEVTOOLS.request, () => channel.emit(AUTH_DEVTOOLS.snapshot, watched?.collector.getSnapshot() ?? null));
    channel.on(AUTH_DEVTOOLS.forceRefresh, () => watched?.collector.actions.forceRefresh());
    channel.on(AUTH_DEVTOOLS.expireAccessToken, () => watched?.collector.actions.expireAccessToken());
  }
  const auth = engineOf(loaded);
  if (watched?.auth === auth) return;
  watched?.stop();
  watched = undefined;
  if (auth) {
    const collector = new DevtoolsCollector(auth);
    const stop = collector.subscribe(() => channel.emit(AUTH_DEVTOOLS.snapshot, collector.getSnapshot()));
    watched = { auth, collector, stop };
  }
  channel.emit(AUTH_DEVTOOLS.snapshot, watched?.collector.getSnapshot() ?? null);
}

function engineOf(loaded: Record<string, unknown>): Auth | undefined {
  const scenario = loaded['scenario'] as { auth?: unknown } | undefined;
  return scenario?.auth instanceof Auth ? scenario.auth : undefined;
}
