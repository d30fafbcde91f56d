'use client';
import { useState } from 'react';
import type { AuthConfigInput, CreateAuthOptions } from '../core/index';
import type { ProviderBase } from './AuthProvider';
import { deferredAuth } from './deferredAuth';
import { EngineProvider } from './EngineProvider';

export type LazyAuthProviderProps = ProviderBase & { config: AuthConfigInput; options?: CreateAuthOptions };

/**
 * `<AuthProvider config>` for the page a sign-in form starts on: the engine's code is not in the app's
 * start chunk. The first frame renders from one synchronous storage read: no stored session means the
 * form shows at once and the engine loads after that frame; a stored session (or anything the read cannot
 * be sure of: cookies, a custom store, a hosted-UI callback) means `loading` until the engine, loaded at
 * once, restores it. `useAuthEngine()` returns a stand-in that forwards to the engine when it arrives.
 */
export function LazyAuthProvider(props: LazyAuthProviderProps) {
  // Created once, like <AuthProvider>'s engine; the config is checked now (a ConfigError throws here).
  const [auth] = useState(() => deferredAuth(props.config, props.options, loadEngine));
  return <EngineProvider auth={auth} queryClient={props.queryClient}>{props.children}</EngineProvider>;
}

function loadEngine() {
  return import('../core/auth').then((m) => m.createAuth);
}
