/** A date in the UI's language, e.g. "3 Dec 2026"; the browser's default format for a language it lacks. */
export function formatDate(date: Date | undefined, language: string): string {
  if (!date) return '';
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
  } catch {
    return date.toLocaleDateString();
  }
}
