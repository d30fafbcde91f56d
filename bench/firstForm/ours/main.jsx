// Our <Authenticator> with its stylesheet, as an app's whole entry.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator } from 'cognito-react-kit';
import 'cognito-react-kit/styles.css';
import { config } from '../../uiBundleSize/config.js';

// Every import has been evaluated by now: the bench reads this mark to split load + evaluation from rendering.
performance.mark("app-start");
createRoot(document.getElementById('root')).render(
  <AuthProvider config={config}>
    <Authenticator>{({ signOut }) => <button onClick={signOut}>Sign out</button>}</Authenticator>
  </AuthProvider>,
);
