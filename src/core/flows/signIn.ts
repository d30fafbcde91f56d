import { authError } from '../normalizeError';
import { formatSrpTimestamp } from '../srp/srpClient';
import type { MfaType, PendingStep } from '../types';
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
}

export type SignInOutcome =
  | { kind: 'tokens'; result: AuthenticationResult; username: string }
  | { kind: 'challenge'; pending: PendingSignIn };

interface InitiateAuthResponse {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResult;
}

export interface SignInInput {
  username: string;
  password?: string;
  flow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_AUTH';
  clientMetadata?: Record<string, string>;
}

/** InitiateAuth, answering the password and device proofs itself; stops at the first user-facing challenge. */
export async function initiateSignIn(ctx: FlowContext, input: SignInInput): Promise<SignInOutcome> {
  const device = ctx.tokens.device(input.username);
  const params: Record<string, string> = { USERNAME: input.username };
  if (device) params['DEVICE_KEY'] = device.deviceKey;
  let srp: Awaited<ReturnType<FlowContext['srp']['start']>> | undefined;
  let authFlow: string = input.flow;
  if (input.flow === 'USER_PASSWORD_AUTH') {
    params['PASSWORD'] = input.password ?? '';
  } else if (input.flow === 'USER_SRP_AUTH' || input.password) {
    // CUSTOM_AUTH with a password proves it by SRP first (`CHALLENGE_NAME: SRP_A`), as amazon-cognito-identity-js does.
    srp = await ctx.srp.start(poolName(ctx.userPoolId));
    params['SRP_A'] = srp.srpA;
    if (input.flow === 'CUSTOM_AUTH') params['CHALLENGE_NAME'] = 'SRP_A';
  }
  if (input.flow === 'CUSTOM_AUTH') authFlow = 'CUSTOM_AUTH';
  const metadata = ctx.metadata(input.clientMetadata);
  const response = await ctx.call<InitiateAuthResponse>(
    'InitiateAuth',
    withMetadata({ AuthFlow: authFlow, ClientId: ctx.clientId, AuthParameters: params }, metadata),
  );
  return continueSignIn(ctx, response, { username: input.username, password: input.password, srp, metadata });
}

/** RespondToAuthChallenge for a user-facing challenge, then any automatic steps after it. */
export async function respondToChallenge(
  ctx: FlowContext,
  pending: PendingSignIn,
  responses: Record<string, string>,
  clientMetadata?: Record<string, string>,
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
  return continueSignIn(ctx, response, { username: pending.username, challengeUsername: pending.challengeUsername, metadata });
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
  srp?: Awaited<ReturnType<FlowContext['srp']['start']>> | undefined;
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

/** MFA_SETUP with TOTP needs a secret before the user can answer: fetch it now, as Amplify v6 does. */
async function prepareChallenge(ctx: FlowContext, pending: PendingSignIn): Promise<PendingSignIn> {
  if (pending.challengeName !== 'MFA_SETUP') return pending;
  const canSetup = parseList(pending.parameters['MFAS_CAN_SETUP']);
  if (!canSetup.includes('SOFTWARE_TOKEN_MFA')) {
    throw authError(
      'InvalidMFAType',
      `The pool requires MFA setup with ${canSetup.join(', ') || 'no method'}; only TOTP setup can happen during sign-in.`,
      'signIn',
    );
  }
  const associated = await ctx.call<{ SecretCode: string; Session?: string }>('AssociateSoftwareToken', {
    Session: pending.session,
  });
  return { ...pending, session: associated.Session ?? pending.session, sharedSecret: associated.SecretCode };
}

/** The serialisable step a UI renders for a pending challenge. */
export function nextStepFor(pending: PendingSignIn): PendingStep {
  const base = { username: pending.username };
  const params = pending.parameters;
  switch (pending.challengeName) {
    case 'SMS_MFA':
    case 'SMS_OTP':
      return {
        ...base,
        signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
        codeDeliveryDetails: {
          deliveryMedium: params['CODE_DELIVERY_DELIVERY_MEDIUM'] ?? 'SMS',
          ...(params['CODE_DELIVERY_DESTINATION'] ? { destination: params['CODE_DELIVERY_DESTINATION'] } : {}),
          attributeName: 'phone_number',
        },
      };
    case 'SOFTWARE_TOKEN_MFA':
      return { ...base, signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' };
    case 'SELECT_MFA_TYPE':
      return {
        ...base,
        signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION',
        allowedMFATypes: parseList(params['MFAS_CAN_CHOOSE']).flatMap(toMfaType),
      };
    case 'MFA_SETUP':
      return {
        ...base,
        signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
        totpSetupDetails: { sharedSecret: pending.sharedSecret ?? '' },
      };
    case 'NEW_PASSWORD_REQUIRED':
      return { ...base, signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: missingAttributes(params) };
    case 'CUSTOM_CHALLENGE':
      return { ...base, signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: publicParameters(params) };
    default:
      throw authError('UnknownError', `Unsupported challenge ${pending.challengeName}.`, 'signIn');
  }
}

/** The user pool's "name" in SRP: the part of the id after the region. */
export function poolName(userPoolId: string): string {
  return userPoolId.split('_')[1] ?? userPoolId;
}

export function parseList(json: string | undefined): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function toMfaType(name: string): MfaType[] {
  if (name === 'SMS_MFA') return ['SMS'];
  if (name === 'SOFTWARE_TOKEN_MFA') return ['TOTP'];
  return [];
}

/** `requiredAttributes` lists `userAttributes.<name>`; the ones the user already has are not missing. */
function missingAttributes(params: Record<string, string>): string[] {
  let current: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(params['userAttributes'] ?? '{}');
    if (parsed && typeof parsed === 'object') current = parsed as Record<string, unknown>;
  } catch {
    /* no attributes */
  }
  return parseList(params['requiredAttributes'])
    .map((name) => name.replace(/^userAttributes\./, ''))
    .filter((name) => current[name] === undefined || current[name] === '');
}

function publicParameters(params: Record<string, string>): Record<string, string> {
  const { USERNAME: _username, USER_ID_FOR_SRP: _srpUser, ...rest } = params;
  return rest;
}
