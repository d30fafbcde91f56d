'use client';
import { addEnglish } from './english';
import { enSteps } from './enSteps';
import { useTranslate, type TranslationContextValue } from './TranslationProvider';

/**
 * `useTranslate()` for the components whose English is not in the start bundle (the step screens, the
 * account components): it comes with their code, added before their first `t` reads it.
 */
export function useFullTranslate(): TranslationContextValue {
  addEnglish(enSteps); // once per page
  return useTranslate();
}
