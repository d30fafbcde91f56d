// Type tests for cognito-react-kit/devtools: checked by `npm run typecheck` (tsc over test/), never run.
// Each `@ts-expect-error` proves a misuse does not compile.
import { createElement } from 'react';
import { expectTypeOf } from 'vitest';
import { createAuth } from '../../src/core/index';
import {
  AuthDevtools,
  AuthDevtoolsPanel,
  AuthDevtoolsView,
  DevtoolsCollector,
  type AuthDevtoolsProps,
  type DevtoolsActions,
  type DevtoolsSnapshot,
  type RefreshCause,
  type RefreshRecord,
} from '../../src/devtools/index';

const auth = createAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' });

// ── The components ─────────────────────────────────────────────────────────────────────────────
createElement(AuthDevtools);
createElement(AuthDevtools, { auth, initialIsOpen: true, position: 'bottom-left' });
createElement(AuthDevtoolsPanel, { initialIsOpen: false });
// @ts-expect-error two corners only
createElement(AuthDevtools, { position: 'top-left' });
// @ts-expect-error an engine, not a config
createElement(AuthDevtools, { auth: { userPoolId: 'eu-west-1_AbCdEf123' } });
expectTypeOf<AuthDevtoolsProps['initialIsOpen']>().toEqualTypeOf<boolean | undefined>();

// ── The collector and the pure view ──────────────────────────────────────────────────────────────
const collector = new DevtoolsCollector(auth);
const snapshot = collector.getSnapshot();
expectTypeOf(snapshot).toEqualTypeOf<DevtoolsSnapshot>();
expectTypeOf(collector.actions).toEqualTypeOf<DevtoolsActions>();
createElement(AuthDevtoolsView, { snapshot, actions: collector.actions });
// @ts-expect-error the view needs a snapshot
createElement(AuthDevtoolsView, { actions: collector.actions });

// ── Snapshots are typed unions, never a bag of strings ───────────────────────────────────────────
expectTypeOf(snapshot.status).toEqualTypeOf<'loading' | 'signedOut' | 'signedIn'>();
expectTypeOf<RefreshRecord['cause']>().toEqualTypeOf<RefreshCause>();
const cause: RefreshCause = 'forced';
// @ts-expect-error not a cause the engine reports
const unknownCause: RefreshCause = 'manual';
void [cause, unknownCause];
// Snapshots are data only: what crosses Storybook's channel as JSON.
expectTypeOf(snapshot.tokens[0]!.claims).toEqualTypeOf<[name: string, value: string][]>();
