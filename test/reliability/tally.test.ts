import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { TALLY_FILE_ENV, tally } from './tally';

test('a tally is appended to the run summary file', () => {
  const file = process.env[TALLY_FILE_ENV];
  expect(file).toBeTruthy();
  const before = readFileSync(file!, 'utf8');
  tally('fuzzCases', 0);
  expect(readFileSync(file!, 'utf8')).toBe(before);
});
