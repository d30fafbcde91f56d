/**
 * ITU country calling codes in ascending order, runs written as ranges (`30-34`): a compact string,
 * expanded once. The select shows codes only (as Amplify's does), so no country names need translating.
 */
const CODES =
  '1 7 20 27 30-34 36 39-41 43-49 51-58 60-66 81 82 84 86 90-95 98 211-213 216 218 220-246 248-258 260-269 290 291 297-299 ' +
  '350-359 370-383 385-387 389 420 421 423 500-509 590-599 670 672-683 685-692 850 852 853 855 856 880 886 960-968 970-977 992-996 998';

export const DIAL_CODES: readonly string[] = /* @__PURE__ */ CODES.split(' ').flatMap((run) => {
  const [from = 0, to = from] = run.split('-').map(Number);
  return Array.from({ length: to - from + 1 }, (_, offset) => `+${from + offset}`);
});

/** Splits a full number (`+447700900123`) into a known dial code and the rest, longest code first. */
export function splitPhoneNumber(value: string, fallbackDialCode: string): { dialCode: string; national: string } {
  const compact = value.replace(/[\s().-]/g, '');
  if (!compact.startsWith('+')) return { dialCode: fallbackDialCode, national: value };
  for (const length of [4, 3, 2]) {
    const code = compact.slice(0, length);
    if (DIAL_CODES.includes(code)) return { dialCode: code, national: compact.slice(length) };
  }
  return { dialCode: fallbackDialCode, national: value };
}

/** The E.164 number Cognito expects: the dial code and the typed digits, without spaces or punctuation. A typed `+…` wins. */
export function joinPhoneNumber(dialCode: string, national: string): string {
  const compact = national.replace(/[\s().-]/g, '');
  if (compact === '') return '';
  return compact.startsWith('+') ? compact : `${dialCode}${compact.replace(/^0+/, '')}`;
}
