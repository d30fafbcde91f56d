/** Vitest global setup: creates the tally file, then prints the reliability summary after the run. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TALLY_FILE_ENV, type TallyCounter } from './tally';

const LABELS: Record<TallyCounter, string> = {
  faultsInjected: 'faults injected',
  faultsHandled: 'faults handled',
  attacksTried: 'attacks tried',
  attacksRejected: 'attacks rejected',
  fuzzCases: 'fuzz cases',
  secretsFound: 'secrets found',
};

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'crk-tally-'));
  const file = join(dir, 'tally.jsonl');
  writeFileSync(file, '');
  process.env[TALLY_FILE_ENV] = file;
  return () => {
    const totals = new Map<TallyCounter, number>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const { counter, n } = JSON.parse(line) as { counter: TallyCounter; n: number };
      totals.set(counter, (totals.get(counter) ?? 0) + n);
    }
    rmSync(dir, { recursive: true, force: true });
    if (totals.size === 0) return;
    const parts = (Object.keys(LABELS) as TallyCounter[]).map((key) => `${LABELS[key]} ${totals.get(key) ?? 0}`);
    process.stdout.write(`\nReliability and security summary: ${parts.join(' · ')}\n`);
  };
}
