// aws-amplify 6 headless, doing what bench/uiBundleSize/hooks.jsx does with our hooks: status, sign-in, sign-out,
// kept current by Hub events, with @tanstack/react-query for the session as an app would add it.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { amplifyConfig } from './amplifyConfig.js';

Amplify.configure(amplifyConfig);
const queryClient = new QueryClient();

function Status() {
  const [status, setStatus] = useState('loading');
  const session = useQuery({ queryKey: ['session'], queryFn: () => fetchAuthSession(), enabled: status === 'signedIn' });
  useEffect(() => {
    const check = () => getCurrentUser().then(() => setStatus('signedIn'), () => setStatus('signedOut'));
    check();
    return Hub.listen('auth', check);
  }, []);
  return (
    <div>
      <p>{status}</p>
      <p>{session.data?.tokens ? 'tokens' : ''}</p>
      {status === 'signedIn' ? (
        <button onClick={() => void signOut()}>Sign out</button>
      ) : (
        <button onClick={() => void signIn({ username: 'u', password: 'p' })}>Sign in</button>
      )}
    </div>
  );
}

createRoot(document.getElementById('root')).render(
  <QueryClientProvider client={queryClient}>
    <Status />
  </QueryClientProvider>,
);
