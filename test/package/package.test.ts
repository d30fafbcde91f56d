// The packed package as a new user installs it: `npm pack`, then the tarball unpacked into a fresh
// project's node_modules (no network: the peers its declarations import are linked from this
// repository's node_modules), and the same consumer file (fixture/consumer.ts) type-checked under each
// moduleResolution an app may use. Then Node loads every entry the way CommonJS tooling does, and the
// core from a project with nothing else installed; and each entry's module graph in the tarball reaches
// only declared peers (the core: none).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, builtPackage } from '../support/builtPackage';
import { bareImports } from './moduleGraph';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  peerDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
};
/** Linked into the typing projects' node_modules: what the declarations import, as an app has them. */
const TYPE_PEERS = ['react', '@types/react', '@tanstack/react-query', '@tanstack/query-core'];

type Outcome = { code: number; output: string };

/** Runs a command and returns its exit code and output, failing or not. */
async function outcome(file: string, args: string[], cwd: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const { code, stdout = '', stderr = '' } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof code === 'number' ? code : -1, output: `${stdout}${stderr}` };
  }
}

/** Unpacks the tarball as node_modules/cognito-react-kit under `project`. */
async function install(tarball: string, project: string): Promise<string> {
  const target = join(project, 'node_modules/cognito-react-kit');
  mkdirSync(target, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  return target;
}

// skipLibCheck stays off in one project, so the package's declarations are type-checked themselves (the
// CommonJS twins there); elsewhere it is on, as most apps have it, which is where types quietly became `any`.
const PROJECTS = {
  bundler: { type: 'module', compilerOptions: { module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true } },
  'node16 ESM': { type: 'module', compilerOptions: { module: 'node16', moduleResolution: 'node16', skipLibCheck: true } },
  'node16 CJS': { type: 'commonjs', compilerOptions: { module: 'node16', moduleResolution: 'node16', skipLibCheck: false } },
  'nodenext CJS': { type: 'commonjs', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: true } },
  node10: { type: 'commonjs', compilerOptions: { module: 'commonjs', moduleResolution: 'node10', skipLibCheck: true } },
} as const;
type Mode = keyof typeof PROJECTS;
// fixture/consumer.ts must check clean; typo.ts, beside it in the same program, must fail (a check that
// cannot fail proves nothing), and with nothing else: its error is the only line tsc prints.
const TYPO = "import { createAuthh } from 'cognito-react-kit/core';\nexport const typo = createAuthh;\n";
// Every JS entry point in `exports`, also the ones fixture/consumer.ts does not know yet: each must resolve
// to declarations (an untyped or missing one is an error under strict).
const JS_ENTRIES = Object.keys(manifest.exports).filter((subpath) => /\.js"/.test(JSON.stringify(manifest.exports[subpath])));
const ENTRIES = JS_ENTRIES.map((subpath, index) => `import * as entry${index} from 'cognito-react-kit${subpath.slice(1)}';\n`).join('') +
  `export const entries = [${JS_ENTRIES.map((_subpath, index) => `entry${index}`).join(', ')}];\n`;
const TYPO_ERROR = /^typo\.ts\(1,10\): error TS(2305|2724): .*'createAuthh'/;

let work: string;
let tarball: string;
let files: string[];
const checks = new Map<Mode, Promise<Outcome>>();

beforeAll(async () => {
  await builtPackage();
  work = mkdtempSync(join(tmpdir(), 'crk-package-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = join(work, packed.filename);
  files = packed.files.map((file) => file.path);

  // One node_modules for every typing project (Node and TypeScript look up from each project's folder).
  await install(tarball, join(work, 'typing'));
  for (const peer of TYPE_PEERS) {
    mkdirSync(resolve(work, 'typing/node_modules', peer, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', peer), join(work, 'typing/node_modules', peer), 'dir');
  }
  for (const [mode, { type, compilerOptions }] of Object.entries(PROJECTS) as [Mode, (typeof PROJECTS)[Mode]][]) {
    const dir = join(work, 'typing', mode.replace(' ', '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type }));
    const options = { ...compilerOptions, target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, types: [] };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['consumer.ts', 'entries.ts', 'typo.ts'] }));
    copyFileSync(join(__dirname, 'fixture/consumer.ts'), join(dir, 'consumer.ts'));
    writeFileSync(join(dir, 'entries.ts'), ENTRIES);
    writeFileSync(join(dir, 'typo.ts'), TYPO);
    // Started together, awaited by each test: the machine's cores check them side by side.
    checks.set(mode, outcome(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.', '--pretty', 'false'], dir));
  }
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('ships the licences, the declarations for both module formats, and no source maps or sources', () => {
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'THIRD_PARTY_NOTICES.md', 'package.json', 'dist/types/index.d.ts', 'dist/types/index.d.cts', 'dist/cjs/core.cjs']));
    expect(files.filter((path) => path.endsWith('.map') || path.startsWith('src/'))).toEqual([]);
  });

  it.each(Object.keys(PROJECTS) as Mode[])(
    'type-checks a fresh %s project importing every entry point, and fails it on a typo',
    async (mode) => {
      const { code, output } = await (checks.get(mode) as Promise<Outcome>);
      const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(TYPO_ERROR);
      expect(code).toBe(2); // tsc's "errors, nothing emitted": it ran and found exactly the typo
    },
    120_000, // five tsc runs side by side on a shared machine
  );
});

describe('every JS entry point as CommonJS tooling loads it (Jest: `require`, no ES modules)', () => {
  it('requires each one from the CommonJS build, with the peers installed', async () => {
    expect(JS_ENTRIES).toEqual(expect.arrayContaining(['.', './core', './amplify']));
    const names = JS_ENTRIES.map((subpath) => `cognito-react-kit${subpath.slice(1)}`);
    // Without require(esm), Node skips module-sync like Jest does, and `require` picks dist/cjs/.
    const probe = `for (const name of ${JSON.stringify(names)}) console.log(name, require.resolve(name).replace(/.*node_modules.cognito-react-kit./, ''), Object.keys(require(name)).length)`;
    const { stdout } = await run(process.execPath, ['--no-experimental-require-module', '-e', probe], { cwd: join(work, 'typing'), encoding: 'utf8' });
    const loaded = stdout.trim().split('\n').map((line) => line.split(' '));
    expect(loaded.map(([name]) => name)).toEqual(names);
    for (const [name, file, count] of loaded) {
      expect(file, name).toMatch(/^dist\/cjs\/[\w-]+\.cjs$/);
      expect(Number(count), name).toBeGreaterThan(5);
    }
  });
});

describe('the core in plain Node, installed with nothing else', () => {
  let project: string;
  beforeAll(async () => {
    project = join(work, 'core-only');
    await install(tarball, project);
  });

  const script = (load: string): string =>
    `${load}; console.log(JSON.stringify({ uri: core.buildTotpUri({ secret: 'S', username: 'u', issuer: 'i' }), status: core.createAuth({ userPoolId: 'us-east-1_AbCdEf123', userPoolWebClientId: 'c', storage: new core.MemoryStorage() }).getState().status }))`;
  const expected = { uri: 'otpauth://totp/i:u?secret=S&issuer=i', status: expect.any(String) };

  it('loads with require(): the ES module on Node with require(esm) (module-sync), the CommonJS build without', async () => {
    const probe = "const core = require('cognito-react-kit/core'); console.error(require.resolve('cognito-react-kit/core'))";
    const esm = await run(process.execPath, ['-e', script(probe)], { cwd: project, encoding: 'utf8' });
    const cjs = await run(process.execPath, ['--no-experimental-require-module', '-e', script(probe)], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(esm.stdout)).toEqual(expected);
    expect(esm.stderr.trim()).toMatch(/dist\/core\.js$/);
    expect(JSON.parse(cjs.stdout)).toEqual(expected);
    expect(cjs.stderr.trim()).toMatch(/dist\/cjs\/core\.cjs$/);
  });

  it('loads with import', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script("const core = await import('cognito-react-kit/core')")], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('cannot load the React entry there (the proof above is not vacuous: React really is absent)', async () => {
    const result = await outcome(process.execPath, ['--input-type=module', '-e', "await import('cognito-react-kit')"], project);
    expect(result.output).toMatch(/Cannot find package '(react|@tanstack\/react-query)'/);
  });
});

describe("each entry point's module graph (static and dynamic imports) in the tarball", () => {
  const declared = new Set(Object.keys({ ...manifest.peerDependencies, ...manifest.dependencies }));
  const entries = (): [string, string[]][] =>
    Object.entries(manifest.exports).flatMap(([subpath, target]) => {
      const paths = [...new Set(JSON.stringify(target).match(/\.\/dist\/[\w/-]+\.c?js/g) ?? [])];
      return paths.length > 0 ? [[subpath, paths]] : [];
    });

  it('imports nothing from outside the package in the core (no React, no TanStack, no qrcode)', () => {
    const core = entries().find(([subpath]) => subpath === './core');
    expect(core?.[1]).toHaveLength(2); // the ES module and the CommonJS build
    for (const path of core?.[1] ?? []) expect(bareImports(join(work, 'typing/node_modules/cognito-react-kit', path)), path).toEqual([]);
  });

  it('imports only declared peer dependencies from any entry point', () => {
    const imported = entries().flatMap(([, paths]) => paths.flatMap((path) => bareImports(join(work, 'typing/node_modules/cognito-react-kit', path))));
    expect(imported.length).toBeGreaterThan(0); // the React entry imports React
    expect(imported.filter((name) => !declared.has(name))).toEqual([]);
  });
});
