// The bare React form of ../react through <LazyAuthProvider> and useAuth (no kit UI): the engine's code
// loads after the form's first frame (a synchronous storage peek says no session is stored).
import { createRoot } from 'react-dom/client';
import { LazyAuthProvider } from 'cognito-react-kit';
import { config } from '../../uiBundleSize/config.js';
import { EngineForm } from '../engineForm.jsx';

// Every import has been evaluated by now: the bench reads this mark to split load + evaluation from rendering.
performance.mark("app-start");
createRoot(document.getElementById('root')).render(
  <LazyAuthProvider config={config}>
    <EngineForm />
  </LazyAuthProvider>,
);
