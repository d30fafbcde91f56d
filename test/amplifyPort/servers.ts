import type { EngineTestKit } from '../support/engine';
import type { PortServer } from './behaviour';

/** The test backend as the port's server: a v6 config (`amplify_outputs`-like), SRP sign-in as Amplify's default. */
export function backendServer(kit: () => EngineTestKit): () => PortServer {
  return () => ({
    config: () => ({
      Auth: {
        Cognito: {
          userPoolId: kit().backend.config.userPoolId,
          userPoolClientId: kit().backend.config.clientId,
          userPoolEndpoint: kit().url,
          loginWith: { email: true },
          signUpVerificationMethod: 'code',
        },
      },
    }),
    lastCode: (username) => kit().backend.lastCode(username, 'SIGN_UP'),
    createUser: async (username, password) => {
      await kit().backend.createUser({ username, password, attributes: { email: username, email_verified: 'true' } });
    },
  });
}
