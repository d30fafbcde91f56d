// aws-amplify 6 + @aws-amplify/ui-react <Authenticator> with its stylesheet, as their quick start has it.
import { createRoot } from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { amplifyConfig } from '../../apps/amplifyConfig.js';

Amplify.configure(amplifyConfig);

// Every import has been evaluated by now: the bench reads this mark to split load + evaluation from rendering.
performance.mark("app-start");
createRoot(document.getElementById('root')).render(
  <Authenticator>{({ signOut }) => <button onClick={signOut}>Sign out</button>}</Authenticator>,
);
