// The README and docs/ stay true to the code: every TypeScript block compiles against src/ (as a
// reader pastes it, with the package's names), and every relative link finds its file and heading.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBlocks, type NamedBlock } from './checkBlocks';
import { codeBlocks, headingAnchors, relativeLinks } from './markdown';

const REPO = resolve(__dirname, '../..');
const PAGES = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const read = (page: string): string => readFileSync(join(REPO, page), 'utf8');

// A block that must fail: proves a type error in a page would be reported, in the same program.
const BROKEN = `Broken on purpose:

<!-- prelude: import { createAuth } from 'cognito-react-kit/core'; -->
\`\`\`ts
const auth = createAuth({ userPoolId: 'eu-west-1_AbCdEf123', userPoolWebClientId: 'client' });
await auth.signIn({ username: 'ada', pasword: 'typo' });
\`\`\`
`;

describe('docs code blocks', () => {
  it('every ts/tsx block of the README and docs/ type-checks (and a broken one is caught)', () => {
    const blocks: NamedBlock[] = PAGES.flatMap((page) => codeBlocks(read(page)).map((block) => ({ ...block, file: page })));
    const broken = codeBlocks(BROKEN).map((block) => ({ ...block, file: 'broken.md' }));
    const checked = blocks.filter((block) => block.skipReason === null);
    expect(checked.length).toBeGreaterThanOrEqual(20);
    // Skipping is for what cannot compile on its own, with the reason next to the block; keep it rare.
    expect(blocks.filter((block) => block.skipReason !== null).map((block) => `${block.file}:${block.line}`)).toHaveLength(0);

    const problems = checkBlocks([...blocks, ...broken]);

    expect(problems.filter((problem) => !problem.where.startsWith('broken.md'))).toEqual([]);
    expect(problems).toContainEqual({ where: 'broken.md:6', message: expect.stringContaining("'pasword' does not exist") });
  }, 120_000);
});

describe('docs links', () => {
  it.each(PAGES)('every relative link in %s finds its file and heading', (page) => {
    const broken = relativeLinks(read(page)).flatMap(({ line, target }) => {
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? join(REPO, page) : resolve(dirname(join(REPO, page)), decodeURIComponent(path));
      if (!existsSync(file)) return [`${page}:${line}: ${target} (no ${relative(REPO, file)})`];
      if (anchor === undefined || !file.endsWith('.md')) return [];
      return headingAnchors(readFileSync(file, 'utf8')).has(anchor) ? [] : [`${page}:${line}: ${target} (no heading #${anchor})`];
    });
    expect(broken).toEqual([]);
  });

  it('the README links to every page in docs/', () => {
    const linked = new Set(relativeLinks(read('README.md')).map(({ target }) => target.split('#')[0]));
    expect(PAGES.filter((page) => page.startsWith('docs/') && !linked.has(page))).toEqual([]);
  });

  it('every page of docs/ links back to the README', () => {
    const without = PAGES.filter((page) => page.startsWith('docs/') && !relativeLinks(read(page)).some(({ target }) => target.split('#')[0] === '../README.md'));
    expect(without).toEqual([]);
  });

  it('the link checker finds a missing heading and a missing file', () => {
    const page = '[ok](#docs-links) [gone](#no-such-heading) [file](missing.md)\n\n## Docs links\n';
    const anchors = headingAnchors(page);
    const links = relativeLinks(page);
    expect(links.map((link) => link.target)).toEqual(['#docs-links', '#no-such-heading', 'missing.md']);
    expect(anchors.has('docs-links')).toBe(true);
    expect(anchors.has('no-such-heading')).toBe(false);
    expect(headingAnchors('## Server: `cognito-react-kit/server`\n## Prebuilt UI: `<Authenticator>`\n## A\n## A\n')).toEqual(
      new Set(['server-cognito-react-kitserver', 'prebuilt-ui-authenticator', 'a', 'a-1']),
    );
  });
});
