import type { ResolvedAuthConfig } from '../core/index';
import type { AuthenticatorProps } from './Authenticator';

/** The `<Authenticator>` props a pool's settings can supply. */
export type PoolProps = Pick<AuthenticatorProps, 'loginMechanisms' | 'signUpAttributes' | 'socialProviders' | 'passwordPolicy'>;

/** What the config says about the pool, as the props it stands in for when the app sets none. */
export function poolDefaults({ poolSettings: pool = {}, oauth }: ResolvedAuthConfig): PoolProps {
  const props: PoolProps = {};
  if (pool.loginMechanisms) props.loginMechanisms = pool.loginMechanisms;
  if (pool.signUpAttributes || pool.verificationMechanisms) {
    // The confirmation code goes to a verified attribute, so sign-up asks for it as well; verified
    // first, as Amplify merges aws-exports' lists. A config naming neither asks for none (as Amplify UI).
    const asked = [...(pool.verificationMechanisms ?? []), ...(pool.signUpAttributes ?? [])];
    props.signUpAttributes = asked.filter((name, index) => asked.indexOf(name) === index);
  }
  // The buttons go through the hosted UI; without it they could only fail.
  if (pool.socialProviders && oauth) props.socialProviders = pool.socialProviders;
  if (pool.passwordPolicy) props.passwordPolicy = pool.passwordPolicy;
  return props;
}
