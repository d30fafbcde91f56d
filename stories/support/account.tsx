/** Story glue for the account-settings components: a signed-in user and a page-like frame. */
import type { ReactNode } from 'react';
import { PASSWORD, type Scenario, type ScenarioSetup } from './scenario';
import { load } from './story';

/** Ada, signed in (the account components need a user). */
export async function signedInAda(s: Scenario): Promise<void> {
  await s.user('ada');
  await s.auth.signIn({ username: 'ada', password: PASSWORD });
}

/** `loaders` of an account story: Ada signed in on a pool set up by `setup`. */
export function loadAccount(setup: Omit<ScenarioSetup, 'seed'> = {}, seed: (s: Scenario) => Promise<void> = signedInAda) {
  return load({ ...setup, seed });
}

/** A settings page column, as an app would place the components. */
export function AccountPage({ children }: { children: ReactNode }) {
  return <main style={{ display: 'grid', gap: '2rem', maxWidth: '36rem', padding: '1rem' }}>{children}</main>;
}
