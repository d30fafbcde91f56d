'use client';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { Auth } from '../core/index';
import { AuthContext } from './context';
import { QueryClientSlot, QueryClientSlotContext } from './queryClientSlot';

/** What both providers do with their engine once they have one (`<AuthProvider>`, `<LazyAuthProvider>`). */
export function EngineProvider({ auth, queryClient, children }: { auth: Auth; queryClient: QueryClient | undefined; children: ReactNode }) {
  const [slot] = useState(() => new QueryClientSlot(auth));
  slot.give(queryClient);

  // The engine's background work (a pending refresh, a hosted-UI callback, refresh timers) runs
  // while mounted. StrictMode's start → stop → start makes one refresh and one code exchange: the
  // engine keeps its in-flight work across a restart, and the engine built for the discarded
  // render is never started.
  useEffect(() => {
    auth.start();
    return () => auth.stop();
  }, [auth]);

  // The client in use follows the engine's events while mounted (see QueryClientSlot).
  useEffect(() => slot.mount(), [slot, queryClient]);

  // The app's own client is provided to the children too; without one, TanStack Query stays unloaded
  // until a query hook asks (so `useQueryClient()` in the app needs the app's QueryClientProvider).
  return (
    <AuthContext.Provider value={auth}>
      <QueryClientSlotContext.Provider value={slot}>
        {queryClient ? <QueryClientProvider client={queryClient}>{children}</QueryClientProvider> : children}
      </QueryClientSlotContext.Provider>
    </AuthContext.Provider>
  );
}
