'use client';
// cognito-react-kit/devtools: the auth engine's devtools (state, claims, refreshes, events, cross-tab lock).
export { AuthDevtools, AuthDevtoolsPanel } from './AuthDevtools';
export type { AuthDevtoolsProps } from './AuthDevtools';
export { AuthDevtoolsView, countdown } from './AuthDevtoolsView';
export type { AuthDevtoolsViewProps } from './AuthDevtoolsView';
export { DevtoolsCollector } from './collector';
export { maskedClaims } from './mask';
export type { CollectorOptions } from './collector';
export type { DevtoolsActions, DevtoolsSnapshot, EventRecord, LockHolder, RefreshCause, RefreshRecord, TokenClaims } from './snapshot';
