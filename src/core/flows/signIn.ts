import { authError } from '../normalizeError';
import { formatSrpTimestamp } from '../srp/srpClient';
import type { PasskeyRequestOptions } from '../passkeys/types';
import type { AuthFactorType } from '../types';
import { parseList, setupMethods } from './nextStep';
import { withMetadata, type AuthenticationResult, type FlowContext } from './context';

/** A sign-in waiting for the user's answer to a challenge. Held in memory only, never stored. */
export interface PendingSignIn {
  /** What the user typed, kept for the UI and for device-key lookups. */
  username: string;
  /** The USERNAME Cognito wants in challenge responses (the internal one after SRP). */
  challengeUsername: string;
  challengeName: string;
  session: string;
  parameters: Record<string, string>;
  /** TOTP secret handed out during MFA_SETUP. */
  sharedSecret?: string;
  /** SELECT_CHALLENGE: the first factors Cognito offered (InitiateAuth's AvailableChallenges). */
  availableChallenges?: string[];
  /** A choice made without a request: the password factor (SELECT_CHALLENGE), the MFA to set up (MFA_SETUP). */
  chosen?: 'PASSWORD' | 'EMAIL' | 'TOTP';
  /** An EMAIL_OTP / SMS_OTP code chosen to sign in with (USER_AUTH, no password), not an MFA: it can be sent again. */
  firstFactor?: { clientMetadata?: Record<string, string> };
}

export type SignInOutcome =
  | { kind: 'tokens'; result: AuthenticationResult; username: string }
  | { kind: 'challenge'; pending: PendingSignIn };

interface InitiateAuthResponse {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AvailableChallenges?: string[];
  AuthenticationResult?: AuthenticationResult;
}

export interface SignInInput {
  username: string;
  password?: string;
  flow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_AUTH' | 'USER_AUTH';
  /** USER_AUTH: the first factor to start with; Cognito asks the user to choose when it is not available. */
  preferredChallenge?: AuthFactorType;
  /** USER_AUTH: ConfirmSignUp's Session, which signs the new user in without a factor. */
  session?: string;
  clientMetadata?: Record<string, string>;
}

type SrpSession = Awaited<ReturnType<FlowContext['srp']['start']>>;

/** A password proof carried into the automatic PASSWORD_VERIFIER step. */
export interface PasswordProof {
  password: string;
  srp: SrpSession;
}

/** InitiateAuth, answering the password and device proofs itself; stops at the first user-facing challenge. */
export async function initiateSignIn(ctx: FlowContext, input: SignInInput): Promise<SignInOutcome> {
  // An async store (AsyncStorage) may not have read this user's device keys yet.
  const loading = ctx.tokens.userLoaded(input.username);
  if (loading) await loading;
  const device = ctx.tokens.device(input.username);
  const params: Record<string, string> = { USERNAME: input.username };
  if (device) params['DEVICE_KEY'] = device.deviceKey;
  let srp: SrpSession | undefined;
  const authFlow: string = input.flow;
  if (input.flow === 'USER_AUTH') {
    // A typed password means the password factor, proven by SRP unless the app asked for PASSWORD.
    const preferred = input.preferredChallenge ?? (input.password === undefined ? undefined : 'PASSWORD_SRP');
    if (preferred) params['PREFERRED_CHALLENGE'] = preferred;
    if (preferred === 'PASSWORD') params['PASSWORD'] = input.password ?? '';
    if (preferred === 'PASSWORD_SRP') {
      srp = await ctx.srp.start(poolName(ctx.userPoolId));
      params['SRP_A'] = srp.srpA;
    }
  } else if (input.flow === 'USER_PASSWORD_AUTH') {
    params['PASSWORD'] = input.password ?? '';
  } else if (input.flow === 'USER_SRP_AUTH' || input.password) {
    // CUSTOM_AUTH with a password proves it by SRP first (`CHALLENGE_NAME: SRP_A`), as amazon-cognito-identity-js does.
    srp = await ctx.srp.start(poolName(ctx.userPoolId));
    params['SRP_A'] = srp.srpA;
    if (input.flow === 'CUSTOM_AUTH') params['CHALLENGE_NAME'] = 'SRP_A';
  }
  const metadata = ctx.metadata(input.clientMetadata);
  const response = await ctx.call<InitiateAuthResponse>(
    'InitiateAuth',
    withMetadata({ AuthFlow: authFlow, ClientId: ctx.clientId, AuthParameters: params, ...(input.session ? { Session: input.session } : {}) }, metadata),
  );
  return continueSignIn(ctx, response, { username: input.username, password: input.password, srp, metadata });
}

