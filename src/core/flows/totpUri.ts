/** Build the `otpauth://` URI an authenticator app scans (`issuer` is what the app shows above the code). */
export function buildTotpUri({ secret, username, issuer }: { secret: string; username: string; issuer: string }): string {
  // Key URI format: `issuer:account`, each part encoded, the colon literal (as Amplify's setup URI has it).
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(username)}`;
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(issuer)}`;
}
