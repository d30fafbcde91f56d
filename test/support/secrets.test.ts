import { describe, expect, it } from 'vitest';
import { capturedOutput } from './captureConsole';
import { knownSecrets, leakedSecrets, registerSecret } from './secrets';

describe('the console leak check', () => {
  it('records console and stdout output of the test file', () => {
    const marker = `marker-${Math.random().toString(36).slice(2)}`;
    console.info(`hello ${marker}`);
    process.stderr.write(`${marker}-stderr\n`);
    expect(capturedOutput()).toContain(`hello ${marker}`);
    expect(capturedOutput()).toContain(`${marker}-stderr`);
  });

  it('finds a registered secret in output, and only registered ones', () => {
    registerSecret('S3cret-Passw0rd', '123456', 'ab');
    expect(knownSecrets()).toEqual(expect.arrayContaining(['S3cret-Passw0rd', '123456']));
    expect(knownSecrets()).not.toContain('ab'); // too short to match reliably
    expect(leakedSecrets('user typed S3cret-Passw0rd here', knownSecrets())).toEqual(['S3cret-Passw0rd']);
    expect(leakedSecrets('code 12345 and 654321', knownSecrets())).toEqual([]);
  });
});
