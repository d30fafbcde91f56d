// Setup of the `react18` vitest project (see vitest.config.ts): CommonJS code that runs natively in
// Node (react-dom, react-test-renderer, @testing-library/react's CJS build) `require`s React
// through Node's resolver, which Vite's aliases never see. Redirect those requests to the React 18
// copies installed as npm aliases, so every module in the process shares one React 18.
import Module from 'node:module';

const REDIRECTS: Record<string, string> = {
  react: 'react18',
  'react-dom': 'react-dom18',
  'react-test-renderer': 'react-test-renderer18',
};

type ResolveFilename = (this: unknown, request: string, ...rest: unknown[]) => string;
const resolver = Module as unknown as { _resolveFilename: ResolveFilename };
const original = resolver._resolveFilename;

resolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  const match = /^(react|react-dom|react-test-renderer)(\/.*)?$/.exec(request);
  const target = match ? `${REDIRECTS[match[1]!]}${match[2] ?? ''}` : request;
  return original.call(this, target, ...rest);
};
