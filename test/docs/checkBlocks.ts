// Type-checks the TypeScript blocks of Markdown files as a reader would paste them: each block is a
// module of its own in a temporary folder, with the package's names mapped to src/ (as tsconfig.json
// maps them), and all blocks go through one compiler program so the check stays quick.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { CodeBlock } from './markdown';

export interface NamedBlock extends CodeBlock {
  /** Where the block comes from, e.g. `docs/engine.md`. */
  file: string;
}

export interface BlockProblem {
  /** `file:line` in the Markdown file. */
  where: string;
  message: string;
}

const REPO = resolve(__dirname, '../..');

// Modules a snippet names that the repository does not install: the shapes the snippets rely on, as
// the packages publish them (AsyncStorage's and expo-web-browser's as test/types/native.test-d.ts has
// them; Next.js's cookie store; React Native's components reduced to the props used).
const EXTERNAL_MODULES = `
declare module '@react-native-async-storage/async-storage' {
  const AsyncStorage: {
    getItem(key: string): Promise<string | null>;
    setItem(key: string, value: string): Promise<void>;
    removeItem(key: string): Promise<void>;
    clear(): Promise<void>;
    getAllKeys(): Promise<readonly string[]>;
    multiGet(keys: readonly string[]): Promise<readonly [string, string | null][]>;
  };
  export default AsyncStorage;
}
declare module 'expo-web-browser' {
  export function openAuthSessionAsync(url: string, redirectUrl?: string | null): Promise<{ type: 'success'; url: string } | { type: 'cancel' | 'dismiss' | 'opened' | 'locked' }>;
}
declare module 'react-native' {
  import type { ReactNode } from 'react';
  export function ActivityIndicator(props: object): ReactNode;
  export function Button(props: { title: string; onPress: () => void }): ReactNode;
  export function Text(props: { children?: ReactNode }): ReactNode;
  export function View(props: { children?: ReactNode }): ReactNode;
}
declare module 'react-native-get-random-values' {}
declare module 'next/headers' {
  export function cookies(): Promise<{ get(name: string): { name: string; value: string } | undefined; getAll(): { name: string; value: string }[] }>;
}
`;

// What `import awsconfig from './aws-exports'` and `import outputs from '../amplify_outputs.json'` find.
const AWS_EXPORTS = `const awsExports = {
  aws_cognito_region: 'eu-west-1',
  aws_user_pools_id: 'eu-west-1_AbCdEf123',
  aws_user_pools_web_client_id: 'a1b2c3d4e5f6g7h8i9j0k1l2m3',
};
export default awsExports;
`;
// What `import { serverAuth } from './auth.server'` finds (docs/server.md's first block).
const AUTH_SERVER = `import { createServerAuth } from 'cognito-react-kit/server';
export const serverAuth = createServerAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'a1b2c3d4e5f6g7h8i9j0k1l2m3' });
`;
const AMPLIFY_OUTPUTS = {
  version: '1',
  auth: {
    aws_region: 'eu-west-1',
    user_pool_id: 'eu-west-1_AbCdEf123',
    user_pool_client_id: 'a1b2c3d4e5f6g7h8i9j0k1l2m3',
    username_attributes: ['email'],
    standard_required_attributes: ['phone_number'],
    password_policy: { min_length: 8, require_numbers: true, require_lowercase: true, require_uppercase: true, require_symbols: true },
  },
};

/** Compiles every block (skipped ones excepted) and lists each diagnostic at its Markdown line. */
export function checkBlocks(blocks: readonly NamedBlock[]): BlockProblem[] {
  const cache = join(REPO, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  // Inside the repository, so `react`, `@tanstack/react-query`… resolve from its node_modules.
  const root = mkdtempSync(join(cache, 'doc-blocks-'));
  try {
    const dir = join(root, 'blocks');
    mkdirSync(dir);
    writeFileSync(join(root, 'externals.d.ts'), EXTERNAL_MODULES);
    writeFileSync(join(dir, 'aws-exports.ts'), AWS_EXPORTS);
    writeFileSync(join(dir, 'auth.server.ts'), AUTH_SERVER);
    writeFileSync(join(root, 'amplify_outputs.json'), JSON.stringify(AMPLIFY_OUTPUTS, null, 2));
    const sources = new Map<string, { block: NamedBlock; preludeLines: number }>();
    blocks.forEach((block, index) => {
      if (block.skipReason !== null) return;
      const path = join(dir, `block${index}.${block.language}`);
      const prelude = block.prelude ? `${block.prelude}\n` : '';
      // `export {}` makes every block a module: its names are its own, and top-level await works.
      writeFileSync(path, `${prelude}${block.code}\nexport {};\n`);
      sources.set(path, { block, preludeLines: prelude ? prelude.split('\n').length - 1 : 0 });
    });
    const program = ts.createProgram([...sources.keys(), join(root, 'externals.d.ts')], compilerOptions());
    const problems: BlockProblem[] = [];
    for (const [path, { block, preludeLines }] of sources) {
      const file = program.getSourceFile(path);
      if (!file) throw new Error(`${block.file}:${block.line}: not in the program`);
      for (const diagnostic of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
        const offset = diagnostic.start === undefined ? 0 : file.getLineAndCharacterOfPosition(diagnostic.start).line;
        // The fence is line `block.line`; the block's first line is the next one. A prelude line reports at the fence.
        const line = block.line + Math.max(offset - preludeLines + 1, 0);
        problems.push({ where: `${block.file}:${line}`, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n') });
      }
    }
    return problems;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** tsconfig.json's options, with the package's names mapped to src/ by absolute paths. */
function compilerOptions(): ts.CompilerOptions {
  const { config } = ts.readConfigFile(join(REPO, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, REPO);
  return { ...options, noEmit: true, typeRoots: [join(REPO, 'node_modules', '@types')] };
}
