// aws-amplify 6 + @aws-amplify/ui-react: <Authenticator> and its stylesheet, as their quick start has it.
import { createRoot } from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { amplifyConfig } from './amplifyConfig.js';

Amplify.configure(amplifyConfig);

createRoot(document.getElementById('root')).render(
  <Authenticator>{({ signOut }) => <button onClick={signOut}>Sign out</button>}</Authenticator>,
);
