// What the devtools show of claims and of `nextStep`: secrets and token-like strings masked, the rest as is.
import { describe, expect, it } from 'vitest';
import { maskedClaims, maskedJson } from '../../src/devtools/mask';

describe('devtools masking', () => {
  it("masks a TOTP setup's shared secret and its URI in nextStep, keeps the step's name and masked destination", () => {
    const nextStep = {
      signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
      totpSetupDetails: { sharedSecret: 'JBSWY3DPEHPK3PXPJBSW', setupUri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSW', getSetupUri: () => 'x' },
      codeDeliveryDetails: { destination: 'd***@e***' },
    };
    const shown = maskedJson(nextStep);
    expect(shown).not.toContain('JBSWY3DPEHPK3PXPJBSW');
    expect(shown).toContain('CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
    expect(shown).toContain('d***@e***');
  });

  it('keeps ids (jti, origin_jti, event_id) and masks hashes, nonces and anything shaped like a token', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4eHh4eHgifQ.c2lnbmF0dXJlc2lnbmF0dXJl';
    const claims = Object.fromEntries(maskedClaims({ jti: 'j-1', origin_jti: 'o-1', event_id: 'e-1', at_hash: 'abcdefgh', nonce: 'n0nce-value', note: `see ${token}` }));
    expect(claims).toEqual({ jti: 'j-1', origin_jti: 'o-1', event_id: 'e-1', at_hash: '••••••', nonce: '••••••', note: 'see ••••••' });
  });
});
