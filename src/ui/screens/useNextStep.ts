'use client';
import type { NextStepOf, SignInStep } from '../../core/index';
import { useAuth } from '../../react/useAuth';

/** The engine's current step when it is one of `steps` (typed to those), else null: what step screens render from. */
export function useNextStep<S extends SignInStep>(...steps: S[]): NextStepOf<S> | null {
  const nextStep = useAuth((s) => s.nextStep);
  return nextStep && (steps as SignInStep[]).includes(nextStep.signInStep) ? (nextStep as NextStepOf<S>) : null;
}
