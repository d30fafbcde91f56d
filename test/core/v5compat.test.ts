import { beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type Auth, type AuthUser } from '../../src/core/index';
import { strongPassword } from '../backend/harness';
import { totpCode } from '../backend/index';
import type { RecordedRequest } from '../backend/types';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';

let serial = 0;

/** A v5 call with the user first (`[user]`) or the short form (`[]`): both must do the same. */
type Call = (auth: Auth, lead: [] | [AuthUser]) => Promise<unknown>;

interface Subject {
  auth: Auth;
  username: string;
  sub: string;
  accessToken: string;
}

describe('Amplify v5 call forms', () => {
  const kit = useEngineBackend();
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function signedIn(prefix: string): Promise<Subject> {
    const { backend, auth } = kit();
    const username = `${prefix}-${++serial}`;
    const { sub } = await backend.createUser({
      username,
      password,
      attributes: { email: `${username}@example.com`, name: 'Vee', nickname: 'V' },
    });
    // Each subject gets its own storage, so two engines hold two sessions side by side.
    const engine = auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' }, storage: new RecordingStorage() });
    await engine.signIn(username, password);
    return { auth: engine, username, sub, accessToken: (await engine.currentSession()).accessToken };
  }

  /** JSON with the subject's own values replaced, so two users' runs compare equal. */
  function normalized(value: unknown, subject: Subject, extra: string[] = []): unknown {
    let json = JSON.stringify(value) ?? 'undefined';
    for (const [secret, placeholder] of [
      [subject.accessToken, '<accessToken>'],
      [subject.sub, '<sub>'],
      [subject.username, '<username>'],
      ...extra.map((item, index) => [item, `<extra${index}>`]),
    ] as const) {
      json = json.split(secret).join(placeholder);
    }
    return json === 'undefined' ? undefined : JSON.parse(json);
  }

  async function run(subject: Subject, call: Call, userFirst: boolean) {
    const { backend, events } = kit();
    const lead: [] | [AuthUser] = userFirst ? [await subject.auth.currentAuthenticatedUser()] : [];
    const seen = events(subject.auth);
    backend.resetCounts();
    const result = await call(subject.auth, lead);
    return {
      result: normalized(result, subject),
      requests: normalized(backend.requests(), subject),
      state: normalized(subject.auth.getState(), subject),
      events: normalized(seen, subject),
      backendUser: normalized({ ...backend.getUser(subject.username), devices: undefined }, subject),
    };
  }

  const calls: [string, Call][] = [
    ['updateUserAttributes(user, attributes, clientMetadata)', (auth, lead) => v5(auth).updateUserAttributes(...lead, { name: 'Renamed' }, { via: 'v5' })],
    ['userAttributes(user)', (auth, lead) => v5(auth).userAttributes(...lead)],
    ['deleteUserAttributes(user, names)', (auth, lead) => v5(auth).deleteUserAttributes(...lead, ['nickname'])],
    ['setPreferredMFA(user, "NOMFA")', (auth, lead) => v5(auth).setPreferredMFA(...lead, 'NOMFA')],
    ['getPreferredMFA(user)', (auth, lead) => v5(auth).getPreferredMFA(...lead)],
    ['verifyUserAttribute(user, "email")', (auth, lead) => v5(auth).verifyUserAttribute(...lead, 'email')],
  ];

  it.each(calls)('%s does exactly what the short form does', async (_name, call) => {
    const short = await run(await signedIn('v-short'), call, false);
    const long = await run(await signedIn('v-long'), call, true);

    expect(long).toEqual(short);
    // Not vacuous: each form reached Cognito.
    expect(short.requests).not.toEqual([]);
  });

  it('setupTOTP(user) and verifyTotpToken(user, code) enable TOTP exactly as the short forms do', async () => {
    const { backend, clock } = kit();
    const runTotp = async (subject: Subject, userFirst: boolean) => {
      const lead: [] | [AuthUser] = userFirst ? [await subject.auth.currentAuthenticatedUser()] : [];
      backend.resetCounts();
      const secret = await v5(subject.auth).setupTOTP(...lead);
      const code = await totpCode(secret, clock.now());
      const verified = await v5(subject.auth).verifyTotpToken(...lead, code);
      const preferred = await v5(subject.auth).setPreferredMFA(...lead, 'TOTP');
      const mfa = await v5(subject.auth).getPreferredMFA(...lead);
      expect(backend.getUser(subject.username)?.mfa).toMatchObject({ totp: true, preferred: 'SOFTWARE_TOKEN_MFA', totpSecret: secret });
      return normalized({ verified, preferred, mfa, requests: backend.requests() }, subject, [secret, code]);
    };

    const short = await runTotp(await signedIn('totp-short'), false);
    const long = await runTotp(await signedIn('totp-long'), true);

    expect(long).toEqual(short);
    expect(short).toMatchObject({ verified: 'SUCCESS', preferred: 'SUCCESS', mfa: 'SOFTWARE_TOKEN_MFA' });
    expect((short as { requests: RecordedRequest[] }).requests.map((r) => r.operation)).toEqual([
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'SetUserMFAPreference',
      'GetUser',
    ]);
  });

  it('the session speaks v5: getIdToken().getJwtToken(), getAccessToken(), getRefreshToken().getToken(), payload, isValid()', async () => {
    const { backend, storage } = kit();
    const { auth, username } = await (async () => {
      // This one on the kit's storage, to compare with what is stored.
      const name = `sess-${++serial}`;
      await backend.createUser({ username: name, password, attributes: { email: `${name}@example.com` } });
      const engine = kit().auth({ config: { authenticationFlowType: 'USER_PASSWORD_AUTH' } });
      await engine.signIn(name, password);
      return { auth: engine, username: name };
    })();
    const key = `CognitoIdentityServiceProvider.${backend.config.clientId}.${username}`;

    const session = await auth.currentSession();

    expect(session.getIdToken().getJwtToken()).toBe(storage.getItem(`${key}.idToken`));
    expect(session.getAccessToken().getJwtToken()).toBe(storage.getItem(`${key}.accessToken`));
    expect(session.getRefreshToken().getToken()).toBe(storage.getItem(`${key}.refreshToken`));
    expect(session.getIdToken().getJwtToken()).toBe(session.idToken);
    expect(session.getIdToken().payload['email']).toBe(`${username}@example.com`);
    expect(session.getIdToken().payload['cognito:username']).toBe(username);
    expect(session.getAccessToken().payload['username']).toBe(username);
    expect(session.getAccessToken().getExpiration()).toBe(session.accessTokenPayload['exp']);
    expect(session.isValid()).toBe(true);
    expect(session.isValid(Date.now() + 2 * 3600_000)).toBe(false);
  });

  it('errors carry err.code === err.name, for Cognito exceptions and client errors alike', async () => {
    const { auth } = await signedIn('codes');
    const cognito = await auth.changePassword('Wrong-Passw0rd!', strongPassword()).catch((error: unknown) => error);
    const client = await kit()
      .auth()
      .changePassword('a', 'b')
      .catch((error: unknown) => error);

    expect(cognito).toBeInstanceOf(AuthError);
    expect(client).toBeInstanceOf(AuthError);
    expect(cognito).toMatchObject({ name: 'NotAuthorizedException', code: 'NotAuthorizedException' });
    expect(client).toMatchObject({ name: 'NoCurrentUser', code: 'NoCurrentUser' });
  });
});

/** The engine as plain JavaScript sees it: v5's user-first calls with the user spread in or not. */
function v5(auth: Auth): Record<V5Method, (...args: unknown[]) => Promise<never>> {
  return auth as unknown as Record<V5Method, (...args: unknown[]) => Promise<never>>;
}

type V5Method =
  | 'updateUserAttributes'
  | 'userAttributes'
  | 'deleteUserAttributes'
  | 'setPreferredMFA'
  | 'getPreferredMFA'
  | 'verifyUserAttribute'
  | 'setupTOTP'
  | 'verifyTotpToken';