/** RespondToAuthChallenge for a user-facing challenge, then any automatic steps after it. */
export async function respondToChallenge(
  ctx: FlowContext,
  pending: PendingSignIn,
  responses: Record<string, string>,
  clientMetadata?: Record<string, string>,
  proof?: PasswordProof,
): Promise<SignInOutcome> {
  const metadata = ctx.metadata(clientMetadata);
  const device = ctx.tokens.device(pending.challengeUsername) ?? ctx.tokens.device(pending.username);
  const response = await ctx.call<InitiateAuthResponse>(
    'RespondToAuthChallenge',
    withMetadata(
      {
        ChallengeName: pending.challengeName,
        ClientId: ctx.clientId,
        Session: pending.session,
        ChallengeResponses: {
          USERNAME: pending.challengeUsername,
          ...(device ? { DEVICE_KEY: device.deviceKey } : {}),
          ...responses,
        },
      },
      metadata,
    ),
  );
  return continueSignIn(ctx, response, { username: pending.username, challengeUsername: pending.challengeUsername, metadata, ...proof });
}

/** MFA_SETUP with TOTP: check the app's first code, then finish the challenge. */
export async function completeTotpSetup(
  ctx: FlowContext,
  pending: PendingSignIn,
  code: string,
  clientMetadata?: Record<string, string>,
): Promise<SignInOutcome> {
  const verified = await ctx.call<{ Status?: string; Session?: string }>('VerifySoftwareToken', {
    UserCode: code,
    Session: pending.session,
  });
  if (verified.Status !== 'SUCCESS') {
    throw authError('CodeMismatchException', 'The authenticator code was not accepted.', 'VerifySoftwareToken');
  }
  return respondToChallenge(ctx, { ...pending, session: verified.Session ?? pending.session }, {}, clientMetadata);
}

interface ContinueState {
  username: string;
  challengeUsername?: string;
  password?: string | undefined;
  srp?: SrpSession | undefined;
  metadata: Record<string, string> | undefined;
}

async function continueSignIn(ctx: FlowContext, response: InitiateAuthResponse, state: ContinueState): Promise<SignInOutcome> {
  let current = response;
  // Each automatic step returns a new response; a real pool needs at most three (password, device SRP, device proof).
  for (let step = 0; step < 6; step++) {
    const challengeUsername =
      current.ChallengeParameters?.['USER_ID_FOR_SRP'] ??
      current.ChallengeParameters?.['USERNAME'] ??
      state.challengeUsername ??
      state.username;
    if (current.AuthenticationResult) {
      return { kind: 'tokens', result: current.AuthenticationResult, username: challengeUsername };
    }
    const challengeName = current.ChallengeName;
    if (!challengeName || !current.Session) {
      throw authError('UnknownError', 'Cognito answered with neither tokens nor a challenge.', 'signIn');
    }
    const parameters = current.ChallengeParameters ?? {};
    const auto = await automaticResponse(ctx, challengeName, parameters, challengeUsername, state);
    if (!auto) {
      const pending: PendingSignIn = {
        username: state.username,
        challengeUsername,
        challengeName,
        session: current.Session,
        parameters,
        ...(current.AvailableChallenges ? { availableChallenges: current.AvailableChallenges } : {}),
      };
      return { kind: 'challenge', pending: await prepareChallenge(ctx, pending) };
    }
    current = await ctx.call<InitiateAuthResponse>(
      'RespondToAuthChallenge',
      withMetadata(
        { ChallengeName: challengeName, ClientId: ctx.clientId, Session: current.Session, ChallengeResponses: auto },
        state.metadata,
      ),
    );
  }
  throw authError('UnknownError', 'Cognito kept asking for automatic challenges.', 'signIn');
}

