// @vitest-environment jsdom
import { describe } from 'vitest';
import { I18n, signOut } from '../../src/amplify/index';
import { strongPassword } from '../backend/harness';
import { useEngineBackend } from '../support/engine';
import { uniqueName } from '../support/engineAssertions';
import { portBehaviour } from './behaviour';
import * as ported from './ported';
import { backendServer } from './servers';

/** The ported Amplify app on the test backend, configured as v6 outputs (SRP sign-in, Amplify's default). */
describe('the ported Amplify app on the test backend', () => {
  const kit = useEngineBackend({ codeValiditySeconds: 600 });
  portBehaviour({ ...ported, I18n, signOut }, backendServer(kit), { password: strongPassword(), unique: uniqueName });
});
