// aws-amplify 6 + @aws-amplify/ui-react <Authenticator> against the user pool the bench sets in
// window.__benchPool (userPoolEndpoint: the loopback backend). The signed-in slot offers what the bench
// drives: remember this device, sign out.
import { createRoot } from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { rememberDevice } from 'aws-amplify/auth';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';

const pool = window.__benchPool;
Amplify.configure({ Auth: { Cognito: { userPoolId: pool.userPoolId, userPoolClientId: pool.clientId, userPoolEndpoint: pool.endpoint } } });
window.__benchRemember = () => rememberDevice();

createRoot(document.getElementById('root')).render(
  <Authenticator>{({ signOut }) => <button data-signed-in onClick={signOut}>Sign out</button>}</Authenticator>,
);
