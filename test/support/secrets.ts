/**
 * Every password, code and token a test used or a server issued, so the console check can prove
 * none was ever printed. Servers register a source; tests may add literals.
 */
const sources = new Set<() => Iterable<string>>();
const literals = new Set<string>();

export function registerSecretSource(source: () => Iterable<string>): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

export function registerSecret(...values: string[]): void {
  for (const value of values) literals.add(value);
}

export function knownSecrets(): string[] {
  const all = new Set(literals);
  for (const source of sources) for (const value of source()) all.add(value);
  // Very short values (a 1-char answer) would match by accident; 6 covers every code.
  return [...all].filter((value) => typeof value === 'string' && value.length >= 6);
}

/** The secrets that occur in `output`. */
export function leakedSecrets(output: string, secrets: Iterable<string>): string[] {
  return [...secrets].filter((secret) => output.includes(secret));
}
