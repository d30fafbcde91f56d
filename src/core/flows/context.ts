import type { PasskeyClient } from '../passkeys/types';
import type { SessionEndpoint } from '../session/sessionEndpoint';
import type { TokenStorage } from '../session/tokenStorage';
import type { SrpClient } from '../srp/srpClient';
import type { ServiceCall } from '../transport';

/** What a flow needs from the engine: config values, the one transport, the SRP math, the clock. */
export interface FlowContext {
  userPoolId: string;
  clientId: string;
  call: ServiceCall;
  srp: SrpClient;
  /** The user's tokens and device keys in the app's storage. */
  tokens: TokenStorage;
  now: () => number;
  /** The server's clock (the device clock corrected by Cognito's `Date` header): for the SRP TIMESTAMP. */
  serverNow: () => number;
  /** The server's clock once a `Date` header was seen in this page; undefined before. */
  measuredServerNow: () => number | undefined;
  /** The passkey prompt (WebAuthn), loaded on first use. */
  passkeys: () => Promise<PasskeyClient>;
  /** The app's backend-for-frontend, loaded on first use; absent without `sessionEndpoint`: the refresh token is then the engine's to keep. */
  sessionEndpoint?: (() => Promise<SessionEndpoint>) | undefined;
  /** Config `clientMetadata` merged with the call's own (the call's keys win); undefined when empty. */
  metadata: (perCall?: Record<string, string>) => Record<string, string> | undefined;
}

/** Cognito's `AuthenticationResult`. */
export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
  NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string };
}

/** Cognito's `CodeDeliveryDetails`. */
export interface CognitoCodeDelivery {
  Destination?: string;
  DeliveryMedium?: string;
  AttributeName?: string;
}

export function toCodeDelivery(details: CognitoCodeDelivery | undefined) {
  if (!details) return undefined;
  return {
    ...(details.Destination === undefined ? {} : { destination: details.Destination }),
    ...(details.DeliveryMedium === undefined ? {} : { deliveryMedium: details.DeliveryMedium }),
    ...(details.AttributeName === undefined ? {} : { attributeName: details.AttributeName }),
  };
}

/** Adds `ClientMetadata` only when there is some: Cognito rejects an empty map on some operations. */
export function withMetadata<T extends object>(input: T, metadata: Record<string, string> | undefined): T {
  return metadata ? { ...input, ClientMetadata: metadata } : input;
}
