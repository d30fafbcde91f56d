import { afterAll } from 'vitest';
import { knownSecrets, leakedSecrets } from './secrets';

// Runs in every test file: records everything written to the console and to stdout/stderr, then
// fails the file if any password, code or token known to the file's servers appears in it.
const captured: string[] = [];
const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

for (const method of methods) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    captured.push(args.map(render).join(' '));
    original(...args);
  };
}
for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    return original(chunk, ...rest);
  }) as typeof stream.write;
}

export function capturedOutput(): string {
  return captured.join('\n');
}

afterAll(() => {
  const leaks = leakedSecrets(capturedOutput(), knownSecrets());
  if (leaks.length > 0) {
    // Do not print the secrets themselves: that would be the leak again.
    throw new Error(`${leaks.length} secret(s) (password, code or token) appeared in console output of this test file.`);
  }
});

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
