// CPU per SRP sign-in: our native-BigInt client against amazon-cognito-identity-js's AuthenticationHelper,
// same run, same random inputs, interleaved so both see the same machine load.
//
//   node bench/srp.mjs [--runs 31] [--check]
//
// Both clients are bundled on the fly by esbuild for the browser (acij with the npm `buffer` polyfill, as an app
// gets it) from bench/srp/entry.ts. CPU is process.cpuUsage() (user + system, all threads, so WebCrypto's
// thread pool counts too) around:
//   total    start() (random a, A = g^a mod N) + passwordClaim() (x, u, S, HKDF, HMAC): a cold sign-in
//   proof    passwordClaim() alone, A already prepared (ours: prepare() while the user types; acij: its
//            getLargeAValue() done ahead), which is what a sign-in pays once the form has been shown
// --check exits 1 when our proof median is over 25 ms or not ≥ 5× faster than acij's.
import { Buffer } from 'node:buffer';
import { webcrypto as crypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 ? Number(args[args.indexOf('--runs') + 1]) : 31;
const check = args.includes('--check');
const BUDGET_MS = 25;
const MIN_SPEEDUP = 5;

const dir = mkdtempSync(join(tmpdir(), 'crk-srp-bench-'));
let lib;
try {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'srp/entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    define: { global: 'globalThis' },
    write: false,
    logLevel: 'error',
  });
  const file = join(dir, 'srp.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  lib = await import(pathToFileURL(file).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const { createBigintSrpClient, acijSrpClient, N } = lib;
// One client for the prepared runs (it keeps a pair ready); a fresh one per cold run, so none is left over.
const ours = createBigintSrpClient();
const cold = { start: (pool) => createBigintSrpClient().start(pool) };
const POOL = 'AbCdEfGhI';

const bytes = (n) => crypto.getRandomValues(new Uint8Array(n));
const hex = (n) => Array.from(bytes(n), (b) => b.toString(16).padStart(2, '0')).join('');
/** A challenge as Cognito sends it: B in [1, N), a 16-byte salt, a secret block. Values differ every run. */
function challenge() {
  const B = (BigInt(`0x${hex(400)}`) % (N - 1n)) + 1n;
  return {
    username: crypto.randomUUID(),
    password: `P4ss-${hex(8)}`,
    srpB: B.toString(16),
    salt: hex(16),
    secretBlock: Buffer.from(bytes(48)).toString('base64'),
    timestamp: 'Thu Nov 26 10:00:00 UTC 2026',
  };
}

const cpu = () => process.cpuUsage();
const ms = (since) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

// The InitiateAuth round trip between start() and passwordClaim(): our client refills its prepared pair then.
const roundTrip = () => new Promise((done) => setTimeout(done, 5));

async function signIn(client, prepared) {
  const input = challenge();
  if (prepared) {
    // What happens before the user submits: ours computes (a, A) ahead; acij's helper computes A on start().
    if (client.prepare) await client.prepare();
    const round = await client.start(POOL);
    await roundTrip();
    const t = cpu();
    await round.passwordClaim(input);
    return ms(t);
  }
  const t = cpu();
  const round = await client.start(POOL);
  await round.passwordClaim(input);
  return ms(t);
}

// Warm-up: JIT, the cached k, WebCrypto's first import.
for (let i = 0; i < 3; i++) {
  await signIn(cold, false);
  await signIn(ours, true);
  await signIn(acijSrpClient, false);
}
const samples = { ours: { total: [], proof: [] }, acij: { total: [], proof: [] } };
for (let i = 0; i < runs; i++) {
  samples.ours.total.push(await signIn(cold, false));
  samples.acij.total.push(await signIn(acijSrpClient, false));
  samples.ours.proof.push(await signIn(ours, true));
  samples.acij.proof.push(await signIn(acijSrpClient, true));
}

const stats = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return { median: s[s.length >> 1], min: s[0], max: s[s.length - 1] };
};
const f = (n) => n.toFixed(1);
const rows = [];
for (const kind of ['total', 'proof']) {
  const o = stats(samples.ours[kind]);
  const a = stats(samples.acij[kind]);
  rows.push([kind, 'cognito-react-kit (BigInt)', o, a.median / o.median]);
  rows.push([kind, 'amazon-cognito-identity-js 6', a, 1]);
}
const out = [];
out.push(`SRP CPU ms per sign-in (process.cpuUsage, ${runs} runs each, interleaved, random inputs)`);
out.push(`${'measured'.padEnd(8)}  ${'client'.padEnd(30)}${['median', 'min', 'max', 'acij / ours'].map((h) => h.padStart(12)).join('')}`);
for (const [kind, label, s, ratio] of rows) {
  out.push(`${kind.padEnd(8)}  ${label.padEnd(30)}${[f(s.median), f(s.min), f(s.max), `${ratio.toFixed(1)}×`].map((c) => c.padStart(12)).join('')}`);
}
out.push('total = start() + passwordClaim() (A computed during the sign-in); proof = passwordClaim() with A prepared ahead');
const proof = stats(samples.ours.proof).median;
const total = stats(samples.ours.total).median;
const speedup = stats(samples.acij.proof).median / proof;
const pass = proof <= BUDGET_MS && speedup >= MIN_SPEEDUP;
out.push(
  `${pass ? 'PASS' : 'FAIL'}: proof ${f(proof)} ms median (budget ${BUDGET_MS} ms), ${speedup.toFixed(1)}× faster than acij (need ${MIN_SPEEDUP}×); total with A ${f(total)} ms, ${(stats(samples.acij.total).median / total).toFixed(1)}× faster`,
);
process.stdout.write(`${out.join('\n')}\n`);
if (check && !pass) process.exitCode = 1;
