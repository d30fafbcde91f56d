'use client';
// The screens after the first one (every sign-in step, password reset, contact verification, the passkey
// offer) come in one chunk of their own, so an app's start bundle holds only sign-in and create-account.
// The Authenticator asks for the chunk as soon as it mounts, so it is there before a step needs it.
import { addEnglish } from './i18n/english';
import type * as StepScreens from './stepScreens';

let loaded: typeof StepScreens | undefined;
let loading: Promise<typeof StepScreens> | undefined;
let failed: unknown;

/** Fetches the step screens' chunk once; later calls share the same promise. */
export function loadStepScreens(): Promise<typeof StepScreens> {
  loading ??= import('./stepScreens').then(
    (screens) => {
      addEnglish(screens.enSteps); // their strings come with them, before any of them renders
      return (loaded = screens);
    },
    (error: unknown) => {
      // A failed fetch (offline, a deploy replaced the chunk) is tried again by the next call.
      loading = undefined;
      failed = error;
      throw error;
    },
  );
  return loading;
}

/**
 * The step screens, suspending the caller (React Suspense) until their chunk is there. When the fetch
 * failed, the error goes to the app's error boundary once (a suspended render retried forever would
 * spin offline); the render after that fetches again.
 */
export function useStepScreens(): typeof StepScreens {
  if (loaded) return loaded;
  if (failed !== undefined) {
    const error = failed;
    failed = undefined;
    throw error;
  }
  throw loadStepScreens();
}