/** Responses the engine computes itself (password and device proofs); undefined for user-facing ones. */
async function automaticResponse(
  ctx: FlowContext,
  challengeName: string,
  params: Record<string, string>,
  challengeUsername: string,
  state: ContinueState,
): Promise<Record<string, string> | undefined> {
  if (challengeName === 'PASSWORD_VERIFIER') {
    if (!state.srp || state.password === undefined) {
      throw authError('UnknownError', 'Cognito asked for an SRP proof the engine did not start.', 'signIn');
    }
    // The username Cognito knows (an alias was typed): its device keys, from an async store too.
    const loading = ctx.tokens.userLoaded(challengeUsername);
    if (loading) await loading;
    const timestamp = formatSrpTimestamp(new Date(ctx.serverNow()));
    const device = ctx.tokens.device(challengeUsername);
    return {
      USERNAME: challengeUsername,
      PASSWORD_CLAIM_SECRET_BLOCK: params['SECRET_BLOCK'] ?? '',
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: await state.srp.passwordClaim({
        username: challengeUsername,
        password: state.password,
        salt: params['SALT'] ?? '',
        srpB: params['SRP_B'] ?? '',
        secretBlock: params['SECRET_BLOCK'] ?? '',
        timestamp,
      }),
      ...(device ? { DEVICE_KEY: device.deviceKey } : {}),
    };
  }
  if (challengeName === 'WEB_AUTHN') {
    // The passkey prompt belongs to the choice the user just made, as Amplify v6 does it: no step between.
    const options = parseOptions(params['CREDENTIAL_REQUEST_OPTIONS']);
    const credential = await (await ctx.passkeys()).get(options);
    return { USERNAME: challengeUsername, CREDENTIAL: JSON.stringify(credential) };
  }
  if (challengeName === 'DEVICE_SRP_AUTH') {
    const device = ctx.tokens.device(challengeUsername) ?? ctx.tokens.device(state.username);
    if (!device) throw authError('NoDevice', 'Cognito asked for a device proof but no device is remembered.', 'signIn');
    state.srp = await ctx.srp.start(device.deviceGroupKey);
    return { USERNAME: challengeUsername, DEVICE_KEY: device.deviceKey, SRP_A: state.srp.srpA };
  }
  if (challengeName === 'DEVICE_PASSWORD_VERIFIER') {
    const device = ctx.tokens.device(challengeUsername) ?? ctx.tokens.device(state.username);
    if (!device || !state.srp) throw authError('NoDevice', 'Device proof requested out of order.', 'signIn');
    const timestamp = formatSrpTimestamp(new Date(ctx.serverNow()));
    return {
      USERNAME: challengeUsername,
      DEVICE_KEY: device.deviceKey,
      PASSWORD_CLAIM_SECRET_BLOCK: params['SECRET_BLOCK'] ?? '',
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: await state.srp.passwordClaim({
        username: device.deviceKey,
        password: device.randomPassword,
        salt: params['SALT'] ?? '',
        srpB: params['SRP_B'] ?? '',
        secretBlock: params['SECRET_BLOCK'] ?? '',
        timestamp,
      }),
    };
  }
  return undefined;
}

/**
 * MFA_SETUP: with one method to set up, choose it now (TOTP needs its secret before the user can
 * answer: fetched now, as Amplify v6 does); with TOTP and email, the user chooses.
 */
async function prepareChallenge(ctx: FlowContext, pending: PendingSignIn): Promise<PendingSignIn> {
  if (pending.challengeName !== 'MFA_SETUP') return pending;
  const methods = setupMethods(pending);
  if (methods.length === 0) {
    const canSetup = parseList(pending.parameters['MFAS_CAN_SETUP']);
    throw authError(
      'InvalidMFAType',
      `The pool requires MFA setup with ${canSetup.join(', ') || 'no method'}; only TOTP or email setup can happen during sign-in.`,
      'signIn',
    );
  }
  return methods.length === 1 ? chooseSetup(ctx, pending, methods[0] as 'EMAIL' | 'TOTP') : pending;
}

/** Picks the MFA to set up: email waits for an address (no request); TOTP fetches its secret. */
export async function chooseSetup(ctx: FlowContext, pending: PendingSignIn, method: 'EMAIL' | 'TOTP'): Promise<PendingSignIn> {
  if (method === 'EMAIL') return { ...pending, chosen: 'EMAIL' };
  const associated = await ctx.call<{ SecretCode: string; Session?: string }>('AssociateSoftwareToken', {
    Session: pending.session,
  });
  return { ...pending, chosen: 'TOTP', session: associated.Session ?? pending.session, sharedSecret: associated.SecretCode };
}

function parseOptions(json: string | undefined): PasskeyRequestOptions {
  try {
    const options: unknown = JSON.parse(json ?? '');
    if (options && typeof options === 'object' && typeof (options as PasskeyRequestOptions).challenge === 'string') return options as PasskeyRequestOptions;
  } catch {
    /* reported below */
  }
  throw authError('UnknownError', 'Cognito sent passkey options the engine cannot read.', 'signIn');
}

/** The user pool's "name" in SRP: the part of the id after the region. */
export function poolName(userPoolId: string): string {
  return userPoolId.split('_')[1] ?? userPoolId;
}
