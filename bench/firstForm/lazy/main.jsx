// Our <Authenticator> with its stylesheet under <LazyAuthProvider>: the engine's code loads after the
// form's first frame (a synchronous peek at storage says no session is stored).
import { createRoot } from 'react-dom/client';
import { LazyAuthProvider, Authenticator } from 'cognito-react-kit';
import 'cognito-react-kit/styles.css';
import { config } from '../../uiBundleSize/config.js';

// Every import has been evaluated by now: the bench reads this mark to split load + evaluation from rendering.
performance.mark("app-start");
createRoot(document.getElementById('root')).render(
  <LazyAuthProvider config={config}>
    <Authenticator>{({ signOut }) => <button onClick={signOut}>Sign out</button>}</Authenticator>
  </LazyAuthProvider>,
);
