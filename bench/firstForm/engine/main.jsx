// The bare React form of ../react, shown by our engine and hooks (no kit UI): what a correct first frame costs
// on its own: the engine loaded, and the stored session read before the first render, so a signed-in user
// never sees the form flash.
import { createRoot } from 'react-dom/client';
import { AuthProvider } from 'cognito-react-kit';
import { config } from '../../uiBundleSize/config.js';
import { EngineForm } from '../engineForm.jsx';

// Every import has been evaluated by now: the bench reads this mark to split load + evaluation from rendering.
performance.mark("app-start");
createRoot(document.getElementById('root')).render(
  <AuthProvider config={config}>
    <EngineForm />
  </AuthProvider>,
);
