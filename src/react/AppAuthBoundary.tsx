'use client';
import { useContext, type ReactNode } from 'react';
import { getAppAuth } from './appAuth';
import { AuthContext } from './context';
import { EngineProvider } from './EngineProvider';

/**
 * Its children as they are under an <AuthProvider>; otherwise inside one for the engine
 * `Amplify.configure` made (when there is one), as Amplify UI's components need no provider.
 */
export function AppAuthBoundary({ children }: { children: ReactNode }) {
  const provided = useContext(AuthContext);
  const app = getAppAuth();
  if (provided || !app) return <>{children}</>;
  return <EngineProvider auth={app} queryClient={undefined}>{children}</EngineProvider>;
}
