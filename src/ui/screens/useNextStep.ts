'use client';
import type { AuthNextStep } from '../../core/index';
import { useAuth } from '../../react/index';

/** The engine's current step (null when none): what step screens render from. */
export function useNextStep(): AuthNextStep | null {
  return useAuth((s) => s.nextStep);
}
