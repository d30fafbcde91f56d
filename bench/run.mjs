// `npm run bench`: the whole suite, one script after another (never in parallel: they measure CPU and time),
// each printing its own table. Exit 1 when any script fails or misses a target it checks.
//
//   node bench/run.mjs            bundle, budget, srp, flows, first form, sign-in latency, long session, compare
//   node bench/run.mjs srp flows  only those
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import process from 'node:process';

const suite = [
  ['bundle', 'Bundle size: ours vs aws-amplify 6', ['bundle.mjs']],
  ['budget', 'Size budgets (as npm test checks them)', ['sizeBudget.mjs']],
  ['srp', 'SRP CPU per sign-in: ours vs amazon-cognito-identity-js', ['srp.mjs', '--check']],
  ['flows', 'Requests and renders per flow', ['flows.mjs']],
  ['firstForm', 'First sign-in form in Chromium: ours vs aws-amplify 6', ['firstForm.mjs', '--check']],
  ['signInLatency', 'Submit to signed in, 50 ms per request, in Chromium: ours vs aws-amplify 6', ['signInLatency.mjs', '--check']],
  ['longSession', 'A signed-in page left open: refreshes, timers, listeners, heap (30 simulated min, 3 real min in Chromium)', ['longSession.mjs', '--check']],
  ['compare', 'Screens beside aws-amplify 6 (words, card sizes, side-by-side images)', ['compareScreens.mjs']],
];
const only = process.argv.slice(2);
const failed = [];
for (const [key, title, [script, ...args]] of suite) {
  if (only.length > 0 && !only.includes(key)) continue;
  process.stdout.write(`\n== ${title} (node bench/${[script, ...args].join(' ')})\n`);
  const run = spawnSync(process.execPath, [resolve(import.meta.dirname, script), ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(key);
}
process.stdout.write(`\n${failed.length === 0 ? 'bench: all passed' : `bench: FAILED ${failed.join(', ')}`}\n`);
if (failed.length > 0) process.exitCode = 1;
