// @vitest-environment jsdom
// The React matrix (vitest.config.ts): the `default` project runs test/react/** on React 19, the
// `react18` project runs them again on React 18. Each project says which major it means to run
// (CRK_EXPECTED_REACT_MAJOR, set per project via `test.env`); this file checks that every way our
// code and the test libraries reach React lands on that major, and on one copy of it.
import { QueryClient, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { version, type ReactElement } from 'react';
import { version as domVersion } from 'react-dom';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/core/index';
import { AuthProvider, useAuth } from '../../src/react/index';

const expected = process.env['CRK_EXPECTED_REACT_MAJOR'];

describe(`the React version matrix (this project expects React ${expected ?? '?'})`, () => {
  it('runs react, react-dom and the JSX runtime of the major its project asks for', () => {
    expect(expected === '18' || expected === '19').toBe(true);
    expect(version.split('.')[0]).toBe(expected);
    expect(domVersion.split('.')[0]).toBe(expected);
    // The JSX transform imports react/jsx-dev-runtime: its elements carry the major's own marker,
    // and a React 18 renderer refuses React 19 elements (and the other way round).
    const element = (<b />) as ReactElement & { $$typeof: symbol };
    expect(element.$$typeof).toBe(Symbol.for(expected === '19' ? 'react.transitional.element' : 'react.element'));
    expect(renderToString(<b>{version}</b>)).toBe(`<b>${version}</b>`);
  });

  it('gives @testing-library/react, @tanstack/react-query and the provider one shared React (hooks work across them)', async () => {
    // Two copies of React in one tree break hooks ("Invalid hook call"): this renders our provider
    // (src → react), a TanStack hook (node_modules → react) and RTL's root (react-dom) together.
    function Probe() {
      const status = useAuth((s) => s.status);
      const query = useQuery({ queryKey: ['matrix'], queryFn: () => Promise.resolve(version) });
      return (
        <p>
          {status}/{query.data ?? 'pending'}
        </p>
      );
    }
    render(
      <AuthProvider config={{ userPoolId: 'us-east-1_Matrix1', userPoolWebClientId: 'matrixclient', storage: new MemoryStorage() }} queryClient={new QueryClient()}>
        <Probe />
      </AuthProvider>,
    );
    expect(await screen.findByText(`signedOut/${version}`)).toBeTruthy();
  });
});
