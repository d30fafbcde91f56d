// `npm run demo -- --server kit`: the project's own Cognito-compatible test backend (test/backend)
// instead of cognito-local, so the demo can show what cognito-local lacks: SRP, choice-based sign-in
// (USER_AUTH), email/SMS sign-in codes, passkeys, email and SMS MFA, device tracking.
// start.mjs loads this file through Vite's module runner (the backend is TypeScript).
import { startBackend } from '../../test/backend/index';
import type { DeliveredCode } from '../../test/backend/types';

/** The line a code is printed on: destination, kind (SIGN_UP, SIGN_IN, MFA, …), code. The e2e test reads it. */
export const KIT_CODE_LINE = /^\[kit\] code for (\S+) \((\w+)\): (\d+)$/m;

/** The users every start seeds (the backend keeps nothing across starts). */
export const KIT_DEMO_USERS = Object.freeze([
  Object.freeze({ email: 'demo@example.com', phone: '+15550100001', password: 'Demo-Passw0rd!', about: 'password, SRP, email/SMS sign-in codes, passkeys' }),
  Object.freeze({ email: 'mfa@example.com', phone: '+15550100002', password: 'Demo-Passw0rd!', about: 'a code by email after the password (email MFA)' }),
]);

export interface DemoKitBackend {
  /** `http://<host>:<port>/` */
  endpoint: string;
  userPoolId: string;
  clientId: string;
  close(): Promise<void>;
}

/**
 * Starts the test backend on `host:port` (0: any free port) for the app at `appOrigin`, seeds the
 * demo users and prints every code it "sends".
 */
export async function startKitBackend(options: {
  host: string;
  port: number;
  appOrigin: string;
  print: (line: string) => void;
}): Promise<DemoKitBackend> {
  const printCode = (sent: DeliveredCode) => options.print(`[kit] code for ${sent.destination} (${sent.kind}): ${sent.code}`);
  const { backend, url, close } = await startBackend(
    {
      userPoolId: 'us-east-1_DemoKit01',
      usernameAttributes: ['email'],
      mfaConfiguration: 'OPTIONAL',
      mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP', 'SMS_MFA'],
      allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'],
      // A passkey's relying party is a domain, never an IP: the app is served on `localhost`.
      webAuthn: { relyingPartyId: new URL(options.appOrigin).hostname, relyingPartyName: 'cognito-react-kit demo', origins: [options.appOrigin] },
      oauth: { callbackUrls: [`${options.appOrigin}/callback`], logoutUrls: [`${options.appOrigin}/`] },
      onCodeSent: printCode,
    },
    { host: options.host, port: options.port },
  );
  const [plain, mfa] = KIT_DEMO_USERS;
  // Phone numbers too, so SMS sign-in codes and SMS MFA have somewhere to "go".
  await backend.createUser({ username: plain!.email, password: plain!.password, attributes: { email: plain!.email, phone_number: plain!.phone, name: 'Demo User' } });
  await backend.createUser({
    username: mfa!.email,
    password: mfa!.password,
    attributes: { email: mfa!.email, phone_number: mfa!.phone, name: 'Demo MFA User' },
    mfa: { email: true, sms: true, preferred: 'EMAIL_OTP' },
  });
  return { endpoint: url, userPoolId: backend.config.userPoolId, clientId: backend.config.clientId, close };
}
