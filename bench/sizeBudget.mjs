// Size budgets on the built package (dist/), run by `npm test` after `npm run build`: fails (exit 1) when over.
//
//   node bench/sizeBudget.mjs
//
// Builds a bare React app and two apps on top of it with the bench's Vite settings (bench/lib/buildApp.mjs) and
// checks what each adds, gzip (-9, per file, summed), in what the page loads at start:
//   engine + hooks (bench/apps/hooks.jsx: provider, useAuth, useSession; react-query included)   ≤ 38 KiB
//     (37 until issue 17 put 0.8 KiB at start: the async-storage hydration step, the hashing interface that
//     lets React Native run without crypto.subtle, and the session-endpoint hook; their bodies are chunks.)
//     (46 until issue 16: the sign-in, sign-up and password-reset flows, the BigInt SRP math, identity-pool
//     credentials and the hosted UI's redirect, callback and sign-out moved to chunks, loaded on first use;
//     `prepareSignIn()`, which the Authenticator calls when its sign-in form shows, fetches the sign-in
//     chunk and the SRP math ahead. Reading v6 and Gen 2 configs (3.3 KiB) stays: createAuth/configure are
//     synchronous. Passkeys, MFA settings, devices and the account API were already chunks.)
//   full UI (bench/uiBundleSize/fullUi.jsx: <Authenticator> JS + its CSS)                        ≤ 45 KiB
//     (issue 16's budget. 61 until the flows above moved to chunks (53); issue 16's parity work took it to
//     55.8; then three cuts took it to 43: the screens after the first (every sign-in step, password reset,
//     contact verification, the passkey offer) load in one chunk the Authenticator fetches as it mounts
//     (src/ui/stepScreensLoader.ts), with their English strings (src/ui/i18n/enSteps.ts); TanStack Query's
//     client is made by the first query hook, not by <AuthProvider>, so an app without query hooks never
//     loads it (src/react/queryClientSlot.ts); and dist/ keeps one file per source module, so an app's
//     bundler drops the screens' static re-exports it does not use (they used to hold them at start).)
// Unused opt-in features (token isolation, popup sign-in, devtools, the Suspense hooks): no module of theirs at start
// in either app (fails otherwise, and when a pattern names no module of bench/apps/optIn.jsx, which uses them all);
// the three synchronous hooks they need are printed (see OPT_IN below). The popup's
// English error strings came out of the start dictionary (44.7 → 44.6 KiB): they load with the step screens.
// Which source files make up what loads at start: node bench/startModules.mjs [app] [--all].
// Chunks loaded on demand (the non-English dictionaries, one per language; the QR library for TOTP setup;
// amazon-cognito-identity-js, only where BigInt is missing; the flows above) are printed, each by name, but not counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { KiB, buildApp, ensureDist } from './lib/buildApp.mjs';

// Issue 18's opt-in features cost nothing at start when an app does not use them: none of their modules may
// be in either app's start chunks. Three one-line hooks stay, because each must run synchronously:
// popupWindow opens the popup in the click's task (a browser allows it nowhere else), isolatedStorage is
// the session store createAuth builds for `tokenIsolation: 'worker'`, sessionInspection is the symbol the
// devtools read the engine through. Their size is printed.
const OPT_IN = [
  ['token isolation', /\/core\/isolation\//],
  ['popup sign-in', /\/core\/oauth\/(awaitPopup|popupRelay)\.js$/],
  ['devtools', /\/dist\/devtools[/.]/],
  ['Suspense hooks', /\/react\/(useSuspense\w+|suspenseQueries|serverBailout|whenReady)\.js$/],
];
// Built only to prove each pattern above names modules of the built package: it uses every feature.
const OPT_IN_APP = 'apps/optIn.jsx';
const SYNC_HOOKS = /\/core\/(oauth\/popupWindow|storage\/isolatedStorage|session\/sessionInspection)\.js$/;

// <LazyAuthProvider> loads the engine after the form's first frame: its façade, services and session manager stay out of the start chunks.
const LAZY_APP = 'firstForm/lazy/main.jsx';
const ENGINE = /\/core\/(auth|authServices|sessionManager)\.js$/;

const budgets = [
  ['engine + hooks', 'apps/hooks.jsx', 38],
  ['full UI: <Authenticator> JS + CSS', 'uiBundleSize/fullUi.jsx', 45],
];

ensureDist();
const tmp = mkdtempSync(join(tmpdir(), 'crk-size-'));
const lines = [];
let failed = false;
try {
  const base = await buildApp('uiBundleSize/baseline.jsx', join(tmp, 'base'));
  for (const [label, entry, budgetKiB] of budgets) {
    const s = await buildApp(entry, join(tmp, label.replace(/\W+/g, '-')));
    const atStart = s.initialGzip - base.initialGzip + s.cssGzip;
    const onDemand = s.jsGzip - s.initialGzip;
    const pass = atStart <= budgetKiB * 1024;
    failed ||= !pass;
    lines.push(
      `${pass ? 'PASS' : 'FAIL'}  ${label.padEnd(36)} ${KiB(atStart).padStart(6)} KiB gzip at start (budget ${budgetKiB} KiB); +${KiB(onDemand)} KiB on demand`,
      `      on demand: ${s.onDemand.map((chunk) => `${chunk.name} ${KiB(chunk.gzip)}`).join(', ')}`,
    );
    const optIn = OPT_IN.flatMap(([feature, pattern]) => s.initialModules.filter((m) => pattern.test(m.name)).map((m) => `${feature}: ${m.name}`));
    failed ||= optIn.length > 0;
    const hooks = s.initialModules.filter((m) => SYNC_HOOKS.test(m.name));
    lines.push(
      `${optIn.length === 0 ? 'PASS' : 'FAIL'}  unused opt-in features at start: ${optIn.length === 0 ? 'no module' : optIn.join(', ')}` +
        `; their synchronous hooks: ${hooks.map((m) => `${m.name.split('/').pop()} ${m.renderedLength} B`).join(', ')} (before minifying)`,
    );
  }
  // <LazyAuthProvider>'s promise: the engine's code is not in the start chunks (and is in the build).
  const lazy = await buildApp(LAZY_APP, join(tmp, 'lazy'));
  const engineAtStart = lazy.initialModules.filter((m) => ENGINE.test(m.name)).map((m) => m.name.split('/dist/').pop());
  const engineBuilt = lazy.modules.some((m) => ENGINE.test(m.name));
  failed ||= engineAtStart.length > 0 || !engineBuilt;
  lines.push(
    `${engineAtStart.length === 0 && engineBuilt ? 'PASS' : 'FAIL'}  <LazyAuthProvider> + <Authenticator> ${KiB(lazy.initialGzip - base.initialGzip + lazy.cssGzip).padStart(6)} KiB gzip at start; ` +
      (engineBuilt ? `the engine at start: ${engineAtStart.length === 0 ? 'no module' : engineAtStart.join(', ')}` : 'the engine pattern names no module of the build'),
  );
  const used = await buildApp(OPT_IN_APP, join(tmp, 'opt-in'));
  const dead = OPT_IN.filter(([, pattern]) => !used.modules.some((m) => pattern.test(m.name))).map(([feature]) => feature);
  failed ||= dead.length > 0;
  if (dead.length > 0) lines.push(`FAIL  opt-in patterns that name no module of ${OPT_IN_APP} (the check above would pass vacuously): ${dead.join(', ')}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write(`size budgets, added over a bare React app:\n${lines.join('\n')}\n`);
if (failed) process.exitCode = 1;
