import { describe, expect, it } from 'vitest';
import { expectOutcome, MemoryStorage, poolFor, signIn, userFor } from './acij';
import { strongPassword, useBackend } from './harness';
import { decodeJwt } from './jwt';
import { formatSrpTimestamp, modPow, N, padHex, parseSrpTimestamp } from './srp';

describe('SRP math', () => {
  it('modPow agrees with naive exponentiation', () => {
    expect(modPow(3n, 200n, 1_000_003n)).toBe(3n ** 200n % 1_000_003n);
    expect(modPow(-4n, 3n, 7n)).toBe(((-64n % 7n) + 7n) % 7n);
    expect(modPow(2n, 0n, N)).toBe(1n);
  });

  it('padHex matches the clients: even length, 00 before a set top bit', () => {
    expect(padHex(0x14n)).toBe('14');
    expect(padHex(0xecn)).toBe('00ec');
    expect(padHex(0xabcn)).toBe('0abc');
    expect(padHex(N).startsWith('00ff')).toBe(true);
  });

  it('parses and formats the TIMESTAMP format, day not zero-padded', () => {
    const ms = Date.UTC(2026, 8, 3, 4, 5, 6);
    expect(formatSrpTimestamp(ms)).toBe('Thu Sep 3 04:05:06 UTC 2026');
    expect(parseSrpTimestamp('Thu Sep 3 04:05:06 UTC 2026')).toBe(ms);
    expect(parseSrpTimestamp('2026-09-03T04:05:06Z')).toBeUndefined();
  });
});

describe('USER_SRP_AUTH driven by amazon-cognito-identity-js', () => {
  const server = useBackend();
  const password = strongPassword();

  const client = (username: string) => {
    const { backend, url } = server();
    const storage = new MemoryStorage();
    return { user: userFor(poolFor(backend, url, storage), username, storage), storage };
  };

  it('signs in with the right password and returns Cognito-shaped tokens', async () => {
    const { backend } = server();
    const seeded = await backend.createUser({ username: 'alice', password, attributes: { email: 'alice@example.com' } });

    const outcome = expectOutcome(await signIn(client('alice').user, password), 'success');

    const access = decodeJwt(outcome.session.getAccessToken().getJwtToken());
    expect(access).toMatchObject({ token_use: 'access', username: 'alice', sub: seeded.sub, client_id: backend.config.clientId });
    expect(access.scope).toBe('aws.cognito.signin.user.admin');
    const id = decodeJwt(outcome.session.getIdToken().getJwtToken());
    expect(id).toMatchObject({ token_use: 'id', 'cognito:username': 'alice', email: 'alice@example.com', email_verified: true });
    expect(id.aud).toBe(backend.config.clientId);
    expect(id.origin_jti).toBe(access.origin_jti);
  });

  it('rejects a wrong password with the exact Cognito error', async () => {
    const outcome = expectOutcome(await signIn(client('alice').user, 'Wrong-passw0rd!'), 'failure');
    expect(outcome.error).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('reports unknown, unconfirmed, disabled and reset-required users like Cognito', async () => {
    const { backend } = server();
    await backend.createUser({ username: 'unconfirmed', password, status: 'UNCONFIRMED' });
    await backend.createUser({ username: 'disabled', password, enabled: false });
    await backend.createUser({ username: 'reset', password, status: 'RESET_REQUIRED' });

    const failure = async (name: string) => expectOutcome(await signIn(client(name).user, password), 'failure').error;
    expect(await failure('nobody')).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(await failure('unconfirmed')).toEqual({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    expect(await failure('disabled')).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    expect(await failure('reset')).toEqual({
      name: 'PasswordResetRequiredException',
      message: 'Password reset required for the user',
    });
  });

  it('supports USER_PASSWORD_AUTH with the same users', async () => {
    const { user } = client('alice');
    user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
    expectOutcome(await signIn(user, password), 'success');
    const again = client('alice').user;
    again.setAuthenticationFlowType('USER_PASSWORD_AUTH');
    expect(expectOutcome(await signIn(again, 'nope-Nope1!'), 'failure').error.message).toBe('Incorrect username or password.');
  });

  it('refuses a PASSWORD_VERIFIER answer whose TIMESTAMP is far from the server clock', async () => {
    const { backend } = server();
    const { user } = client('alice');
    backend.advanceTime(6 * 60_000);
    try {
      const outcome = await signIn(user, password);
      // The clock moved before InitiateAuth too, so only the client's TIMESTAMP is off.
      expect(expectOutcome(outcome, 'failure').error.name).toBe('NotAuthorizedException');
    } finally {
      backend.advanceTime(-6 * 60_000);
    }
  });
});

describe('sign-in by email alias', () => {
  const server = useBackend({ usernameAttributes: ['email'], deviceTracking: false });

  it('returns the sub as USER_ID_FOR_SRP and acij completes SRP with it', async () => {
    const { backend, url } = server();
    const password = strongPassword();
    const seeded = await backend.createUser({ username: 'bob@example.com', password });
    expect(seeded.username).toBe(seeded.sub);

    const storage = new MemoryStorage();
    const outcome = expectOutcome(await signIn(userFor(poolFor(backend, url, storage), 'bob@example.com', storage), password), 'success');
    expect(decodeJwt(outcome.session.getAccessToken().getJwtToken()).username).toBe(seeded.sub);
    expect(storage.getItem(`CognitoIdentityServiceProvider.${backend.config.clientId}.LastAuthUser`)).toBe(seeded.sub);
  });
});

describe('preventUserExistenceErrors', () => {
  const server = useBackend({ preventUserExistenceErrors: true, deviceTracking: false });

  it('answers an unknown user with a believable SRP round that fails like a wrong password', async () => {
    const { backend, url } = server();
    const storage = new MemoryStorage();
    const outcome = await signIn(userFor(poolFor(backend, url, storage), 'ghost', storage), strongPassword());
    expect(expectOutcome(outcome, 'failure').error).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(backend.count('RespondToAuthChallenge')).toBe(1);
  });
});
