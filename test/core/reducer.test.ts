import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/core/index';
import { initialState, reduce } from '../../src/core/reducer';
import type { AuthState } from '../../src/core/index';

// The reducer owns the transition rules, so no flow has to guard its own dispatch.
const ada = { username: 'ada', userId: 'sub-ada', attributes: { email: 'ada@example.com' } };
const oops = new AuthError({ name: 'NetworkError', message: 'offline', source: 'signIn' });
const signedIn = reduce(initialState, { type: 'signedIn', user: ada });
const atSmsStep = reduce(initialState, {
  type: 'step',
  nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', username: 'ada', codeDeliveryDetails: { deliveryMedium: 'SMS' } },
});

describe('state transitions', () => {
  it('a step while signed in changes nothing (signing up someone else keeps the session)', () => {
    expect(reduce(signedIn, { type: 'step', nextStep: { signInStep: 'CONFIRM_SIGN_UP', username: 'bob' } })).toBe(signedIn);
  });

  it('a failed flow while signed in changes nothing; signed out it keeps the step and adds the error', () => {
    expect(reduce(signedIn, { type: 'failed', error: oops })).toBe(signedIn);
    expect(reduce(atSmsStep, { type: 'failed', error: oops })).toEqual({ ...atSmsStep, error: oops });
    expect(reduce(initialState, { type: 'failed', error: oops })).toEqual({ status: 'signedOut', user: null, nextStep: null, error: oops });
  });

  it('an ended step goes back to the start with its error, but never signs a signed-in user out', () => {
    const ended = new AuthError({ name: 'SignInSessionExpired', message: 'ended', source: 'confirmSignIn' });
    expect(reduce(atSmsStep, { type: 'stepEnded', error: ended })).toEqual({ status: 'signedOut', user: null, nextStep: null, error: ended });
    expect(reduce(signedIn, { type: 'stepEnded', error: ended })).toBe(signedIn);
  });

  it('a refresh that changes nothing about the user keeps the snapshot; a kept session can carry an error', () => {
    expect(reduce(signedIn, { type: 'signedIn', user: { ...ada, attributes: { ...ada.attributes } } })).toBe(signedIn);
    const kept = reduce(initialState, { type: 'signedIn', user: ada, error: oops });
    expect(kept).toMatchObject({ status: 'signedIn', error: oops });
    expect(reduce(kept, { type: 'signedIn', user: ada })).toMatchObject({ status: 'signedIn', error: null });
  });

  it('new attributes apply only while signed in, and every snapshot is frozen', () => {
    const renamed = { ...ada, attributes: { email: 'ada@example.org' } };
    const next: AuthState = reduce(signedIn, { type: 'userChanged', user: renamed });
    expect(next.user).toEqual(renamed);
    expect(reduce(atSmsStep, { type: 'userChanged', user: renamed })).toBe(atSmsStep);
    for (const state of [next, atSmsStep, signedIn]) expect(Object.isFrozen(state)).toBe(true);
    expect(Object.isFrozen(atSmsStep.nextStep)).toBe(true);
  });
});
