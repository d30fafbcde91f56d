// Requests and renders per flow, counted against the test backend (bench/flows/*.bench.test.ts[x], run by vitest
// with bench/vitest.bench.config.ts, outside `npm test`), printed as one table.
//
//   node bench/flows.mjs
//
// Each bench file also asserts the targets (SRP sign-in 2 requests, restore 0, 20 concurrent refreshes 1,
// 0 renders of an isAuthenticated-only consumer across a refresh), so a regression fails the run (exit 1).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'crk-flows-'));
const out = join(dir, 'figures.jsonl');
try {
  const run = spawnSync(process.execPath, [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/vitest.bench.config.ts', '--reporter=dot', 'bench/flows/'], {
    cwd: root,
    env: { ...process.env, CRK_FLOWS_OUT: out },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  let figures = [];
  try {
    figures = readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  } catch {
    // No figures: the run failed before recording any; its output says why.
  }
  const lines = [`${'flow'.padEnd(72)}${'measured'.padStart(10)}${'target'.padStart(8)}`];
  for (const kind of ['requests', 'renders']) {
    lines.push(`${kind} per flow`);
    for (const f of figures.filter((x) => x.kind === kind)) lines.push(`  ${f.flow.padEnd(70)}${String(f.value).padStart(10)}${f.target.padStart(8)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (run.status !== 0) {
    process.stdout.write(run.stdout);
    process.stdout.write('FAIL: a flow missed its target (vitest output above)\n');
    process.exitCode = 1;
  } else {
    process.stdout.write('PASS: every flow met its target\n');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
