/**
 * Counters for the reliability and security summary. Test files run in separate processes, so each
 * count is appended as one JSON line to a file the global setup (`summary.setup.ts`) creates and
 * prints at the end of the run.
 */
import { appendFileSync } from 'node:fs';

export type TallyCounter =
  | 'faultsInjected'
  | 'faultsHandled'
  | 'attacksTried'
  | 'attacksRejected'
  | 'fuzzCases'
  | 'secretsFound';

export const TALLY_FILE_ENV = 'CRK_RELIABILITY_TALLY';

/** Adds `n` to a counter of the printed summary (a no-op when the run has no summary file). */
export function tally(counter: TallyCounter, n = 1): void {
  const file = process.env[TALLY_FILE_ENV];
  if (!file || n === 0) return;
  appendFileSync(file, `${JSON.stringify({ counter, n })}\n`);
}
