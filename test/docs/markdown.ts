// Reads what the docs tests check in a Markdown file: its fenced code blocks (with the hidden
// prelude or skip reason an HTML comment right above them gives), its headings' anchors as GitHub
// makes them, and its relative links.

export interface CodeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  /** `ts` or `tsx`: how the block is compiled. */
  language: 'ts' | 'tsx';
  code: string;
  /** From `<!-- prelude: … -->` on the line above: prepended when checking, not shown to readers. */
  prelude: string;
  /** From `<!-- skip-check: … -->` on the line above, required by a ```ts skip-check fence. */
  skipReason: string | null;
}

export interface MarkdownLink {
  line: number;
  target: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/;
const TYPESCRIPT: Record<string, 'ts' | 'tsx'> = { ts: 'ts', typescript: 'ts', tsx: 'tsx' };

/** Fenced blocks in order; `others` are the non-TypeScript ones (bash, text, …), kept for counting. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index] ?? '');
    if (!open) continue;
    const [, , fence = '```', info = '', rest = ''] = open;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) body.push(lines[end++] ?? '');
    const language = TYPESCRIPT[info];
    if (language) {
      const comment = /^<!--\s*(prelude|skip-check):\s*([\s\S]*?)\s*-->\s*$/.exec(lines[index - 1] ?? '');
      const skipped = rest.trim() === 'skip-check';
      if (skipped && comment?.[1] !== 'skip-check') throw new Error(`line ${index + 1}: a skip-check block needs <!-- skip-check: reason --> on the line above`);
      blocks.push({
        line: index + 1,
        language,
        code: body.join('\n'),
        prelude: comment?.[1] === 'prelude' ? (comment[2] ?? '') : '',
        skipReason: skipped ? (comment?.[2] ?? '') : null,
      });
    }
    index = end;
  }
  return blocks;
}

/** GitHub's anchor for each heading (lower case, punctuation dropped, spaces → `-`, repeats `-1`, `-2`…). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = (heading[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Inline links `[text](target)` outside code, other than absolute URLs and mail addresses. */
export function relativeLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let inFence = false;
  markdown.split('\n').forEach((line, index) => {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) return;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1] ?? '';
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ line: index + 1, target });
    }
  });
  return links;
}
