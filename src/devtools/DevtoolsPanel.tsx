import { useMemo, useSyncExternalStore } from 'react';
import type { Auth } from '../core/index';
import { AuthDevtoolsView } from './AuthDevtoolsView';
import { DevtoolsCollector } from './collector';

/** The panel's code, loaded by `import()` when the devtools first open: a collector on `auth`, and its view. */
export default function DevtoolsPanel({ auth, onClose }: { auth: Auth; onClose?: (() => void) | undefined }) {
  const collector = useMemo(() => new DevtoolsCollector(auth), [auth]);
  const snapshot = useSyncExternalStore(collector.subscribe, collector.getSnapshot, collector.getSnapshot);
  return <AuthDevtoolsView snapshot={snapshot} actions={collector.actions} onClose={onClose} />;
}
