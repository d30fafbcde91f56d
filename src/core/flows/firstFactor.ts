import { authError } from '../normalizeError';
import type { FlowContext } from './context';
import { isFactor } from './nextStep';
import { poolName, respondToChallenge, type PendingSignIn, type SignInOutcome } from './signIn';

/**
 * The answer to SELECT_CHALLENGE (choice-based sign-in). A code or a passkey is asked for at once; the
 * password factor first asks the user for the password (no request), as Amplify v6 does.
 */
export async function chooseFactor(
  ctx: FlowContext,
  pending: PendingSignIn,
  response: unknown,
  clientMetadata: Record<string, string> | undefined,
  source: string,
): Promise<SignInOutcome> {
  const answer = typeof response === 'string' ? response.trim().toUpperCase() : '';
  const offered = pending.availableChallenges ?? [];
  // Never echo the answer: users type passwords and codes into the wrong box.
  if (!isFactor(answer) || !offered.includes(answer)) {
    throw authError('InvalidAuthFactor', `Choose one of: ${offered.filter(isFactor).join(', ')}.`, source);
  }
  if (answer === 'PASSWORD' || answer === 'PASSWORD_SRP') return { kind: 'challenge', pending: { ...pending, chosen: 'PASSWORD' } };
  return respondToChallenge(ctx, pending, { ANSWER: answer }, clientMetadata);
}

/** The password after choosing the password factor: proven by SRP when Cognito offers it, else sent as is. */
export async function answerWithPassword(
  ctx: FlowContext,
  pending: PendingSignIn,
  password: string,
  clientMetadata: Record<string, string> | undefined,
): Promise<SignInOutcome> {
  if (!pending.availableChallenges?.includes('PASSWORD_SRP')) {
    return respondToChallenge(ctx, pending, { ANSWER: 'PASSWORD', PASSWORD: password }, clientMetadata);
  }
  const srp = await ctx.srp.start(poolName(ctx.userPoolId));
  return respondToChallenge(ctx, pending, { ANSWER: 'PASSWORD_SRP', SRP_A: srp.srpA }, clientMetadata, { password, srp });
}
