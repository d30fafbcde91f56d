import { beforeEach, describe, expect, it } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { RecordingStorage } from '../support/recordingStorage';
import { authErrorOf, inputOf, operations, uniqueName } from '../support/engineAssertions';

const PASSWORD_AUTH = { authenticationFlowType: 'USER_PASSWORD_AUTH' } as const;

describe('MFA preferences (v6 fetchMFAPreference / updateMFAPreference)', () => {
  const kit = useEngineBackend({ mfaMethods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
  const password = strongPassword();

  beforeEach(() => {
    kit().storage = new RecordingStorage();
  });

  async function signedIn() {
    const { backend, auth } = kit();
    const username = uniqueName('pref');
    await backend.createUser({ username, password, attributes: { email: `${username}@example.com`, phone_number: '+15555550123' } });
    const engine = auth({ config: PASSWORD_AUTH });
    await engine.signIn({ username, password });
    backend.resetCounts();
    return { backend, engine, username };
  }

  it('reads nothing turned on as an empty result, then what updateMFAPreference turned on', async () => {
    const { backend, engine, username } = await signedIn();
    expect(await engine.fetchMFAPreference()).toEqual({});
    expect(operations(backend)).toEqual(['GetUser']);

    backend.resetCounts();
    await engine.updateMFAPreference({ email: 'PREFERRED', sms: 'ENABLED', totp: 'DISABLED' });
    expect(operations(backend)).toEqual(['SetUserMFAPreference']);
    expect(inputOf(backend, 'SetUserMFAPreference')).toMatchObject({
      SMSMfaSettings: { Enabled: true },
      SoftwareTokenMfaSettings: { Enabled: false },
      EmailMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    expect(backend.getUser(username)?.mfa).toMatchObject({ sms: true, totp: false, email: true, preferred: 'EMAIL_OTP' });
    expect(await engine.fetchMFAPreference()).toEqual({ enabled: ['SMS', 'EMAIL'], preferred: 'EMAIL' });
    // v5's getPreferredMFA names it too.
    expect(await engine.getPreferredMFA()).toBe('EMAIL_OTP');

    await engine.updateMFAPreference({ email: 'NOT_PREFERRED' });
    expect(await engine.fetchMFAPreference()).toEqual({ enabled: ['SMS', 'EMAIL'] });
  });

  it('refuses a value it does not know, or nothing to change, before any request', async () => {
    const { backend, engine } = await signedIn();
    const wrong = await authErrorOf(engine.updateMFAPreference({ sms: 'ON' as never }));
    expect(wrong).toMatchObject({ name: 'InvalidArgument', message: 'sms: use ENABLED, DISABLED, PREFERRED or NOT_PREFERRED.', source: 'updateMFAPreference' });
    const nothing = await authErrorOf(engine.updateMFAPreference({}));
    expect(nothing).toMatchObject({ name: 'InvalidArgument', message: 'Say what to change: sms, totp or email.' });
    expect(backend.count()).toBe(0);
  });

  it('needs a signed-in user', async () => {
    const { backend, auth } = kit();
    backend.resetCounts();
    const engine = auth();
    expect((await authErrorOf(engine.fetchMFAPreference())).name).toBe('NoCurrentUser');
    expect((await authErrorOf(engine.updateMFAPreference({ totp: 'ENABLED' }))).name).toBe('NoCurrentUser');
    expect(backend.count()).toBe(0);
  });
});
