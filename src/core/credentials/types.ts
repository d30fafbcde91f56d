/** AWS credentials from an identity pool, as `currentCredentials()` returns them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  identityId: string;
  /** False for guest (unauthenticated) credentials. */
  authenticated: boolean;
}

/** The seed's `essentialCredentials()` shape: what an AWS SDK client needs, plus who it is. */
export interface EssentialCredentials {
  accessKeyId: string;
  sessionToken: string;
  secretAccessKey: string;
  identityId: string;
  authenticated: boolean;
}

/** What an AWS SDK v3 client's `credentials` provider returns. */
export interface SdkCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}
