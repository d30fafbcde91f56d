/**
 * <AuthDevtools /> costs nothing in production: a Vite production build of an app that renders it
 * (apps/gated.jsx, on the built package) holds none of the panel's code, which a build of an app that
 * asks for it explicitly (apps/explicit.jsx: AuthDevtoolsPanel) has, in a chunk loaded on open.
 */
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, builtPackage } from '../support/builtPackage';

// Texts only the panel (view, collector, masking) holds: they survive minification as they are.
const PANEL_TEXTS = ['Expire access token', 'Cross-tab lock', 'expired by devtools', 'no next step'];

interface Chunk {
  fileName: string;
  isEntry: boolean;
  code: string;
}

async function chunksOf(app: string): Promise<Chunk[]> {
  const output = (await build({
    root: resolve(__dirname, 'apps'),
    configFile: false,
    logLevel: 'silent',
    // What an app's `vite build` defines; under vitest NODE_ENV is 'test', which Vite would carry instead.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { write: false, rolldownOptions: { input: resolve(__dirname, 'apps', app) } },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  return outputs.flatMap((out) => out.output.flatMap((item) => (item.type === 'chunk' ? [{ fileName: item.fileName, isEntry: item.isEntry, code: item.code }] : [])));
}

const panelTextsIn = (chunks: Chunk[]) => PANEL_TEXTS.filter((text) => chunks.some((chunk) => chunk.code.includes(text)));

describe('the devtools in a production build', () => {
  beforeAll(() => builtPackage(), BUILD_TIMEOUT_MS);

  it('an app rendering <AuthDevtools /> holds none of the panel', async () => {
    const chunks = await chunksOf('gated.jsx');
    expect(chunks.length).toBeGreaterThan(0);
    expect(panelTextsIn(chunks)).toEqual([]);
  });

  it('an app rendering <AuthDevtoolsPanel /> has the panel, in a chunk apart from its entry', async () => {
    const chunks = await chunksOf('explicit.jsx');
    expect(panelTextsIn(chunks.filter((chunk) => !chunk.isEntry))).toEqual(PANEL_TEXTS);
    expect(panelTextsIn(chunks.filter((chunk) => chunk.isEntry))).toEqual([]);
  });
});
