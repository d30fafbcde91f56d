// @vitest-environment jsdom
import { signOut } from 'aws-amplify/auth';
import { I18n } from 'aws-amplify/utils';
import { describe } from 'vitest';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { portBehaviour } from './behaviour';
import * as original from './original';
import { backendServer } from './servers';

/**
 * The same behaviour tests on the ORIGINAL app, with the real aws-amplify and @aws-amplify/ui-react,
 * on the test backend: they are the app's own tests (they pass on Amplify), so the port passing
 * them means it behaves as the app did.
 */
describe('the original Amplify app (real aws-amplify) on the test backend', () => {
  const kit = useEngineBackend({ codeValiditySeconds: 600 });
  portBehaviour({ ...original, I18n, signOut }, backendServer(kit), { password: strongPassword(), unique: uniqueName });
});
