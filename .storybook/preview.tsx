import type { Decorator, Preview } from '@storybook/react-vite';
import { loadLanguage, TranslationProvider, type BuiltInLanguage } from 'cognito-react-kit';
import 'cognito-react-kit/styles.css';
import { feedAuthDevtools } from './authDevtoolsFeed';

const LANGUAGES: Record<BuiltInLanguage, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  he: 'עברית',
  hu: 'Magyar',
  id: 'Bahasa Indonesia',
  it: 'Italiano',
  ja: '日本語',
  kr: '한국어',
  nb: 'Norsk bokmål',
  nl: 'Nederlands',
  pl: 'Polski',
  pt: 'Português (Brasil)',
  ru: 'Русский',
  sv: 'Svenska',
  th: 'ไทย',
  tr: 'Türkçe',
  ua: 'Українська',
  zh: '中文（简体）',
};

/** The page around the card, in the theme's colours (so a story's own text stays readable too). */
const BACKDROP = {
  light: { background: '#ffffff', color: '#1f2328' },
  dark: { background: '#0d1117', color: '#e6edf3' },
} as const;

/**
 * The toolbar's theme and language: `data-theme` on a wrapper (the stylesheet themes any
 * `.crk-authenticator` below it) and the language every UI component below reads.
 */
const withThemeAndLanguage: Decorator = (Story, context) => {
  const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  const language = languageOf(context.globals);
  return (
    <div data-theme={theme} lang={language} style={{ ...BACKDROP[theme], padding: '1rem', minHeight: '100vh', boxSizing: 'border-box' }}>
      <TranslationProvider language={language}>
        <Story />
      </TranslationProvider>
    </div>
  );
};

/** The manager's "Auth" panel shows what the story's engine does (.storybook/manager.tsx). */
const withAuthDevtools: Decorator = (Story, context) => {
  feedAuthDevtools(context.loaded);
  return <Story />;
};

function languageOf(globals: Record<string, unknown>): string {
  const requested = globals['language'];
  return typeof requested === 'string' && requested in LANGUAGES ? requested : 'en';
}

const preview: Preview = {
  decorators: [withThemeAndLanguage, withAuthDevtools],
  // The toolbar's dictionary is fetched before the story renders, so a play function finds its texts at once.
  loaders: [
    async ({ globals }) => {
      await loadLanguage(languageOf(globals));
      return {};
    },
  ],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }], dynamicTitle: true },
    },
    language: {
      description: 'Language of the UI texts',
      toolbar: { title: 'Language', icon: 'globe', items: Object.entries(LANGUAGES).map(([value, title]) => ({ value, title })), dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', language: 'en' },
  parameters: {
    layout: 'fullscreen',
    // Axe runs on every story in the a11y panel; violations count as failures, not warnings.
    a11y: { test: 'error' },
  },
};

export default preview;
