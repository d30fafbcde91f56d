// What taking the engine off the first render could reach at best, with the first frame still right: a
// synchronous peek at the stored session (the key the engine reads first) picks the form or nothing, and
// the engine and hooks load after the form's first frame. The bare form of ../react, as the engine page.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { config } from '../../uiBundleSize/config.js';
import { BareForm } from '../bareForm.jsx';

const storedUser = localStorage.getItem(`CognitoIdentityServiceProvider.${config.userPoolWebClientId}.LastAuthUser`);

function Page() {
  const [kit, setKit] = useState(null);
  useEffect(() => {
    requestAnimationFrame(() => setTimeout(() => void import('cognito-react-kit').then(setKit)));
  }, []);
  if (storedUser !== null && kit === null) return null;
  return <BareForm />;
}

// Every import has been evaluated by now: the bench reads this mark to split load + evaluation from rendering.
performance.mark("app-start");
createRoot(document.getElementById('root')).render(<Page />);
