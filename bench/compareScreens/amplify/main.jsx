// aws-amplify 6 + @aws-amplify/ui-react <Authenticator> on the screen named by ?screen=, as their quick start has it.
import { createRoot } from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { amplifyConfig } from '../../apps/amplifyConfig.js';

Amplify.configure(amplifyConfig);
const screen = new URLSearchParams(location.search).get('screen') ?? 'signIn';
createRoot(document.getElementById('root')).render(<Authenticator initialState={screen} />);
