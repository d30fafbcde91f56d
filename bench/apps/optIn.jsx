// Every opt-in feature of issue 18 in use: the size script builds this only to prove that each of its
// opt-in patterns names real modules (so "no module at start" in the other apps cannot pass vacuously).
import { Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider, useAuth, useSuspenseSession, whenReady, isAuthServerBailout } from 'cognito-react-kit';
import { relayPopupCallback } from 'cognito-react-kit/core';
import { AuthDevtoolsPanel } from 'cognito-react-kit/devtools';
import { config } from '../uiBundleSize/config.js';

function Session() {
  const session = useSuspenseSession();
  const { federatedSignIn } = useAuth();
  return <button onClick={() => void federatedSignIn({ provider: 'Google', popup: true })}>{session.data ? 'tokens' : 'none'}</button>;
}

relayPopupCallback();
createRoot(document.getElementById('root'), { onRecoverableError: (error, info) => isAuthServerBailout(error, info) }).render(
  <AuthProvider config={config} options={{ tokenIsolation: 'worker' }}>
    <Suspense fallback={null}>
      <Session />
    </Suspense>
    <AuthDevtoolsPanel />
    <p>{String(typeof whenReady)}</p>
  </AuthProvider>,
);
