import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (name: string): string => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
const MARK = '// ---- end of imports ----';

describe('the Amplify app port', () => {
  it('changes only the imports: the code after them is the original, byte for byte', () => {
    const original = read('original.tsx').split(MARK);
    const ported = read('ported.tsx').split(MARK);
    expect(original).toHaveLength(2);
    expect(ported).toHaveLength(2);
    expect(ported[1]).toBe(original[1]);
  });

  it('imports only the kit (and the original only Amplify)', () => {
    const sources = (text: string): string[] => [...(text.split(MARK)[0] ?? '').matchAll(/^import .*?'([^']+)';$/gm)].map((match) => match[1] ?? '');
    expect(sources(read('ported.tsx')).every((source) => source.startsWith('cognito-react-kit'))).toBe(true);
    expect(sources(read('original.tsx')).every((source) => /^(aws-amplify|@aws-amplify\/)/.test(source))).toBe(true);
  });
});
