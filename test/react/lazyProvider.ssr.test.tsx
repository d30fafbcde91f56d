// <LazyAuthProvider> on a server: Node with no window (vitest's node environment). It renders `loading`
// like <AuthProvider> (so hydration matches), checks the config, and never loads the engine there.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/index';
import { LazyAuthProvider, useAuth } from '../../src/react/index';
import { deferredAuth } from '../../src/react/deferredAuth';

const config = { region: 'us-east-1', userPoolId: 'us-east-1_AbCdEfGhI', userPoolWebClientId: '1example23456789abcdefghij' };

function Status() {
  return <p>{useAuth((s) => s.status)}</p>;
}

describe('<LazyAuthProvider> rendered on a server', () => {
  it('renders loading, with no engine built', () => {
    expect(typeof window).toBe('undefined');
    expect(renderToString(<LazyAuthProvider config={config}><Status /></LazyAuthProvider>)).toBe('<p>loading</p>');
    let builds = 0;
    const auth = deferredAuth(config, undefined, () => {
      builds++;
      return Promise.reject(new Error('not on a server'));
    });
    // No localStorage to peek at: not sure anyone is signed out, so the stand-in says loading too.
    expect(auth.getState().status).toBe('loading');
    expect(builds).toBe(0);
  });

  it('throws a bad config`s ConfigError during the server render', () => {
    expect(() => renderToString(<LazyAuthProvider config={{ userPoolId: 'nope', userPoolWebClientId: 'x' }}><Status /></LazyAuthProvider>)).toThrow(ConfigError);
  });
});
