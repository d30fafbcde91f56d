'use client';
import { QueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { useAuthEngine } from './context';
import { QueryClientSlotContext } from './queryClientSlot';

/** The provider's QueryClient for the query hooks: the app's (`queryClient` prop), else one made on first use, one per provider. */
export function useAuthQueryClient(): QueryClient {
  useAuthEngine(); // outside a provider: its clear error first
  const slot = useContext(QueryClientSlotContext);
  if (!slot) throw new Error('cognito-react-kit: this hook needs an <AuthProvider> above it (wrap your app in <AuthProvider config={...}>).');
  return slot.client(() => new QueryClient());
}
