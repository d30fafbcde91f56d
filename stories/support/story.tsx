/**
 * Story glue: a loader that builds the story's scenario, a decorator that hands its engine to
 * <AuthProvider>, a card frame for screens shown on their own, and a stage that swaps a screen for
 * the full <Authenticator> once its step is over (so a "success" story shows the next screen).
 */
import type { Decorator } from '@storybook/react-vite';
import { AuthProvider, Authenticator, useAuth, type AuthNextStep, type AuthStatus } from 'cognito-react-kit';
import type { ReactNode } from 'react';
import { Scenario, type ScenarioSetup } from './scenario';

/** `loaders` of a story whose engine runs on a fresh scenario. */
export function load(setup: ScenarioSetup = {}): (() => Promise<{ scenario: Scenario }>)[] {
  return [async () => ({ scenario: await Scenario.start(setup) })];
}

/** The story's scenario (made by `load`). */
export function scenarioOf(context: { loaded: Record<string, unknown> }): Scenario {
  const scenario: unknown = context.loaded['scenario'];
  if (!(scenario instanceof Scenario)) throw new Error('This story has no scenario: add `loaders: load(...)`.');
  return scenario;
}

/** Wraps the story in <AuthProvider> with the scenario's engine (one engine per story). */
export const withAuthProvider: Decorator = (Story, context) => (
  <AuthProvider auth={scenarioOf(context).auth}>
    <Story />
  </AuthProvider>
);

/** The Authenticator's card, for a screen rendered on its own (theme variables live on the root class). */
export function Frame({ children }: { children: ReactNode }) {
  return (
    <div className="crk-authenticator">
      <div className="crk-authenticator__card">{children}</div>
    </div>
  );
}

/** What a stage looks at: the engine's status and pending step. */
export interface StageState {
  status: AuthStatus;
  nextStep: AuthNextStep | null;
}

/** `screen` while `during(state)` holds; afterwards the <Authenticator>, i.e. whatever comes next. */
export function Stage({ screen, during }: { screen: ReactNode; during: (state: StageState) => boolean }) {
  const status = useAuth((s) => s.status);
  const nextStep = useAuth((s) => s.nextStep);
  if (!during({ status, nextStep })) return <Authenticator />;
  return <Frame>{screen}</Frame>;
}

/** While the engine waits for `step` (e.g. `CONFIRM_SIGN_IN_WITH_SMS_CODE`). */
export const onStep =
  (step: AuthNextStep['signInStep']) =>
  ({ nextStep }: StageState): boolean =>
    nextStep?.signInStep === step;

/** While signed out with no step pending (sign-in, sign-up, forgot-password screens). */
export const signedOutIdle = ({ status, nextStep }: StageState): boolean =>
  status !== 'signedIn' && (nextStep === null || nextStep.signInStep === 'DONE');
