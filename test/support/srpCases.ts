/**
 * How many random inputs the SRP comparisons with amazon-cognito-identity-js run. acij's jsbn math
 * costs up to a second per input on a loaded machine, so by default a few (the edge cases are
 * spelled out as cases of their own); the long run is opt-in:
 *
 *   CRK_SRP_CASES=200 npx vitest run --project default test/core/srp.bigint.test.ts
 *
 * Inputs come from fast-check. A failure prints the seed it ran with (and stops there instead of
 * shrinking 128-byte keys); `CRK_SRP_SEED=<seed>` replays it.
 */
import type fc from 'fast-check';

function integerFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return value;
}

/** Random inputs per comparison: `CRK_SRP_CASES`, default 5. */
export const SRP_CASES = Math.max(1, integerFromEnv('CRK_SRP_CASES') ?? 5);

const seed = integerFromEnv('CRK_SRP_SEED');

/** fast-check run parameters for one comparison: SRP_CASES runs, the seed when one is given, no shrinking. */
export const srpRuns: Pick<fc.Parameters, 'numRuns' | 'seed' | 'endOnFailure'> = {
  numRuns: SRP_CASES,
  endOnFailure: true,
  ...(seed === undefined ? {} : { seed }),
};

/** A test timeout for SRP_CASES comparisons at `perCaseMs` each on a loaded machine, plus headroom. */
export function srpTimeout(perCaseMs: number): number {
  return 20_000 + SRP_CASES * perCaseMs;
}
