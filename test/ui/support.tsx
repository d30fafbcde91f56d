/**
 * Glue for the UI tests: render a component inside a real <AuthProvider> on the test backend, drive
 * it by label and role, and check it with axe. Nothing here mocks the engine.
 */
import { cleanup, fireEvent, render, screen, waitFor, type RenderResult } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { afterEach, expect } from 'vitest';
import type { AuthConfig } from '../../src/core/index';
import { AuthProvider } from '../../src/react/index';
import { loadStepScreens } from '../../src/ui/stepScreensLoader';
import type { EngineTestKit } from '../support/engine';
import type { WrapperOptions } from '../react/support';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);
// The step screens' chunk, there before any test acts, as it is for a user once the Authenticator has
// mounted (it fetches the chunk then). Tests click through steps faster than any user; a loaded machine
// could otherwise show "Loading" where they look for the step. stepScreensChunk.test.tsx covers the wait.
await loadStepScreens();

/**
 * `ui` inside a provider whose engine talks to `kit`'s backend with password sign-in (no SRP math),
 * inside `<StrictMode>` unless `strictMode: false` (see WrapperOptions).
 */
export function renderWithAuth(kit: EngineTestKit, ui: ReactNode, extra: Partial<AuthConfig> = {}, { strictMode = true }: WrapperOptions = {}): RenderResult {
  return render(
    <AuthProvider config={kit.config({ authenticationFlowType: 'USER_PASSWORD_AUTH', ...extra })} options={{ now: kit.clock.now }}>
      {ui}
    </AuthProvider>,
    { reactStrictMode: strictMode },
  );
}

export function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

export function click(role: 'button' | 'tab' | 'radio', name: string): void {
  fireEvent.click(screen.getByRole(role, { name }));
}

export function valueOf(label: string): string {
  return (screen.getByLabelText(label) as HTMLInputElement).value;
}

/** Waits for the screen whose heading is `heading` (a step change, or the first screen after loading). */
export async function findScreen(heading: string): Promise<HTMLElement> {
  return screen.findByRole('heading', { name: heading }, { timeout: 5000 });
}

/** Waits until the form's alert says `message`. */
export async function expectAlert(message: string): Promise<void> {
  await waitFor(() => expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(message));
}

/** The axe violations of `container` (rule ids and the failing nodes), so a failure says what broke. */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, { resultTypes: ['violations'] });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

/** Records which screens axe checked, so a walkthrough can assert it covered all of them. */
export class AxeLog {
  readonly checked = new Set<string>();

  async check(container: HTMLElement, name: string): Promise<void> {
    expect(await axeViolations(container)).toEqual([]);
    this.checked.add(name);
  }
}
